/**
 * The `expect` section: every intent kind parses, and every mistake (unknown keys and kinds,
 * malformed addresses and prefixes, unknown namespaces) is reported with the file's line.
 */
import { describe, expect, it } from 'vitest';
import { parseLab } from '../../../src/labfile/load.js';
import { describeIntent, parseIntents, parseIntentValues, parseIntentPrefix, resolveIntentNamespaces } from '../../../src/verify/intents.js';

const LAB = (expectLines: string) => `hosts:
  h:
    nics: { eth0: 10.0.0.1/24 }
expect:
${expectLines}`;

function parse(expectLines: string) {
  return parseIntents(parseLab(LAB(expectLines), 'lab.yaml').expect);
}

describe('parseIntents', () => {
  it('reads the six kinds, each with its line', () => {
    const { intents, problems } = parse(`  - reach: { from: node1/NS1, to: 172.16.1.2 }
  - isolated: { from: node1/NS1, to: 192.168.0.26 }
  - via: { from: node1/NS1, to: 172.16.1.2, through: [node1, node2] }
  - all-reach: { among: [node1/NS1, node1/NS2, node2/NS1, node2/NS2] }
  - no-loops: {}
  - no-blackholes: { for: 172.16.0.0/16 }
  - no-loops:
  - reach: { from: node1, to: node2/NS1 }
`);
    expect(problems).toEqual([]);
    expect(intents.map((i) => [i.line, i.kind])).toEqual([
      [5, 'reach'],
      [6, 'isolated'],
      [7, 'via'],
      [8, 'all-reach'],
      [9, 'no-loops'],
      [10, 'no-blackholes'],
      [11, 'no-loops'],
      [12, 'reach'],
    ]);
    expect(intents[0]).toEqual({ kind: 'reach', line: 5, from: 'node1/NS1', to: { kind: 'addr', addr: 0xac100102 } });
    expect(intents[2]).toMatchObject({ through: ['node1', 'node2'] });
    expect(intents[5]).toMatchObject({ prefix: { addr: 0xac100000, len: 16 }, from: null });
    expect(intents[7]).toMatchObject({ from: 'node1', to: { kind: 'ns', ns: 'node2/NS1' } });
    expect(intents.map(describeIntent)).toEqual([
      'reach node1/NS1 -> 172.16.1.2',
      'isolated node1/NS1 -/-> 192.168.0.26',
      'via node1/NS1 -> 172.16.1.2 through node1, node2',
      'all-reach among node1/NS1, node1/NS2, node2/NS1, node2/NS2',
      'no-loops',
      'no-blackholes for 172.16.0.0/16',
      'no-loops',
      'reach node1 -> node2/NS1',
    ]);
  });

  it('reports unknown keys and kinds, malformed addresses and prefixes, with their lines', () => {
    const { intents, problems } = parse(`  - reach: { from: h/A, to: 10.0.0.1 }
  - reach: { from: h/A, too: 10.0.0.1 }
  - no-blackholes: { for: 172.16.1..0/24 }
  - no-blackholes: { for: 172.16.1.0/16 }
  - ping: { from: h/A, to: 10.0.0.1 }
  - reach: { from: h/A, to: 172.16.1..2 }
  - reach: { from: h/A }
  - all-reach: { among: [h/A] }
  - all-reach: { among: [h/A, h/A] }
  - via: { from: h/A, to: 10.0.0.1, through: h }
  - { reach: { from: h/A, to: 10.0.0.1 }, no-loops: {} }
  - just text
  - no-loops: { for: 10.0.0.0/8 }
  - no-blackholes: { for: 10.0.0.0/33 }
  - reach: { from: 'a b', to: 10.0.0.1 }
`);
    expect(intents).toHaveLength(1);
    expect(problems).toEqual([
      { line: 6, message: 'unknown key "too" in reach (expected from, to, family, proto, port, answer)' },
      { line: 7, message: 'no-blackholes: "172.16.1..0/24" is not a prefix like 172.16.0.0/16' },
      { line: 8, message: 'no-blackholes: "172.16.1.0/16" has host bits set (did you mean 172.16.0.0/16?)' },
      { line: 9, message: 'unknown intent "ping" (expected reach, isolated, service, via, all-reach, no-loops, no-blackholes)' },
      { line: 10, message: 'reach: "172.16.1..2" is not a valid IPv4 address' },
      { line: 11, message: 'reach needs "to", e.g. `reach: { from: node1/NS1, to: 172.16.1.2 }`' },
      { line: 12, message: 'all-reach: "among" must be all, a glob, or a list of at least 2 namespaces' },
      { line: 13, message: 'all-reach: "h/A" is listed twice' },
      { line: 14, message: 'via: "through" must be a list of namespaces (host or host/NS)' },
      { line: 15, message: 'an intent has exactly one key (reach, isolated, service, via, all-reach, no-loops, no-blackholes); this one has reach, no-loops' },
      { line: 16, message: 'an intent is a map with one key (reach, isolated, service, via, all-reach, no-loops, no-blackholes), e.g. `reach: { from: node1/NS1, to: 172.16.1.2 }`' },
      { line: 17, message: 'unknown key "for" in no-loops (it takes no keys)' },
      { line: 18, message: 'no-blackholes: "10.0.0.0/33" is not a prefix like 172.16.0.0/16' },
      { line: 19, message: 'reach: "from" must be a namespace, host or host/NS (got "a b")' },
    ]);
  });

  it('never throws, whatever the entries are', () => {
    for (const v of [null, 1, 'x', [], [1], { reach: 1 }, { reach: [] }, { via: { from: 1, to: {}, through: [2] } }, { 'no-blackholes': { for: 7 } }]) {
      expect(() => parseIntentValues([v])).not.toThrow();
      expect(parseIntentValues([v]).problems).toHaveLength(1);
    }
  });

  it('reads prefixes strictly', () => {
    expect(parseIntentPrefix('10.0.0.0/8')).toEqual({ addr: 0x0a000000, len: 8 });
    expect(parseIntentPrefix('0.0.0.0/0')).toEqual({ addr: 0, len: 0 });
    expect(parseIntentPrefix('10.8/16')).toBe('"10.8/16" is not a prefix like 172.16.0.0/16');
    expect(parseIntentPrefix('10.0.0.0')).toBe('"10.0.0.0" is not a prefix like 172.16.0.0/16');
  });
});

describe('resolveIntentNamespaces: the one naming rule', () => {
  const known = ['node1', 'node1/NS1', 'node1/NS2', 'node2', 'node2/NS1', 'node2/pod7'];

  it('takes a path, or a namespace name only one host has; names the ambiguous and the unknown with what was meant', () => {
    const { intents, problems } = resolveIntentNamespaces(
      parseIntentValues([
        { reach: { from: 'pod7', to: '10.0.0.1' } },
        { reach: { from: 'NS1', to: '10.0.0.1' } },
        { via: { from: 'node1/NS1', to: 'node2/NS9', through: ['node1', 'node3'] } },
        { isolated: { from: 'nod1/NS2', to: 'NS2' } },
      ]).intents,
      known,
    );
    expect(intents[0]).toMatchObject({ from: 'node2/pod7' });
    expect(intents[3]).toMatchObject({ to: { kind: 'ns', ns: 'node1/NS2' } });
    expect(problems).toEqual([
      { line: 2, message: 'namespace "NS1" is on several hosts (node1/NS1, node2/NS1): say which, as HOST/NS1' },
      { line: 3, message: 'unknown namespace "node2/NS9" (did you mean node2/NS1?)' },
      { line: 3, message: 'unknown namespace "node3" (did you mean node1 or node2?)' },
      { line: 4, message: 'unknown namespace "nod1/NS2" (did you mean node1/NS2?)' },
    ]);
  });

  it('all-reach among all, {}, globs and lists (duplicates once); a glob that matches nothing is a problem', () => {
    const { intents, problems } = resolveIntentNamespaces(
      parseIntentValues([
        { 'all-reach': {} },
        { 'all-reach': { among: 'all' } },
        { 'all-reach': { among: ['node1/*'] } },
        { 'all-reach': { among: ['*/NS1', 'node1/NS1', 'pod7'] } },
        { 'all-reach': { among: ['*'] } },
        { 'all-reach': { among: ['node9/*'] } },
        { 'all-reach': { among: ['node2/p*'] } },
      ]).intents,
      known,
    );
    expect(intents.slice(0, 5).map((i) => (i.kind === 'all-reach' ? i.among : []))).toEqual([known, known, ['node1/NS1', 'node1/NS2'], ['node1/NS1', 'node2/NS1', 'node2/pod7'], ['node1', 'node2']]);
    expect(problems).toEqual([
      { line: 6, message: '"node9/*" matches no namespace (the lab has node1, node1/NS1, node1/NS2, node2, node2/NS1, node2/pod7)' },
      { line: 7, message: 'all-reach: node2/p* stands for 1 namespace (node2/pod7): it takes at least 2' },
    ]);
  });
});
