import { describe, expect, it } from 'vitest';
import { expandNsNames, isNsPattern, nsSuggestions, resolveNsName } from '../../../src/labfile/ns-names.js';

const LAB = ['node1', 'node1/NS1', 'node1/NS2', 'node2', 'node2/NS1', 'node2/pod7'];
const SCRIPT = ['host', 'host/h1', 'host/h2'];

describe('resolveNsName', () => {
  it('takes a path as the lab has it', () => {
    expect(resolveNsName(LAB, 'node1')).toEqual({ kind: 'ok', path: 'node1' });
    expect(resolveNsName(LAB, 'node2/NS1')).toEqual({ kind: 'ok', path: 'node2/NS1' });
  });

  it('takes a namespace name alone when one host has it (a script: h1 is host/h1)', () => {
    expect(resolveNsName(LAB, 'pod7')).toEqual({ kind: 'ok', path: 'node2/pod7' });
    expect(resolveNsName(SCRIPT, 'h1')).toEqual({ kind: 'ok', path: 'host/h1' });
    expect(resolveNsName(SCRIPT, 'host/h1')).toEqual({ kind: 'ok', path: 'host/h1' });
  });

  it('refuses a name on several hosts, saying which', () => {
    expect(resolveNsName(LAB, 'NS1')).toEqual({ kind: 'error', message: 'namespace "NS1" is on several hosts (node1/NS1, node2/NS1): say which, as HOST/NS1' });
  });

  it('names what was meant on a typo, or lists the lab', () => {
    expect(resolveNsName(LAB, 'node3/NS1')).toEqual({ kind: 'error', message: 'unknown namespace "node3/NS1" (did you mean node1/NS1 or node2/NS1?)' });
    expect(resolveNsName(LAB, 'pod8')).toEqual({ kind: 'error', message: 'unknown namespace "pod8" (did you mean node2/pod7?)' });
    expect(resolveNsName(SCRIPT, 'h3')).toEqual({ kind: 'error', message: 'unknown namespace "h3" (the lab has host, host/h1, host/h2)' });
    expect(resolveNsName(LAB, 'Z')).toEqual({ kind: 'error', message: 'unknown namespace "Z" (the lab has node1, node1/NS1, node1/NS2, node2, node2/NS1, node2/pod7)' });
    expect(nsSuggestions(LAB, 'completely-else')).toEqual([]);
  });
});

describe('expandNsNames', () => {
  it('all, globs within one part of a path, and plain names', () => {
    expect(expandNsNames(LAB, 'all')).toEqual({ kind: 'ok', paths: LAB });
    expect(expandNsNames(LAB, 'node1/*')).toEqual({ kind: 'ok', paths: ['node1/NS1', 'node1/NS2'] });
    expect(expandNsNames(LAB, '*/NS1')).toEqual({ kind: 'ok', paths: ['node1/NS1', 'node2/NS1'] });
    expect(expandNsNames(LAB, '*')).toEqual({ kind: 'ok', paths: ['node1', 'node2'] });
    expect(expandNsNames(LAB, '*/*')).toEqual({ kind: 'ok', paths: ['node1/NS1', 'node1/NS2', 'node2/NS1', 'node2/pod7'] });
    expect(expandNsNames(LAB, 'node?/NS?')).toEqual({ kind: 'ok', paths: ['node1/NS1', 'node1/NS2', 'node2/NS1'] });
    expect(expandNsNames(LAB, 'pod7')).toEqual({ kind: 'ok', paths: ['node2/pod7'] });
  });

  it('a glob that matches nothing, or a name that does not resolve, is an error', () => {
    expect(expandNsNames(LAB, 'node9/*')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^"node9\/\*" matches no namespace \(the lab has node1, /) });
    expect(expandNsNames(LAB, 'NS1')).toMatchObject({ kind: 'error', message: expect.stringContaining('is on several hosts') });
    expect(expandNsNames([], 'all')).toEqual({ kind: 'error', message: 'the lab has no namespace' });
  });

  it('tells patterns from names; regular-expression characters in a name are plain', () => {
    expect(['all', 'node1/*', '*/NS1', 'n?'].every(isNsPattern)).toBe(true);
    expect(['node1', 'node1/NS1', 'a.b', 'x+y'].some(isNsPattern)).toBe(false);
    expect(expandNsNames(['a.b', 'axb'], 'a.*')).toEqual({ kind: 'ok', paths: ['a.b'] });
  });
});
