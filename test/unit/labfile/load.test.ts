import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabFile, parseLab } from '../../../src/labfile/load.js';
import { runLabSim } from '../../../src/labfile/sim-lab.js';
import { verifyLabSim } from '../../../src/verify/verify-file.js';

const lab = (text: string) => parseLab(text, 'lab.yaml');

describe('lab files: NICs', () => {
  it('a NIC without an address (`eth1:` with nothing after it, or a list of names) is up, with no address', () => {
    const spec = lab(`hosts:
  h1:
    nics: { eth0: 10.0.0.1/24, eth1: , eth2: [] }
  h2:
    nics: [eth0, eth1]
links:
  - [h1:eth0, h2:eth0]
  - [h1:eth1, h2:eth1]
`);
    expect(spec.hosts.map((h) => h.nics.map((n) => `${n.name}:${n.addrs.map((a) => a.text).join(',')}`))).toEqual([
      ['eth0:10.0.0.1/24', 'eth1:', 'eth2:'],
      ['eth0:', 'eth1:'],
    ]);
    const { lab: twin } = runLabSim(spec);
    const h2 = twin.model.hosts.get('h2')!.root;
    expect(h2.linkByName('eth0')?.up).toBe(true);
    expect(h2.linkByName('eth0')?.addrs).toEqual([]);
    expect(twin.model.hosts.get('h1')!.root.linkByName('eth1')?.addrs).toEqual([]);
  });

  it('says what a NIC entry must be, with its line', () => {
    expect(() => lab('hosts:\n  h1:\n    nics: eth0\n')).toThrow('lab.yaml:3: nics maps NIC names to addresses, e.g. { enp2s0: 192.168.0.16/24, eth1: }, or lists NIC names, e.g. [eth0, eth1]');
    expect(() => lab('hosts:\n  h1:\n    nics: [eth0, eth0]\n')).toThrow('lab.yaml:3: host "h1" has NIC "eth0" twice');
    expect(() => lab('hosts:\n  h1:\n    nics: { eth0: 10.0.0.1 }\n')).toThrow('lab.yaml:3: "10.0.0.1" is not an IPv4 address with a prefix length (like 192.168.0.16/24)');
    expect(() => lab('hosts:\n  h1:\n    nics: [a/b]\n')).toThrow(`lab.yaml:3: NIC name "a/b" must be 1-15 letters, digits, '.', '_' or '-'`);
  });
});

describe('lab files: intents name namespaces by the one rule', () => {
  it('a glob, a name one host has, and all (which takes in a host without an address: its pairs fail)', () => {
    const r = verifyLabSim(loadLabFile(join(import.meta.dirname, 'fixtures/bare-nics.yaml')));
    expect(r.problems).toEqual([]);
    expect(r.verdicts.map((v) => `${v.name}: ${v.holds ? 'holds' : 'fails'}`)).toEqual(['all-reach among a, b, a/pa: holds', 'reach a/pa -> b: holds', 'all-reach among sw, a, a/pa, b: fails']);
    expect(r.verdicts[2]!.why).toContain('a -> sw: sw has no IPv4 address to send to');
  });
});
