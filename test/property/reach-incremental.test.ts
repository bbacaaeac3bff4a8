/**
 * Reachability kept in step with a changing model answers as a fresh one: after random
 * sequences of route changes (add, append, prepend, replace, change, del, flush, in random
 * namespaces, with gateways, devices, reject types, other tables), now and then mixed with
 * changes that are not only routes (sysctls, local and broadcast routes), the kept
 * `reachability` — one whose matrix() was asked first, one that was only asked rows — gives
 * the same rows, pairs, count and matrix as `reachability(model)` made afresh. Rows are
 * checked a few at a time, so that rows left behind over several changes are caught up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import type { Netns } from '../../src/model/netns.js';
import { k8sLab } from '../../src/lab.js';
import { arbitraries, toScript } from '../../src/testing/index.js';
import { reachability, type Reachability } from '../../sim/reach/index.js';

const RUNS = Number(process.env.NETTWIN_REACH_RUNS ?? 60);
const LENS = [0, 8, 16, 24, 30, 32];

type Verb = 'add' | 'append' | 'prepend' | 'replace' | 'change' | 'del' | 'flush' | 'sysctl' | 'local' | 'broadcast';
type Check = 'rows' | 'pairs' | 'count' | 'matrix' | 'none';

interface Change {
  verb: Verb;
  ns: number;
  addr: number;
  len: number;
  gw: number;
  dev: number;
  type: number;
  metric: number;
  table100: boolean;
  check: Check;
  /** which rows / pairs to check */
  pick: number;
}

const change: fc.Arbitrary<Change> = fc.record({
  verb: fc.oneof(
    { arbitrary: fc.constantFrom<Verb>('add', 'replace', 'del'), weight: 12 },
    { arbitrary: fc.constantFrom<Verb>('append', 'prepend', 'change', 'flush'), weight: 3 },
    { arbitrary: fc.constantFrom<Verb>('sysctl', 'local', 'broadcast'), weight: 1 },
  ),
  ns: fc.nat(15),
  addr: fc.nat(63),
  len: fc.nat(LENS.length - 1),
  gw: fc.nat(63),
  dev: fc.nat(7),
  type: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 }),
  metric: fc.constantFrom(0, 0, 0, 10, 100),
  table100: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }),
  check: fc.constantFrom<Check>('rows', 'rows', 'pairs', 'count', 'matrix', 'none'),
  pick: fc.nat(1 << 20),
});

const dotted = (a: number) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;

/** The command a change stands for in this lab (null: nothing to do), and the host to run it on. */
function command(lab: Lab, c: Change): { host: string; line: string } | null {
  const nss = lab.model.namespaces();
  const ns: Netns = nss[c.ns % nss.length]!;
  const addrs = [0, ...nss.flatMap((n) => n.linkList().flatMap((l) => l.addrs.map((a) => a.local).filter((a) => a >>> 24 !== 127)))];
  const len = LENS[c.len]!;
  const a = addrs[c.addr % addrs.length]!;
  const p = `${dotted(len === 0 ? 0 : (a & (-1 << (32 - len))) >>> 0)}/${len}`;
  const gw = dotted(addrs[c.gw % addrs.length]!);
  const links = ns.linkList().filter((l) => l.up);
  const dev = links.length ? links[c.dev % links.length]!.name : 'lo';
  const metric = c.metric ? ` metric ${c.metric}` : '';
  const table = c.table100 ? ' table 100' : '';
  const ip = ns.name ? `ip -n ${ns.name}` : 'ip';
  let line: string;
  switch (c.verb) {
    case 'del': {
      const main = ns.tables.get(254)?.routes ?? [];
      if (!main.length) return null;
      const r = main[c.addr % main.length]!;
      line = `${ip} route del ${dotted(r.dst)}/${r.dstLen}${r.metric ? ` metric ${r.metric}` : ''}`;
      break;
    }
    case 'flush':
      line = `${ip} route flush root ${p}${table}`;
      break;
    case 'sysctl':
      line = `${ns.name ? `ip netns exec ${ns.name} ` : ''}sysctl -w net.ipv4.ip_forward=${c.gw & 1}`;
      break;
    case 'local':
      line = `${ip} route add local ${p} dev lo table local`;
      break;
    case 'broadcast':
      line = `${ip} route add broadcast ${dotted(a)} dev ${dev} table main`;
      break;
    default: {
      const type = ['', 'blackhole', 'unreachable', 'prohibit'][c.type]!;
      const nh = type ? '' : c.gw % 3 === 0 ? ` dev ${dev}` : ` via ${gw}`;
      line = `${ip} route ${c.verb} ${type ? `${type} ` : ''}${p}${nh}${metric}${table}`;
    }
  }
  return { host: ns.host.name, line };
}

function ctxOf(r: Reachability): unknown {
  return (r as unknown as { ctx: unknown }).ctx;
}

/** `kept` against `fresh` as `c` asks (everything with `c` null). */
function compare(kept: Reachability, fresh: Reachability, c: Change | null, what: string): void {
  const ns = fresh.sources.length;
  const nd = fresh.destinations.length;
  expect(kept.sources.length, what).toBe(ns);
  expect(
    kept.destinations.map((d) => d.addr),
    what,
  ).toEqual(fresh.destinations.map((d) => d.addr));
  if (!ns || !nd) return;
  const check = c ? c.check : null;
  if (check === null || check === 'rows') {
    const rows = check === null ? [...Array(ns).keys()] : [c!.pick % ns, (c!.pick >> 7) % ns];
    for (const i of rows) expect(Array.from(kept.row(i)), `${what}: row ${i} (${fresh.sources[i]!.path})`).toEqual(Array.from(fresh.row(i)));
  }
  if (check === null || check === 'pairs') {
    for (let k = 0; k < 4; k++) {
      const i = ((c?.pick ?? 0) >> (k * 3)) % ns;
      const j = ((c?.pick ?? 0) >> (k * 4 + 1)) % nd;
      expect(kept.reachable(i, j), `${what}: pair ${i} ${j}`).toBe(fresh.reachable(i, j));
    }
  }
  if (check === null || check === 'count') expect(kept.reachableCount, `${what}: count`).toBe(fresh.reachableCount);
  if (check === null || check === 'matrix') expect(Array.from(kept.matrix()), `${what}: matrix`).toEqual(Array.from(fresh.matrix()));
}

/** Runs the changes on `lab` against two kept reachabilities; returns how many changes kept their context. */
function run(lab: Lab, changes: Change[], first: number): number {
  const withMatrix = reachability(lab.model);
  withMatrix.matrix();
  const rowsOnly = reachability(lab.model);
  if (rowsOnly.sources.length) rowsOnly.row(first % rowsOnly.sources.length);
  let kept = 0;
  const log: string[] = [];
  for (const c of changes) {
    const cmd = command(lab, c);
    if (!cmd) continue;
    log.push(`${cmd.host}: ${cmd.line}`);
    const before = ctxOf(withMatrix);
    lab.host(cmd.host).sh(cmd.line);
    const fresh = reachability(lab.model);
    compare(withMatrix, fresh, c, `after ${log.join(' ; ')} (kept matrix)`);
    compare(rowsOnly, fresh, c, `after ${log.join(' ; ')} (rows only)`);
    if (ctxOf(withMatrix) === before) kept++;
  }
  const fresh = reachability(lab.model);
  compare(rowsOnly, fresh, null, `at the end of ${log.join(' ; ')} (rows only)`);
  compare(withMatrix, fresh, null, `at the end of ${log.join(' ; ')} (kept matrix)`);
  return kept;
}

function build(script: string): Lab {
  const lab = new Lab();
  lab.host('host').sh(script);
  return lab;
}

describe('reachability kept across route changes == reachability made afresh', () => {
  it('on random labs from the arbitraries', () => {
    let kept = 0;
    fc.assert(
      fc.property(arbitraries.lab({ maxPings: 1 }), fc.array(change, { minLength: 1, maxLength: 10 }), fc.nat(), (desc, changes, first) => {
        kept += run(build(toScript(desc)), changes, first);
      }),
      { numRuns: RUNS, seed: Number(process.env.NETTWIN_REACH_SEED ?? 0x1c4e) },
    );
    // the incremental path must have been taken, not only rebuilds
    expect(kept).toBeGreaterThan(RUNS);
  });

  it('on random k8s-style clusters from the arbitraries', () => {
    fc.assert(
      fc.property(arbitraries.k8sCluster({ maxNodes: 3 }), fc.array(change, { minLength: 1, maxLength: 8 }), fc.nat(), (desc, changes, first) => {
        run(build(toScript(desc)), changes, first);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: Number(process.env.NETTWIN_REACH_SEED ?? 0x8c6) },
    );
  });

  it('on the k8s preset (hosts joined by cables), node routes going and coming back', () => {
    const lab = k8sLab({ nodes: 3, podsPerNode: 3 });
    const withMatrix = reachability(lab.model);
    withMatrix.matrix();
    const rowsOnly = reachability(lab.model);
    const pod = rowsOnly.sources.findIndex((ns) => ns.path === 'node1/pod1');
    rowsOnly.row(pod);
    const steps = [
      ['node1', 'ip route del 10.244.2.0/24'],
      ['node1', 'ip route add 10.244.2.0/24 via 192.168.1.3 dev eth0'],
      ['node2', 'ip route replace 10.244.1.0/24 via 192.168.1.3 dev eth0'],
      ['node1', 'ip route del 10.244.2.0/24'],
      ['node1', 'ip route add 10.244.2.0/24 via 192.168.1.2 dev eth0'],
      ['node2', 'ip route replace 10.244.1.0/24 via 192.168.1.1 dev eth0'],
      ['node3', 'ip route add blackhole 10.244.1.2/32'],
      ['node3', 'ip route del blackhole 10.244.1.2/32'],
    ];
    for (const [host, line] of steps) {
      const before = ctxOf(withMatrix);
      lab.host(host!).sh(line!);
      const fresh = reachability(lab.model);
      expect(Array.from(rowsOnly.row(pod)), line).toEqual(Array.from(fresh.row(pod)));
      expect(Array.from(withMatrix.row(pod)), line).toEqual(Array.from(fresh.row(pod)));
      expect(withMatrix.reachableCount, line).toBe(fresh.reachableCount);
      expect(ctxOf(withMatrix), line).toBe(before);
    }
    const fresh = reachability(lab.model);
    compare(rowsOnly, fresh, null, 'rows only');
    compare(withMatrix, fresh, null, 'kept matrix');
  });
});
