/**
 * The kernel's route decisions are written once (src/model/fib-view.ts, route-output.ts,
 * route-input.ts) against a view of the tables; two data structures implement the view: the
 * model's plain scan (what `ip route get` reads) and the simulator's compiled FIB over an LPM
 * (what packets take). On random labs from nettwin/testing, with policy rules, extra tables,
 * reject, throw, TOS and hand-made local routes, sysctls and lo down added, and then route
 * edits the compiled FIB follows incrementally, both must give the same answer to every
 * question: the FIB lookup and each table's, address types, the output route of every
 * (destination, source, oif) — `ip route get` — and the input route of every (destination,
 * source, iif) — the forwarding decision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { addrType, fibLookup, ipDevFind, type FibResult, type FibView, type Flow } from '../../src/model/fib-view.js';
import { fibView } from '../../src/model/fib-lookup.js';
import { ip4ToString, type Ip4 } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import type { Route } from '../../src/model/route.js';
import { routeInput, type InputResult } from '../../src/model/route-input.js';
import { routeOutput, type RtResult } from '../../src/model/route-output.js';
import { arbitraries, toScript } from '../../src/testing/index.js';
import { Simulator } from '../../sim/simulator.js';
import { TestLab } from '../unit/sim/helpers.js';

const RUNS = Number(process.env.NETTWIN_ROUTE_RUNS ?? 60);

/** What is added to a random lab, in one of its namespaces (by index). */
type Tweak =
  | { kind: 'rule'; ns: number; what: number; addr: number; len: number }
  | { kind: 'route'; ns: number; what: number; addr: number; len: number; table: number }
  | { kind: 'sysctl'; ns: number; key: number; value: number }
  | { kind: 'lo-down'; ns: number };

const SYSCTLS = ['net.ipv4.conf.all.rp_filter', 'net.ipv4.conf.all.accept_local', 'net.ipv4.ip_forward', 'net.ipv4.conf.all.route_localnet', 'net.ipv4.conf.all.send_redirects'];
const TABLES = ['', ' table 100', ' table default', ' table local'];

const tweak: fc.Arbitrary<Tweak> = fc.oneof(
  fc.record({ kind: fc.constant('rule' as const), ns: fc.nat(8), what: fc.nat(5), addr: fc.nat(63), len: fc.constantFrom(8, 16, 24, 32) }),
  fc.record({ kind: fc.constant('route' as const), ns: fc.nat(8), what: fc.nat(7), addr: fc.nat(63), len: fc.constantFrom(0, 8, 16, 24, 28, 32), table: fc.nat(TABLES.length - 1) }),
  fc.record({ kind: fc.constant('sysctl' as const), ns: fc.nat(8), key: fc.nat(SYSCTLS.length - 1), value: fc.nat(2) }),
  fc.record({ kind: fc.constant('lo-down' as const), ns: fc.nat(8) }),
);

const dotted = (a: Ip4) => ip4ToString(a >>> 0);
const prefixText = (a: Ip4, len: number) => `${dotted(len === 0 ? 0 : (a & (-1 << (32 - len))) >>> 0)}/${len}`;

/** Every non-loopback address of the lab, and where it is. */
function labAddrs(lab: LabModel): { ns: Netns; dev: Link; addr: Ip4 }[] {
  return lab.namespaces().flatMap((ns) => ns.linkList().flatMap((dev) => dev.addrs.filter((a) => a.local >>> 24 !== 127).map((a) => ({ ns, dev, addr: a.local }))));
}

/** The tweak as commands (some fail, as a script's mistakes do: a failed command changes nothing). */
function commands(lab: Lab, t: Tweak): { ns: Netns; line: string } | null {
  const nss = lab.model.namespaces();
  const ns = nss[t.ns % nss.length];
  if (!ns) return null;
  const addrs = labAddrs(lab.model);
  const devs = ns.linkList().filter((l) => l.kind !== 'loopback');
  const pick = (i: number) => addrs[i % Math.max(1, addrs.length)]?.addr ?? 0x0a000001;
  if (t.kind === 'lo-down') return { ns, line: 'ip link set lo down' };
  if (t.kind === 'sysctl') return { ns, line: `sysctl -w ${SYSCTLS[t.key]}=${t.value}` };
  const p = prefixText(pick(t.addr), t.len);
  if (t.kind === 'rule') {
    const dev = devs[t.addr % Math.max(1, devs.length)]?.name ?? 'lo';
    const line = [
      `ip rule add from ${p} table 100`,
      `ip rule add to ${p} table 100`,
      `ip rule add to ${p} unreachable`,
      `ip rule add from ${p} prohibit`,
      `ip rule add iif ${dev} table 100`,
      `ip rule add to ${p} blackhole`,
    ][t.what];
    return line ? { ns, line } : null;
  }
  const dev = devs[t.addr % Math.max(1, devs.length)]?.name;
  const gw = addrs.find((a) => a.ns === ns && a.dev.name === dev);
  const table = TABLES[t.table] ?? '';
  const line = [
    dev ? `ip route add ${p} dev ${dev}${table}` : null,
    `ip route add blackhole ${p}${table}`,
    `ip route add unreachable ${p}${table}`,
    `ip route add prohibit ${p}${table}`,
    `ip route add throw ${p}${table}`,
    dev ? `ip route add ${p} dev ${dev} tos 0x10${table}` : null,
    dev ? `ip route add local ${p} dev ${dev}${table}` : null,
    dev && gw ? `ip route add ${p} via ${dotted(gw.addr ^ 1)} dev ${dev} onlink metric 7${table}` : null,
  ][t.what];
  return line ? { ns, line } : null;
}

function run(lab: Lab, ns: Netns, line: string): void {
  lab.host('host').sh(ns.name ? `ip netns exec ${ns.name} ${line}` : line);
}

const routeText = (r: Route | null) =>
  r ? `${r.type} ${prefixText(r.dst, r.dstLen)} t${r.table} m${r.metric} tos${r.tos} ${r.dev?.name ?? '-'} gw${r.gateway === null ? '-' : dotted(r.gateway)}` : '-';
const fibText = (a: FibResult | null) => (!a ? 'null' : a.kind === 'error' ? `error ${a.errno} ${routeText(a.route)}` : `table ${a.table}: ${routeText(a.route)}`);

function rtText(r: RtResult | InputResult): string {
  if (!r.ok) return `error ${r.errno}${'why' in r ? ` (${r.why})` : ''} ${routeText(r.route)}`;
  const rt = r.rt;
  const f = rt.flags;
  const flags = `${f.local ? 'L' : ''}${f.broadcast ? 'B' : ''}${f.multicast ? 'M' : ''}${f.redirect ? 'R' : ''}`;
  return `${rt.type} dev ${rt.dev.name} gw ${rt.gateway === null ? '-' : dotted(rt.gateway)} src ${dotted(rt.saddr)} dst ${dotted(rt.daddr)} <${flags}> table ${rt.table} ${routeText(rt.route)} localdev ${rt.localDev?.name ?? '-'}`;
}

/** Destinations worth asking about: every address, every route's edges, the special ones. */
function destinations(lab: LabModel, ns: Netns): Ip4[] {
  const out = new Set<Ip4>([0, 0x7f000001, 0x7f030405, 0xffffffff, 0xe0000001, 0xef010203, 0x08080808, 0x00010203]);
  for (const a of labAddrs(lab)) {
    out.add(a.addr);
    out.add((a.addr ^ 1) >>> 0);
  }
  for (const t of ns.tables.values()) {
    for (const r of t.routes) {
      const size = r.dstLen === 0 ? 2 ** 32 : 2 ** (32 - r.dstLen);
      out.add(r.dst >>> 0);
      out.add((r.dst + size - 1) >>> 0);
    }
  }
  return [...out];
}

/** How many answers of each kind the questions got (so that a run shows it asked real ones). */
const seen = { routed: 0, local: 0, forwarded: 0, refused: 0 };

function count(r: RtResult | InputResult): void {
  if (!r.ok) seen.refused++;
  else if (r.rt.input && r.rt.type === 'unicast') seen.forwarded++;
  else if (r.rt.flags.local) seen.local++;
  else seen.routed++;
}

/** Every question to both views of one namespace; the disagreements. */
function disagreements(lab: LabModel, ns: Netns, sim: Simulator): string[] {
  const model: FibView = fibView(ns);
  const st = sim.state(ns);
  const bad: string[] = [];
  const same = (what: string, a: string, b: string) => {
    if (a !== b && bad.length < 20) bad.push(`${ns.path}: ${what}\n  model: ${a}\n  sim:   ${b}`);
  };
  const links = ns.linkList();
  const own = links.flatMap((l) => l.addrs.map((a) => a.local));
  const foreign = labAddrs(lab).find((a) => a.ns !== ns)?.addr ?? 0x0a636363;
  const srcs = [...new Set([0, ...own.slice(0, 3), foreign, 0x7f000001, 0xe0000001])];
  if (model.fib.customLocalRoutes !== st.fib.customLocalRoutes) bad.push(`${ns.path}: customLocalRoutes`);
  for (const dst of destinations(lab, ns)) {
    const d = dotted(dst);
    same(`addr type of ${d}`, addrType(model.fib, dst), addrType(st.fib, dst));
    same(`ip_dev_find ${d}`, ipDevFind(model.fib, dst)?.name ?? '-', ipDevFind(st.fib, dst)?.name ?? '-');
    for (const id of ns.tables.keys()) {
      const flow: Flow = { dst, src: 0, oif: null, iif: null, scope: 0 };
      same(`table ${id} lookup ${d}`, fibText(model.fib.tableLookup(id, flow)), fibText(st.fib.tableLookup(id, flow)));
    }
    for (const src of srcs) {
      for (const oif of [null, ...links]) {
        for (const tos of oif ? [0] : [0, 0x10]) {
          const flow: Flow = { dst, src, oif, iif: model.loopback, scope: 0, tos };
          same(`fib_lookup ${d} from ${dotted(src)} oif ${oif?.name ?? '-'} tos ${tos}`, fibText(fibLookup(model.fib, flow)), fibText(fibLookup(st.fib, flow)));
          const out = { dst, src, oif, tos };
          const m = routeOutput(model, out);
          count(m);
          same(`route get ${d} from ${dotted(src)} oif ${oif?.name ?? '-'} tos ${tos}`, rtText(m), rtText(routeOutput(st, out)));
        }
      }
      for (const iif of links) {
        const flow = { dst, src, iif };
        const m = routeInput(model, flow);
        count(m);
        same(`route get ${d} from ${dotted(src)} iif ${iif.name}`, rtText(m), rtText(routeInput(st, flow)));
      }
    }
  }
  return bad;
}

function check(lab: LabModel, sim: Simulator): string[] {
  return lab.namespaces().flatMap((ns) => disagreements(lab, ns, sim));
}

describe('model scan and compiled FIB: the same route decisions', () => {
  it('on random labs with rules, tables, reject/throw/TOS/local routes and sysctls, before and after route edits', () => {
    fc.assert(
      fc.property(arbitraries.lab({ maxPings: 0, minPings: 0 }), fc.array(tweak, { maxLength: 6 }), fc.array(tweak, { maxLength: 4 }), (desc, tweaks, edits) => {
        const lab = new Lab();
        lab.host('host').sh(toScript(desc));
        for (const t of tweaks) {
          const c = commands(lab, t);
          if (c) run(lab, c.ns, c.line);
        }
        const sim = new Simulator(lab.model);
        const where = `${toScript(desc)}\n# tweaks ${JSON.stringify(tweaks)}`;
        expect(check(lab.model, sim), where).toEqual([]);
        // route edits after the FIB was compiled: it follows them in place (the route journal)
        for (const t of edits) {
          if (t.kind !== 'route') continue;
          const c = commands(lab, t);
          if (c) run(lab, c.ns, c.line);
        }
        expect(check(lab.model, sim), `${where}\n# edits ${JSON.stringify(edits)}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.NETTWIN_ROUTE_SEED ?? 0x70a7e) },
    );
    // every kind of answer came up, many times
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(100);
  });

  it('on hand-made labs: a router, reject routes, lo down, a default via an own address, secondary and lo addresses', () => {
    const labs: [string, TestLab][] = [
      ['router', new TestLab().router(true)],
      ['reject routes', new TestLab().router(true).reject('A', 'blackhole', '10.0.7.0/24').reject('A', 'unreachable', '10.0.8.0/24').reject('A', 'prohibit', '10.0.9.0/24')],
      ['no default route, lo down', new TestLab().pair()],
      ['default via own address', new TestLab().pair().route('A', 'default', { via: '10.0.0.1' })],
      ['secondary and lo addresses', new TestLab().router(true).addr('A', 'va', '10.0.1.5/24').addr('A', 'lo', '172.16.0.1/32')],
    ];
    for (const [name, t] of labs) expect(check(t.lab, t.sim), name).toEqual([]);
  });
});
