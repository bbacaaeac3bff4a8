/**
 * The IPv6 fast path of sim/reach against the event engine's `ping -6 -c 1 -W 1`, on every
 * (source, destination) pair of random dual-stack labs (nettwin/testing's dualStackLab: the
 * IPv4 labs with the IPv6 twin of every address, route, forwarding switch and ping), with
 * extra knobs turned here: lo down, IPv6 forwarding on or off, IPv6 disabled on a device,
 * addr_gen_mode none (no link-local: no neighbour solicitation leaves the device), a hop
 * limit of 1 on a device, a namespace left with link-local addresses only, a duplicate
 * address, a blackhole route. The IPv4 half of each lab must still agree too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { arbitraries, toScript } from '../../src/testing/index.js';
import { reachability, reachability6 } from '../../sim/reach/index.js';
import { settleDad } from '../../sim/ipv6/dad-settle.js';
import { formatIp6, ip6Network, isIp6LinkLocal } from '../../src/model/ipv6/ip6.js';

const RUNS = Number(process.env.NETTWIN_REACH_RUNS ?? 40);

type Tweak =
  | { kind: 'sysctl'; ns: number; key: string; value: number }
  | { kind: 'lo-down'; ns: number }
  | { kind: 'dup'; from: number; to: number }
  | { kind: 'blackhole'; ns: number; len: number }
  | { kind: 'dev-sysctl'; ns: number; dev: number; key: string; value: number }
  | { kind: 'flush-global'; ns: number; dev: number };

const tweak: fc.Arbitrary<Tweak> = fc.oneof(
  fc.record({ kind: fc.constant('sysctl' as const), ns: fc.nat(8), key: fc.constant('net.ipv6.conf.all.forwarding'), value: fc.constantFrom(0, 1) }),
  fc.record({ kind: fc.constant('lo-down' as const), ns: fc.nat(8) }),
  fc.record({ kind: fc.constant('dup' as const), from: fc.nat(20), to: fc.nat(20) }),
  fc.record({ kind: fc.constant('blackhole' as const), ns: fc.nat(8), len: fc.integer({ min: 96, max: 128 }) }),
  fc.record({ kind: fc.constant('dev-sysctl' as const), ns: fc.nat(8), dev: fc.nat(8), key: fc.constantFrom('disable_ipv6', 'addr_gen_mode', 'hop_limit'), value: fc.constantFrom(1) }),
  // a namespace left with link-local addresses only: its pings leave from one
  fc.record({ kind: fc.constant('flush-global' as const), ns: fc.nat(8), dev: fc.nat(8) }),
);

function build(script: string, tweaks: Tweak[]): Lab {
  const lab = new Lab();
  const host = lab.host('host');
  host.sh(script);
  const nss = lab.model.namespaces();
  const addrs = nss.flatMap((ns) => ns.linkList().flatMap((l) => l.inet6.addrs.filter((a) => !isIp6LinkLocal(a.addr) && a.addr !== 1n).map((a) => ({ ns, dev: l.name, a }))));
  for (const t of tweaks) {
    const ns = nss[('ns' in t ? t.ns : 0) % nss.length]!;
    const n = ns.name ? `ip netns exec ${ns.name} ` : '';
    if (t.kind === 'sysctl') host.sh(`${n}sysctl -w ${t.key}=${t.value}`);
    else if (t.kind === 'lo-down') host.sh(`${n}ip link set lo down`);
    else if (t.kind === 'dev-sysctl' || t.kind === 'flush-global') {
      const devs = ns.linkList().filter((l) => l.kind !== 'loopback');
      const dev = devs[t.dev % Math.max(1, devs.length)]?.name;
      if (dev === undefined) continue;
      if (t.kind === 'dev-sysctl') host.sh(`${n}sysctl -w net.ipv6.conf.${dev}.${t.key}=${t.value}`);
      else for (const l of ns.linkList()) host.sh(`${n}ip -6 addr flush dev ${l.name} scope global`);
    } else if (t.kind === 'blackhole' && addrs.length) {
      const x = addrs[t.len % addrs.length]!.a;
      host.sh(`${n}ip -6 route add blackhole ${formatIp6(ip6Network(x.addr, t.len))}/${t.len}`);
    } else if (t.kind === 'dup' && addrs.length) {
      const src = addrs[t.from % addrs.length]!;
      const dst = addrs[t.to % addrs.length]!;
      if (src.ns !== dst.ns) {
        const m = dst.ns.name ? `ip netns exec ${dst.ns.name} ` : '';
        host.sh(`${m}ip -6 addr add ${formatIp6(src.a.addr)}/${src.a.prefixLen} dev ${dst.dev} nodad`);
      }
    }
  }
  // what reach answers for: the lab after its script, once DAD is over (as `nettwin reach` waits)
  settleDad(lab.sim, lab.model.namespaces());
  return lab;
}

function compare(lab: Lab): { pairs: number; engine: number; mismatches: string[] } {
  const fast = reachability6(lab.model);
  const ref = reachability6(lab.model, { engine: true });
  const a = fast.matrix();
  const b = ref.matrix();
  const nd = fast.destinations.length;
  const mismatches: string[] = [];
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    mismatches.push(`${fast.sources[Math.floor(k / nd)]!.path} -> ${formatIp6(fast.destinations[k % nd]!.addr)}: fast ${a[k]} engine ${b[k]}`);
  }
  const lazy = reachability6(lab.model);
  for (let i = 0; i < lazy.sources.length; i++) {
    const row = lazy.row(i);
    for (let j = 0; j < nd; j++) if (row[j] !== a[i * nd + j]) mismatches.push(`row ${i} col ${j}: lazy ${row[j]} bulk ${a[i * nd + j]}`);
  }
  return { pairs: a.length, engine: fast.engineChecked, mismatches };
}

describe('IPv6 reachability: fast path == event engine (ping -6)', () => {
  it('on random dual-stack labs, with tweaks', () => {
    let pairs = 0;
    let handed = 0;
    fc.assert(
      fc.property(arbitraries.dualStackLab({ maxPings: 1 }), fc.array(tweak, { maxLength: 4 }), (desc, tweaks) => {
        const lab = build(toScript(desc), tweaks);
        const r = compare(lab);
        pairs += r.pairs;
        handed += r.engine;
        expect(r.mismatches, `${toScript(desc)}\n# tweaks ${JSON.stringify(tweaks)}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.NETTWIN_REACH_SEED ?? 0x6ac4) },
    );
    if (process.env.NETTWIN_REACH_STATS) console.log(`pairs ${pairs}, handed to the engine ${handed}`);
    expect(pairs).toBeGreaterThan(0);
    // the fast path must answer most pairs by itself
    expect(handed * 2).toBeLessThan(pairs);
  });

  it('on random dual-stack labs without faults; the IPv4 half agrees too', () => {
    fc.assert(
      fc.property(arbitraries.dualStackLab({ maxFaults: false, maxPings: 1 }), (desc) => {
        const lab = build(toScript(desc), []);
        expect(compare(lab).mismatches, toScript(desc)).toEqual([]);
        const v4 = reachability(lab.model);
        const v4ref = reachability(lab.model, { engine: true });
        expect(v4.matrix(), toScript(desc)).toEqual(v4ref.matrix());
      }),
      { numRuns: RUNS, seed: Number(process.env.NETTWIN_REACH_SEED ?? 0xd5) },
    );
  });
});
