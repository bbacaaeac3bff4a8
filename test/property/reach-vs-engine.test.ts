/**
 * The fast path of sim/reach against the event engine, on every (source, destination) pair of
 * random labs: `ping -c 1 -W 1` from a fresh state must get the same answer both ways. Labs
 * come from nettwin/testing's arbitraries (topologies, routes, faults), with extra knobs the
 * arbitraries do not turn here (rp_filter, arp_ignore, accept_local, forwarding per device,
 * lo down, a link down on one side, a duplicate address, a blackhole route), so that both the
 * source-blind fast path and its hand-offs to the engine are exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { arbitraries, toScript } from '../../src/testing/index.js';
import { reachability } from '../../sim/reach/index.js';
import { k8sLab } from '../../src/lab.js';

const RUNS = Number(process.env.NETTWIN_REACH_RUNS ?? 60);

type Tweak = { kind: 'sysctl'; ns: number; key: string; value: number } | { kind: 'lo-down'; ns: number } | { kind: 'dup'; from: number; to: number } | { kind: 'blackhole'; ns: number; len: number };

const tweak: fc.Arbitrary<Tweak> = fc.oneof(
  fc.record({
    kind: fc.constant('sysctl' as const),
    ns: fc.nat(8),
    key: fc.constantFrom(
      'net.ipv4.conf.all.rp_filter',
      'net.ipv4.conf.all.arp_ignore',
      'net.ipv4.conf.all.accept_local',
      'net.ipv4.ip_forward',
      'net.ipv4.conf.all.arp_announce',
      'net.ipv4.conf.all.send_redirects',
    ),
    value: fc.nat(2),
  }),
  fc.record({ kind: fc.constant('lo-down' as const), ns: fc.nat(8) }),
  fc.record({ kind: fc.constant('dup' as const), from: fc.nat(8), to: fc.nat(8) }),
  fc.record({ kind: fc.constant('blackhole' as const), ns: fc.nat(8), len: fc.integer({ min: 8, max: 32 }) }),
);

function build(script: string, tweaks: Tweak[]): Lab {
  const lab = new Lab();
  const host = lab.host('host');
  host.sh(script);
  const nss = lab.model.namespaces();
  const addrs = nss.flatMap((ns) => ns.linkList().flatMap((l) => l.addrs.filter((a) => a.local >>> 24 !== 127).map((a) => ({ ns, dev: l.name, a }))));
  for (const t of tweaks) {
    const ns = nss[('ns' in t ? t.ns : 0) % nss.length]!;
    const n = ns.name ? `ip netns exec ${ns.name} ` : '';
    if (t.kind === 'sysctl') host.sh(`${n}sysctl -w ${t.key}=${t.value}`);
    else if (t.kind === 'lo-down') host.sh(`${n}ip link set lo down`);
    else if (t.kind === 'blackhole' && addrs.length) {
      const x = addrs[t.len % addrs.length]!.a;
      const len = t.len;
      const net = len === 0 ? 0 : (x.local & (-1 << (32 - len))) >>> 0;
      host.sh(`${n}ip route add blackhole ${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${len}`);
    } else if (t.kind === 'dup' && addrs.length) {
      const src = addrs[t.from % addrs.length]!;
      const dst = addrs[t.to % addrs.length]!;
      if (src.ns !== dst.ns) {
        const m = dst.ns.name ? `ip netns exec ${dst.ns.name} ` : '';
        const a = src.a.local;
        host.sh(`${m}ip addr add ${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${src.a.prefixLen} dev ${dst.dev}`);
      }
    }
  }
  return lab;
}

function compare(lab: Lab): { pairs: number; engine: number; mismatches: string[] } {
  const fast = reachability(lab.model);
  const ref = reachability(lab.model, { engine: true });
  const a = fast.matrix();
  const b = ref.matrix();
  const nd = fast.destinations.length;
  const mismatches: string[] = [];
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    const d = fast.destinations[k % nd]!;
    mismatches.push(`${fast.sources[Math.floor(k / nd)]!.path} -> ${d.addr >>> 24}.${(d.addr >>> 16) & 255}.${(d.addr >>> 8) & 255}.${d.addr & 255}: fast ${a[k]} engine ${b[k]}`);
  }
  // the lazy path (one pair, one row) must agree with the bulk pass
  for (let i = 0; i < fast.sources.length; i++) {
    const row = fast.row(i);
    for (let j = 0; j < nd; j++) if (row[j] !== a[i * nd + j]) mismatches.push(`row ${i} col ${j}: lazy ${row[j]} bulk ${a[i * nd + j]}`);
  }
  return { pairs: a.length, engine: fast.engineChecked, mismatches };
}

describe('reachability: fast path == event engine', () => {
  it('on random labs from the arbitraries, with source-sensitive tweaks', () => {
    let pairs = 0;
    let handed = 0;
    fc.assert(
      fc.property(arbitraries.lab({ maxPings: 1 }), fc.array(tweak, { maxLength: 3 }), (desc, tweaks) => {
        const lab = build(toScript(desc), tweaks);
        const r = compare(lab);
        pairs += r.pairs;
        handed += r.engine;
        expect(r.mismatches, `${toScript(desc)}\n# tweaks ${JSON.stringify(tweaks)}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.NETTWIN_REACH_SEED ?? 0x7eac4) },
    );
    if (process.env.NETTWIN_REACH_STATS) console.log(`pairs ${pairs}, handed to the engine ${handed}`);
    // the fast path must answer most pairs by itself
    expect(handed).toBeLessThan(pairs);
  });

  it('on random labs without faults (mostly source-blind: the fast path answers alone)', () => {
    fc.assert(
      fc.property(arbitraries.lab({ maxFaults: false, maxPings: 1 }), (desc) => {
        const lab = build(toScript(desc), []);
        expect(compare(lab).mismatches, toScript(desc)).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.NETTWIN_REACH_SEED ?? 0xb1d) },
    );
  });

  it('on random labs with macvlans (the fast path hands their domains to the engine)', () => {
    fc.assert(
      fc.property(arbitraries.lab({ maxPings: 1, macvlan: true }), fc.array(tweak, { maxLength: 2 }), (desc, tweaks) => {
        const lab = build(toScript(desc), tweaks);
        expect(compare(lab).mismatches, `${toScript(desc)}\n# tweaks ${JSON.stringify(tweaks)}`).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: Number(process.env.NETTWIN_REACH_SEED ?? 0x3ac7) },
    );
  });

  it('on random k8s-style clusters from the arbitraries', () => {
    fc.assert(
      fc.property(arbitraries.k8sCluster({ maxNodes: 3 }), fc.array(tweak, { maxLength: 2 }), (desc, tweaks) => {
        const lab = build(toScript(desc), tweaks);
        expect(compare(lab).mismatches, `${toScript(desc)}\n# tweaks ${JSON.stringify(tweaks)}`).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: Number(process.env.NETTWIN_REACH_SEED ?? 0x8c5) },
    );
  });

  it('on small k8s clusters, including after route changes', () => {
    const lab = k8sLab({ nodes: 3, podsPerNode: 2 });
    const r = reachability(lab.model);
    expect(r.reachableCount).toBe(r.sources.length * r.destinations.length);
    expect(r.engineChecked).toBe(0);
    // node1 loses its route to node2's pods: the incremental answer equals a fresh one
    lab.host('node1').sh('ip route del 10.244.2.0/24');
    const after = reachability(lab.model, { engine: true });
    for (let i = 0; i < r.sources.length; i++) expect(Array.from(r.row(i))).toEqual(Array.from(after.row(i)));
    lab.host('node1').sh('ip route add 10.244.2.0/24 via 192.168.1.3 dev eth0');
    const wrong = reachability(lab.model, { engine: true });
    for (let i = 0; i < r.sources.length; i++) expect(Array.from(r.row(i))).toEqual(Array.from(wrong.row(i)));
  });
});
