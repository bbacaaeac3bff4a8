/** The JUnit report: well-formed XML (checked by a strict reader, and by Python's expat where it exists) naming every intent. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabFile } from '../../../src/labfile/load.js';
import { junitXml, xmlEscape } from '../../../src/verify/junit.js';
import { verifyLabSim } from '../../../src/verify/verify-file.js';
import { parseXml } from './xml.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples/seed');
const hasPython = spawnSync('python3', ['-c', 'import xml.parsers.expat'], { encoding: 'utf8' }).status === 0;

function expatAccepts(doc: string): string {
  const r = spawnSync('python3', ['-c', 'import sys, xml.parsers.expat as e; p = e.ParserCreate(); p.Parse(sys.stdin.buffer.read(), True); print("ok")'], { input: doc, encoding: 'utf8' });
  return r.stdout.trim() || r.stderr.trim();
}

describe('junitXml', () => {
  const broken = verifyLabSim(loadLabFile(join(EXAMPLES, 'verify-broken.yaml')));
  const xml = junitXml(broken);

  it('is well-formed and has one test case per intent, named and placed', () => {
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '9', failures: '6', errors: '0' });
    const suite = root.children[0]!;
    expect(suite.name).toBe('testsuite');
    const cases = suite.children;
    expect(cases.map((c) => c.attrs.name)).toEqual(broken.verdicts.map((v) => v.name));
    expect(cases.map((c) => Number(c.attrs.line))).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22]);
    expect(cases.every((c) => c.attrs.classname === broken.file && c.attrs.file === broken.file)).toBe(true);
    const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failed.map((c) => c.attrs.name)).toEqual(broken.verdicts.filter((v) => !v.holds).map((v) => v.name));
    const f = failed[1]!.children[0]!;
    expect(f.attrs.type).toBe('reach');
    expect(f.attrs.message).toBe('ping 172.16.1.2 from node1/NS1 fails at once: connect: Network is unreachable');
    expect(f.text).toContain('172.16.0.0/24 dev veth11 proto kernel scope link src 172.16.0.2');
  });

  it.skipIf(!hasPython)('is accepted by expat', () => {
    expect(expatAccepts(xml)).toBe('ok');
    expect(expatAccepts(junitXml(verifyLabSim(loadLabFile(join(EXAMPLES, 'verify.yaml')))))).toBe('ok');
  });

  it('turns problems with the file into error test cases', () => {
    const r = verifyLabSim(loadLabFile(join(import.meta.dirname, 'fixtures/bad.yaml')));
    const root = parseXml(junitXml(r));
    expect(root.attrs).toMatchObject({ tests: '6', failures: '0', errors: '6' });
    expect(root.children[0]!.children.map((c) => c.children[0]!.attrs.message)).toEqual(r.problems.map((p) => p.message));
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\u0008d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
    expect(parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<x a="${xmlEscape('<&>"\'')}">${xmlEscape('1 < 2 & 3')}</x>`)).toEqual({
      name: 'x',
      attrs: { a: `<&>"'` },
      children: [],
      text: '1 < 2 & 3',
    });
  });
});
