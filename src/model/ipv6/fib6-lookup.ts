/**
 * The IPv6 FIB lookup (net/ipv6/ip6_fib.c fib6_node_lookup, route.c ip6_pol_route, rt6_select,
 * find_match, rt6_score_route; fib6_rules.c), written once: `ip -6 route get` and the
 * simulator's packets both ask it. Without custom rules the kernel asks table local, then
 * main; with them the rules run by priority (a table that has no route for the destination
 * passes to the next rule). In a table the longest prefix with a usable route wins; among
 * the routes of one prefix, the lowest metric, then (same metric) the better score: the
 * requested output device, the router preference, and — for a host (forwarding off on `all`)
 * — a gateway whose neighbour entry has not failed; a prefix none of whose routes qualifies
 * falls back to shorter ones. A route past its expiry is skipped (it stays listed until the
 * gc removes it: fib6-gc.ts).
 */
import { fibRulesLookup } from '../fib-rules.js';
import type { Link } from '../link.js';
import type { Netns } from '../netns.js';
import { ringFrom, type Route6 } from './fib6.js';
import { multipathHash6, upperBounds } from '../multipath-hash.js';
import { TABLE6, type Rule6 } from './inet6-ns.js';
import { ip6InPrefix, type Ip6 } from './ip6.js';

export type Fib6Errno = 'ENETUNREACH' | 'EHOSTUNREACH' | 'EINVAL' | 'EACCES';

/**
 * `hashed`: the route has siblings the kernel's flow hash may take instead (fib6_select_path);
 * `route` is then the one rt6_select chose, which the hash may keep or not.
 */
export type Fib6Result = { kind: 'route'; route: Route6; table: number; hashed?: Route6 } | { kind: 'error'; errno: Fib6Errno; route: Route6 | null };

/** The flow of a lookup (struct flowi6 with the lookup flags). */
export interface Flow6 {
  dst: Ip6;
  /** `::` when none */
  src: Ip6;
  /** flowi6_oif */
  oif: Link | null;
  /** flowi6_iif, for iif rules: the input device, or lo for local output */
  iif: Link | null;
  /** RT6_LOOKUP_F_IFACE: only routes through `oif` */
  strictIface: boolean;
  /** flowi6_mark: the packet's firewall mark (a socket's SO_MARK), for `fwmark` rules */
  mark?: number;
  /**
   * The rest of the flow the multipath hash reads (flow label, IP protocol) when the lookup
   * knows them, as `ip -6 route get` does; without them a hashed choice is the kernel's alone.
   */
  hashKeys?: { flowlabel: number; proto: number };
}

/** What the lookup reads beside the tables: the neighbour state of a gateway (the simulator's; none in the model). */
export interface Fib6View {
  readonly ns: Netns;
  /** whether the neighbour entry of `gw` on `dev` exists and has FAILED */
  neighFailed(dev: Link, gw: Ip6): boolean;
  /** a route decision took a hop of a multipath route by the kernel's flow hash (unpredictable here) */
  multipathHash?(route: Route6): void;
}

/** The model's view: no neighbour state. */
export function modelView6(ns: Netns): Fib6View {
  return { ns, neighFailed: () => false };
}

const REJECT: Partial<Record<Route6['type'], Fib6Errno | 'EAGAIN'>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
  throw: 'EAGAIN',
};

const PREF_SCORE = { low: 1, medium: 2, high: 3 } as const;

/** rt6_score_route: -1 when the route cannot serve the flow. */
function score(view: Fib6View, r: Route6, flow: Flow6, reachable: boolean): number {
  let m = 0;
  if (!flow.oif || r.dev === flow.oif) m = 2;
  if (!m && flow.strictIface) return -1;
  m |= PREF_SCORE[r.pref] << 2;
  if (reachable && r.gateway !== null && view.neighFailed(r.dev, r.gateway)) return -1;
  return m;
}

/** rt6_select over one prefix's routes (metric groups in order): the chosen route, or null. */
function select(view: Fib6View, leaf: Route6[], flow: Flow6, reachable: boolean): Route6 | null {
  let i = 0;
  while (i < leaf.length) {
    const metric = leaf[i]!.metric;
    let best: Route6 | null = null;
    let bestScore = -1;
    for (; i < leaf.length && leaf[i]!.metric === metric; i++) {
      const r = leaf[i]!;
      if ((!r.dev.up && r.dev.kind !== 'loopback') || r.dead) continue;
      const s = score(view, r, flow, reachable);
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
    if (best) return best;
  }
  return null;
}

/** ip6_pol_route in one table: null for "no route here" (the null entry). */
export function tableLookup6(view: Fib6View, id: number, flow: Flow6): Route6 | null {
  return tableSelect(view, id, flow)?.route ?? null;
}

/** rt6_select over the table, with whether the pass that chose was the one that wants a reachable router (RT6_LOOKUP_F_REACHABLE). */
function tableSelect(view: Fib6View, id: number, flow: Flow6): { route: Route6; reachable: boolean } | null {
  const t = view.ns.inet6.tables.get(id);
  if (!t) return null;
  // the prefixes covering dst, longest first (dump order puts more specific first)
  const byLen = new Map<number, Route6[]>();
  // fib6_check_expired: a route past its expiry serves nothing, though it stays listed until the gc
  const now = view.ns.host.lab.inet6Port?.now() ?? 0;
  for (const r of t.routes) {
    if (!ip6InPrefix(flow.dst, r.dst, r.dstLen)) continue;
    if (r.expires !== null && r.expires <= now) continue;
    let a = byLen.get(r.dstLen);
    if (!a) byLen.set(r.dstLen, (a = []));
    a.push(r);
  }
  const lens = [...byLen.keys()].sort((a, b) => b - a);
  const reachable = !view.ns.inet6.all.forwarding;
  for (const strict of reachable ? [true, false] : [false]) {
    for (const len of lens) {
      const r = select(view, byLen.get(len)!, flow, strict);
      if (r) return { route: r, reachable: strict };
    }
  }
  return null;
}

/**
 * fib6_select_path (Linux 6.15+) when the hash is known — a seed the user set
 * (net.ipv4.fib_multipath_hash_seed, which IPv6 shares) and the flow's label and protocol: from
 * the first sibling of the leaf, the first whose upper bound holds the hash, if
 * rt6_score_route takes it; else rt6_select's choice stays. Null when the hash is the kernel's secret.
 */
function seededSibling(view: Fib6View, r: Route6, flow: Flow6, reachable: boolean): Route6 | null {
  const seed = view.ns.mpHash.seed;
  if (seed === 0 || !flow.hashKeys) return null;
  const t = view.ns.inet6.tables.get(r.table);
  const first = t?.leaf(r.dst, r.dstLen).find((x) => x.metric === r.metric && r.siblings!.includes(x));
  if (!first) return null;
  const ring = ringFrom(first);
  const bounds = upperBounds(ring.map((x) => (x.dead ? null : (x.weight ?? 1))));
  const hash = multipathHash6(seed, flow.src, flow.dst, flow.hashKeys.flowlabel, flow.hashKeys.proto);
  if (hash <= bounds[0]!) return score(view, first, flow, reachable) >= 0 ? first : r;
  for (let i = 1; i < ring.length; i++) {
    if (hash > bounds[i]!) continue;
    return score(view, ring[i]!, flow, reachable) < 0 ? r : ring[i]!;
  }
  return r;
}

/**
 * fib6_select_path: whether the flow hash may take another sibling than `r` (rt6_select's
 * choice): one that is not dead and that rt6_score_route does not refuse (a strict lookup
 * refuses a sibling on another device than the output device). Where it may, which one it
 * takes depends on the hash's seed.
 */
function mayHash(r: Route6, flow: Flow6): boolean {
  for (const s of r.siblings ?? []) {
    if (s === r || s.dead || !s.dev.up) continue;
    if (flow.oif && flow.strictIface && s.dev !== flow.oif) continue;
    return true;
  }
  return false;
}

/** An answer of one table: a route, a reject, or null (nothing: go on). */
function tableAnswer(view: Fib6View, id: number, flow: Flow6): Fib6Result | null {
  const sel = tableSelect(view, id, flow);
  if (!sel) return null;
  const r = sel.route;
  const rej = REJECT[r.type];
  if (rej === 'EAGAIN') return null;
  if (rej) return { kind: 'error', errno: rej, route: r };
  if (!mayHash(r, flow)) return { kind: 'route', route: r, table: id };
  const chosen = seededSibling(view, r, flow, sel.reachable);
  if (chosen) return { kind: 'route', route: chosen, table: id };
  return { kind: 'route', route: r, table: id, hashed: r };
}

const NO_ROUTE: Fib6Result = { kind: 'error', errno: 'ENETUNREACH', route: null };

/** fib_rule_match with fib6_rule_match: every selector the rule has must hold (the mark under its mask), and `not` inverts the answer. */
function ruleMatches6(rule: Rule6, flow: Flow6): boolean {
  const ok =
    (!rule.src || ip6InPrefix(flow.src, rule.src.addr, rule.src.len)) &&
    (!rule.dst || ip6InPrefix(flow.dst, rule.dst.addr, rule.dst.len)) &&
    (!rule.iif || (flow.iif !== null && flow.iif.name === rule.iif)) &&
    (!rule.oif || (flow.oif !== null && flow.oif.name === rule.oif)) &&
    (!rule.fwmask || (((flow.mark ?? 0) ^ (rule.fwmark ?? 0)) & rule.fwmask) >>> 0 === 0);
  return rule.not ? !ok : ok;
}

/**
 * fib6_rule_lookup.
 *
 * @example
 * fib6Lookup(modelView6(ns), { dst: parseIp6('2001:db8::5')!, src: 0n, oif: null, iif: null, strictIface: false });
 */
export function fib6Lookup(view: Fib6View, flow: Flow6): Fib6Result {
  const ns = view.ns;
  if (!ns.inet6.customRules) {
    return tableAnswer(view, TABLE6.local, flow) ?? tableAnswer(view, TABLE6.main, flow) ?? NO_ROUTE;
  }
  return fibRulesLookup(
    ns.inet6.rules,
    flow,
    (r) => ruleMatches6(r, flow),
    (t) => tableAnswer(view, t, flow),
    RULE_ERRORS,
  );
}

/** fib6_rule_action's answers for the reject actions; the end of the rules is unreachable */
const RULE_ERRORS: { blackhole: Fib6Result; unreachable: Fib6Result; prohibit: Fib6Result } = {
  blackhole: { kind: 'error', errno: 'EINVAL', route: null },
  unreachable: NO_ROUTE,
  prohibit: { kind: 'error', errno: 'EACCES', route: null },
};
