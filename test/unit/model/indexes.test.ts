/**
 * The bookkeeping that keeps big scripts linear (issue #7): the name index and ifindex order
 * of a namespace, nsid allocation, a bridge's port index, addrconf's pending links. Random
 * command sequences, each step checked against the plain scan the index replaces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { checkInvariants } from '../../../src/model/invariants.js';
import { freePortNo, lowestPortMac, smallestPortMtu } from '../../../src/model/bridge-ports.js';
import { NsidMap, nsidHolders } from '../../../src/model/nsid-map.js';
import type { Netns } from '../../../src/model/netns.js';
import type { Link } from '../../../src/model/link.js';

const VETHS = ['v1', 'v2', 'v3', 'v4', 'v5'];
const BRIDGES = ['br0', 'br1'];
const NAMES = [...VETHS, ...BRIDGES, 'x1', 'x2'];
const NSES = ['n1', 'n2'];
const dev = fc.constantFrom(...NAMES);
const ns = fc.constantFrom(...NSES);

/** One random command over a small alphabet of devices, bridges and namespaces. */
const command = fc.oneof(
  { arbitrary: fc.constantFrom(...VETHS).map((x) => `ip link add ${x} type veth peer name p${x.slice(1)}`), weight: 3 },
  { arbitrary: fc.constantFrom(...BRIDGES).map((x) => `ip link add ${x} type bridge`), weight: 1 },
  { arbitrary: fc.tuple(dev, fc.constantFrom(...BRIDGES)).map(([x, br]) => `ip link set ${x} master ${br}`), weight: 4 },
  { arbitrary: dev.map((x) => `ip link set ${x} nomaster`), weight: 1 },
  { arbitrary: dev.map((x) => `ip link set ${x} up`), weight: 2 },
  { arbitrary: dev.map((x) => `ip link set ${x} down`), weight: 1 },
  { arbitrary: dev.map((x) => `ip link del ${x}`), weight: 1 },
  { arbitrary: fc.tuple(dev, dev).map(([x, y]) => `ip link set ${x} name ${y}`), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...VETHS, 'p1', 'p2', 'p3'), ns).map(([x, n]) => `ip link set ${x} netns ${n}`), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...VETHS, 'p1', 'p2', 'p3'), ns).map(([x, n]) => `ip -n ${n} link set ${x} up`), weight: 1 },
  { arbitrary: fc.tuple(dev, fc.integer({ min: 1, max: 250 })).map(([x, k]) => `ip link set ${x} address 02:00:00:00:00:${k.toString(16).padStart(2, '0')}`), weight: 1 },
  { arbitrary: fc.tuple(dev, fc.constantFrom(1280, 1400, 1500, 9000)).map(([x, m]) => `ip link set ${x} mtu ${m}`), weight: 1 },
  { arbitrary: ns.map((n) => `ip netns add ${n}`), weight: 1 },
  { arbitrary: ns.map((n) => `ip netns del ${n}`), weight: 1 },
  { arbitrary: dev.map((x) => `ip -6 addr flush dev ${x}`), weight: 1 },
);

/** What each index must agree with: a scan of the namespace, as the code did before. */
function scanProblems(ns: Netns): string[] {
  const out: string[] = [];
  const links = [...ns.links.values()];
  const sorted = [...links].sort((a, b) => a.ifindex - b.ifindex);
  const list = ns.linkList();
  if (list.length !== sorted.length || list.some((l, i) => l !== sorted[i])) out.push(`${ns.path}: linkList is not the links in ifindex order`);
  for (const name of [...NAMES, 'p1', 'p2', 'p3', 'p4', 'p5', 'lo', 'nosuch']) {
    const scan = links.find((l) => l.name === name);
    if (ns.linkByName(name) !== scan) out.push(`${ns.path}: linkByName(${name})`);
  }
  for (const br of links.filter((l) => l.kind === 'bridge')) {
    const ports = sorted.filter((l) => l.master === br);
    let mac: string | null = null;
    for (const p of ports) if (mac === null || p.mac < mac) mac = p.mac;
    if (lowestPortMac(br) !== mac) out.push(`${ns.path}: lowest port MAC of ${br.name}`);
    let mtu = 0;
    for (const p of ports) if (!mtu || p.mtu < mtu) mtu = p.mtu;
    if (smallestPortMtu(br) !== mtu) out.push(`${ns.path}: smallest port MTU of ${br.name}`);
    const taken = new Set(ports.map((p) => p.portNo));
    let no = 1;
    while (taken.has(no)) no++;
    if (freePortNo(br) !== no) out.push(`${ns.path}: free port number of ${br.name}`);
  }
  return out;
}

describe('indexes kept in step with the model', () => {
  it('agree with a scan after every command of random scripts', () => {
    fc.assert(
      // the indexes are looked at after some commands only: several changes may pile up between
      fc.property(fc.array(fc.tuple(command, fc.boolean()), { minLength: 1, maxLength: 40 }), (random) => {
        const lab = new Lab({ seed: 3 });
        const host = lab.host('h');
        const setup = ['ip link add br0 type bridge', 'ip link add br1 type bridge', 'ip netns add n1', ...VETHS.map((v) => `ip link add ${v} type veth peer name p${v.slice(1)}`)];
        const lines: [string, boolean][] = [...setup.map((l): [string, boolean] => [l, false]), ...random, ['true', true]];
        let held: Link[] | null = null;
        let copy: Link[] = [];
        for (const [line, look] of lines) {
          host.sh(line);
          if (!look) continue;
          // a list handed out earlier is never changed under its holder
          if (held) expect(held).toEqual(copy);
          held = host.host.root.linkList();
          copy = [...held];
          const broken = [...checkInvariants(lab.model), ...lab.model.namespaces().flatMap(scanProblems)];
          expect(broken, line).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a big bridge: ports leaving in MAC order still give the lowest MAC at once', () => {
    const lab = new Lab({ seed: 1 });
    const host = lab.host('h');
    const lines = ['ip link add br0 type bridge'];
    for (let i = 1; i <= 200; i++)
      lines.push(
        `ip link add v${i} address 02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')} type veth peer name p${i}`,
        `ip link set v${i} master br0`,
      );
    host.sh(lines.join('\n'));
    const br = host.host.root.linkByName('br0')!;
    expect(br.mac).toBe('02:00:00:00:00:01');
    for (let i = 1; i < 200; i++) {
      host.sh(`ip link del v${i}`);
      expect(br.mac).toBe(`02:00:00:00:${((i + 1) >> 8).toString(16).padStart(2, '0')}:${((i + 1) & 255).toString(16).padStart(2, '0')}`);
    }
  });
});

describe('NsidMap', () => {
  it('gives the lowest free id and knows who holds one, as a scan would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('set', 'delete', 'clear'), fc.nat(5), fc.nat(5), fc.nat(8)), { maxLength: 60 }), (ops) => {
        // namespaces of their own: one NsidMap per owner, as in the model
        const lab = new Lab();
        const nses = Array.from({ length: 6 }, (_, i) => lab.host(`h${i}`).host.root);
        const maps = nses.map((ns) => new NsidMap(ns));
        for (const [op, a, b, id] of ops) {
          if (op === 'set') maps[a]!.set(nses[b]!, id);
          else if (op === 'delete') maps[a]!.delete(nses[b]!);
          else if (b === 0) maps[a]!.clear();
          for (const m of maps) {
            const used = new Set(m.values());
            let free = 0;
            while (used.has(free)) free++;
            expect(m.lowestFree()).toBe(free);
          }
          for (let k = 0; k < nses.length; k++) {
            const want = nses.filter((_, j) => maps[j]!.has(nses[k]!));
            expect(new Set(nsidHolders(nses[k]!))).toEqual(new Set(want));
          }
        }
      }),
    );
  });
});
