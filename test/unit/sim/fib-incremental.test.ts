/**
 * The compiled FIB brought up to date from the route journal (sim/fib.ts `Fib.of(ns, prev)`)
 * answers every lookup as a FIB compiled from scratch over the same model, over random
 * sequences of `ip route` edits (add, append, prepend, replace, change, del, flush; tables
 * main, 100 and local; unicast, reject and broadcast types) mixed with address changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import type { Netns } from '../../../src/model/netns.js';
import { Fib, type FibAnswer, type Flow } from '../../../sim/fib.js';

const BASES = ['10.0.0.0', '10.0.1.0', '10.1.0.0', '10.1.2.0', '10.200.0.0', '0.0.0.0', '192.168.5.0'];
const LENS = [0, 8, 16, 24, 25, 30, 32];
const GWS = ['10.0.0.2', '10.0.0.3', '10.1.0.9', '10.0.0.1', '10.77.0.1'];

type Edit = {
  verb: 'add' | 'append' | 'prepend' | 'replace' | 'change' | 'del' | 'flush' | 'addr' | 'local';
  base: number;
  len: number;
  gw: number;
  dev: number;
  metric: number;
  type: number;
  table: number;
};

const edit: fc.Arbitrary<Edit> = fc.record({
  verb: fc.oneof(
    { arbitrary: fc.constantFrom('add' as const, 'replace' as const, 'del' as const), weight: 8 },
    { arbitrary: fc.constantFrom('append' as const, 'prepend' as const, 'change' as const), weight: 3 },
    { arbitrary: fc.constantFrom('flush' as const, 'addr' as const, 'local' as const), weight: 1 },
  ),
  base: fc.nat(BASES.length - 1),
  len: fc.nat(LENS.length - 1),
  gw: fc.nat(GWS.length),
  dev: fc.nat(1),
  metric: fc.constantFrom(0, 0, 10, 100),
  type: fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 2 }),
  table: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.constant(1), weight: 1 }),
});

function prefix(e: Edit): string {
  const [a, b, c, d] = BASES[e.base]!.split('.').map(Number) as [number, number, number, number];
  const len = LENS[e.len]!;
  const n = len === 0 ? 0 : (((a << 24) | (b << 16) | (c << 8) | d) & (-1 << (32 - len))) >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${len}`;
}

function command(e: Edit): string {
  const table = e.table ? ' table 100' : '';
  const metric = e.metric ? ` metric ${e.metric}` : '';
  const p = prefix(e);
  if (e.verb === 'flush') return `ip route flush root ${p}${table}`;
  if (e.verb === 'addr') return `ip addr add ${p.split('/')[0] === '0.0.0.0' ? '10.3.3.3/24' : `${p.split('/')[0]}/24`} dev ${e.dev ? 'w0' : 'v0'}`;
  if (e.verb === 'local') return `ip route add local ${p} dev lo table local`;
  if (e.verb === 'del') return `ip route del ${p}${metric}${table}`;
  const type = ['', 'blackhole ', 'unreachable ', 'prohibit ', 'throw ', 'broadcast '][e.type]!;
  // broadcast routes are host routes, put in main or table 100 (not local, their default)
  if (type === 'broadcast ') return `ip route ${e.verb} broadcast ${BASES[e.base]!.replace(/\.0$/, '.255')} dev ${e.dev ? 'w0' : 'v0'}${metric} table ${e.table ? 100 : 'main'}`;
  if (type && type !== 'broadcast ') return `ip route ${e.verb} ${type}${p}${metric}${table}`;
  const nh = e.gw < GWS.length && !type ? `via ${GWS[e.gw]}` : `dev ${e.dev ? 'w0' : 'v0'}`;
  return `ip route ${e.verb} ${type}${p} ${nh}${metric}${table}`;
}

function setup(): { lab: Lab; ns: Netns } {
  const lab = new Lab();
  lab.host('h').sh(`ip link add v0 type veth peer name v1
ip link add w0 type veth peer name w1
ip link set v0 up
ip link set v1 up
ip link set w0 up
ip link set w1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.1.0.1/16 dev w0`);
  return { lab, ns: lab.model.netns('h')! };
}

function key(a: FibAnswer | null): string {
  if (!a) return 'null';
  if (a.kind === 'error') return `error ${a.errno} ${a.route ? `${a.route.dst}/${a.route.dstLen}#${a.route.metric}` : '-'}`;
  const r = a.route;
  return `route t${a.table} ${r.type} ${r.dst}/${r.dstLen} m${r.metric} gw${r.gateway} dev${r.dev?.name ?? '-'}`;
}

/** Every prefix boundary the model has (and had), probed with a few flows. */
function probes(ns: Netns, extra: Set<number>): number[] {
  const out = new Set<number>(extra);
  for (const t of ns.tables.values()) {
    for (const r of t.routes) {
      const size = r.dstLen === 0 ? 2 ** 32 : 2 ** (32 - r.dstLen);
      out.add(r.dst >>> 0);
      out.add((r.dst + size - 1) >>> 0);
      if (r.dst > 0) out.add((r.dst - 1) >>> 0);
      extra.add(r.dst >>> 0);
    }
  }
  return [...out];
}

function same(ns: Netns, kept: Fib, fresh: Fib, seen: Set<number>): void {
  const lo = ns.linkByName('v0')!;
  for (const dst of probes(ns, seen)) {
    const flows: Flow[] = [
      { dst, src: 0, oif: null, iif: null, scope: 0 },
      { dst, src: 0, oif: lo, iif: null, scope: 0 },
      { dst, src: 0, oif: null, iif: null, scope: 253 },
    ];
    for (const f of flows) {
      expect(key(kept.lookup(f)), `lookup ${dst}`).toBe(key(fresh.lookup(f)));
      for (const id of ns.tables.keys()) expect(key(kept.tableLookup(id, f)), `table ${id} ${dst}`).toBe(key(fresh.tableLookup(id, f)));
    }
    expect(kept.addrType(dst)).toBe(fresh.addrType(dst));
    expect(kept.localDev(dst)).toBe(fresh.localDev(dst));
  }
  expect(kept.customLocalRoutes).toBe(fresh.customLocalRoutes);
  expect([...kept.broadcasts].sort()).toEqual([...fresh.broadcasts].sort());
}

describe('incremental FIB', () => {
  it('equals a fresh compile after every random route edit', () => {
    let incremental = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const { lab, ns } = setup();
        const h = lab.host('h');
        let fib = Fib.of(ns, null);
        const seen = new Set<number>();
        for (const e of edits) {
          h.sh(command(e));
          const before = fib;
          fib = Fib.of(ns, fib);
          if (fib === before && fib.version === ns.version) incremental++;
          expect(fib.version).toBe(ns.version);
          same(ns, fib, Fib.of(ns, null), seen);
        }
      }),
      { numRuns: 150, seed: 0xf1b },
    );
    // most edits must have taken the incremental path
    expect(incremental).toBeGreaterThan(500);
  });

  it('updates in place after `ip route` edits, compiles again after other changes', () => {
    const { lab, ns } = setup();
    const h = lab.host('h');
    const a = Fib.of(ns, null);
    h.sh('ip route add 10.9.0.0/16 via 10.0.0.2');
    expect(Fib.of(ns, a)).toBe(a);
    expect(a.lookup({ dst: 0x0a090001, src: 0, oif: null, iif: null, scope: 0 }).kind).toBe('route');
    h.sh('ip route del 10.9.0.0/16');
    expect(Fib.of(ns, a)).toBe(a);
    expect(a.lookup({ dst: 0x0a090001, src: 0, oif: null, iif: null, scope: 0 }).kind).toBe('error');
    h.sh('ip addr add 10.4.0.1/24 dev v0');
    const b = Fib.of(ns, a);
    expect(b).not.toBe(a);
    h.sh('ip route add broadcast 10.4.0.77 dev v0 table main');
    expect(Fib.of(ns, b)).not.toBe(b);
  });

  it('compiles again when the journal no longer reaches back to its version', () => {
    const { lab, ns } = setup();
    const h = lab.host('h');
    const a = Fib.of(ns, null);
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) lines.push(`ip route add 10.${100 + (i >> 8)}.${i & 255}.0/24 via 10.0.0.2`);
    h.sh(lines.join('\n'));
    h.sh('ip route flush root 10.100.0.0/14');
    h.sh(lines.slice(0, 10).join('\n'));
    const b = Fib.of(ns, a);
    expect(b).not.toBe(a);
    same(ns, b, Fib.of(ns, null), new Set());
  });
});
