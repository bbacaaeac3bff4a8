/**
 * The route journal (route-journal.ts), the lab's namespace notes (ns-changes.ts) and the two
 * versions of a namespace: `ip route` edits are journaled by prefix and move `version` only;
 * everything else moves `structVersion` too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { parseIp4 } from '../../../src/model/ip.js';
import type { Netns } from '../../../src/model/netns.js';
import { RouteJournal } from '../../../src/model/route-journal.js';
import { TABLE, type Route } from '../../../src/model/route.js';
import { RouteTable } from '../../../src/model/table.js';

const ip = (s: string) => parseIp4(s)!;

function host(): { lab: Lab; sh: (s: string) => void; ns: Netns } {
  const lab = new Lab();
  const h = lab.host('h');
  h.sh(`ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0`);
  return { lab, sh: (s) => void h.sh(s), ns: lab.model.netns('h')! };
}

describe('route journal', () => {
  it('notes each `ip route` edit by table and prefix, without moving structVersion', () => {
    const { sh, ns } = host();
    const v = ns.version;
    const sv = ns.structVersion;
    sh('ip route add 10.9.0.0/16 via 10.0.0.2');
    sh('ip route replace 10.9.0.0/16 via 10.0.0.3');
    sh('ip route add 10.8.0.0/24 dev v0 table 100');
    sh('ip route del 10.9.0.0/16');
    expect(ns.version).toBe(v + 4);
    expect(ns.structVersion).toBe(sv);
    expect(ns.routeJournal.since(v)!.map((e) => [e.table, e.dst, e.dstLen, e.version - v])).toEqual([
      [TABLE.main, ip('10.9.0.0'), 16, 0],
      [TABLE.main, ip('10.9.0.0'), 16, 1],
      [100, ip('10.8.0.0'), 24, 2],
      [TABLE.main, ip('10.9.0.0'), 16, 3],
    ]);
    expect(ns.routeJournal.since(v + 3)!.length).toBe(1);
    expect(ns.routeJournal.since(ns.version)).toEqual([]);
  });

  it('a refused route changes nothing: no version, no note', () => {
    const { sh, ns } = host();
    const v = ns.version;
    sh('ip route add 10.9.0.0/16 via 192.168.7.7');
    sh('ip route del 10.99.0.0/16');
    expect(ns.version).toBe(v);
    expect(ns.routeJournal.since(v)).toEqual([]);
  });

  it('addresses and links move structVersion (their kernel routes are journaled too)', () => {
    const { sh, ns } = host();
    const sv = ns.structVersion;
    const v = ns.version;
    sh('ip addr add 10.5.0.1/24 dev v0');
    expect(ns.structVersion).toBeGreaterThan(sv);
    expect(ns.routeJournal.since(v)!.some((e) => e.dst === ip('10.5.0.0') && e.dstLen === 24 && e.table === TABLE.main)).toBe(true);
    const sv2 = ns.structVersion;
    sh('sysctl -w net.ipv4.ip_forward=1');
    expect(ns.structVersion).toBeGreaterThan(sv2);
  });

  it('keeps the last `capacity` edits and says when an older version is no longer covered', () => {
    const owner = { version: 0 };
    const j = new RouteJournal(owner, 4);
    for (let v = 0; v < 6; v++) {
      owner.version = v;
      j.record(254, v, 32);
    }
    expect(j.covers(1)).toBe(false);
    expect(j.since(1)).toBeNull();
    expect(j.covers(2)).toBe(true);
    expect(j.since(2)!.map((e) => e.dst)).toEqual([2, 3, 4, 5]);
    expect(j.since(4)!.map((e) => e.dst)).toEqual([4, 5]);
    // two edits at one version: dropping the first uncovers that version
    owner.version = 6;
    j.record(254, 60, 32);
    j.record(254, 61, 32);
    expect(j.since(3)).toBeNull();
    expect(j.since(4)!.map((e) => e.dst)).toEqual([4, 5, 60, 61]);
  });

  it('flushing more routes than the journal holds leaves older versions uncovered', () => {
    const { sh, ns } = host();
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(`ip route add 10.${100 + (i >> 8)}.${i & 255}.0/24 via 10.0.0.2`);
    sh(lines.join('\n'));
    const v = ns.version;
    sh('ip route flush root 10.100.0.0/14');
    sh(lines.join('\n'));
    sh('ip route flush root 10.100.0.0/14');
    sh(lines.join('\n'));
    sh('ip route flush root 10.100.0.0/14');
    sh(lines.join('\n'));
    expect(ns.routeJournal.covers(v)).toBe(false);
    expect(ns.routeJournal.since(v)).toBeNull();
  });
});

describe('lab namespace notes', () => {
  it('name the namespace of each version bump, and see a namespace made as a gap', () => {
    const lab = new Lab();
    const h = lab.host('h');
    h.sh('ip netns add A\nip link add v0 type veth peer name v1 netns A\nip link set v0 up');
    const a = lab.model.netns('h/A')!;
    const root = lab.model.netns('h')!;
    const v = lab.model.version;
    h.sh('ip -n A link set v1 up\nip route add 10.1.0.0/16 dev v0');
    const noted = lab.model.nsChanges.since(v, lab.model.version)!;
    expect(noted.length).toBe(lab.model.version - v);
    expect(new Set(noted)).toEqual(new Set([a, root]));
    const v2 = lab.model.version;
    h.sh('ip netns add B');
    expect(lab.model.nsChanges.since(v2, lab.model.version)).toBeNull();
  });
});

describe('RouteTable', () => {
  function route(dst: number, dstLen: number, metric: number, tos: number): Route {
    return { table: 254, type: 'unicast', dst, dstLen, tos, protocol: 4, scope: 0, metric, dev: null, gateway: null, prefsrc: null, onlink: false, nhScope: 0 };
  }

  it('withPrefix (a binary search) finds what a scan finds, in table order', () => {
    const arb = fc.array(fc.record({ a: fc.nat(7), len: fc.constantFrom(0, 8, 16, 24, 30, 32), metric: fc.constantFrom(0, 10), tos: fc.constantFrom(0, 4), append: fc.boolean() }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.nat(7), fc.constantFrom(0, 8, 16, 24, 30, 32), (rs, qa, qlen) => {
        const t = new RouteTable(254);
        for (const x of rs) {
          const addr = (0x0a000000 + x.a * 0x01010101) >>> 0;
          const dst = x.len === 0 ? 0 : (addr & (-1 << (32 - x.len))) >>> 0;
          t.insert(route(dst, x.len, x.metric, x.tos), x.append);
        }
        const addr = (0x0a000000 + qa * 0x01010101) >>> 0;
        const dst = qlen === 0 ? 0 : (addr & (-1 << (32 - qlen))) >>> 0;
        expect(t.withPrefix(dst, qlen)).toEqual(t.routes.filter((r) => r.dst === dst && r.dstLen === qlen));
      }),
      { numRuns: 300, seed: 0x7ab1e },
    );
  });

  it("replace puts the new route in the old one's place and notes it", () => {
    const owner = { version: 7 };
    const j = new RouteJournal(owner);
    const t = new RouteTable(254, j);
    const a = route(ip('10.0.0.0'), 8, 0, 0);
    const b = route(ip('10.1.0.0'), 16, 0, 0);
    t.insert(a, false);
    t.insert(b, false);
    const a2 = { ...a, metric: 0, gateway: ip('10.0.0.9') };
    t.replace(a, a2);
    expect(t.routes).toEqual([a2, b]);
    expect(j.since(7)!.map((e) => [e.dst, e.dstLen])).toEqual([
      [ip('10.0.0.0'), 8],
      [ip('10.1.0.0'), 16],
      [ip('10.0.0.0'), 8],
    ]);
  });
});
