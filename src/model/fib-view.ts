/**
 * The kernel's FIB lookup (net/ipv4/fib_trie.c fib_table_lookup, fib_rules.c fib_lookup,
 * include/net/ip_fib.h's inline fib_lookup) written once, over a small view of the tables.
 *
 * Two implementations hold the tables: the model's plain scan (`fib-lookup.ts`, what
 * validation and `ip route get` read) and the simulator's compiled FIB (`sim/fib.ts`, over a
 * longest-prefix-match structure). They differ only in how a table finds the aliases covering
 * an address, longest prefix first; everything decided about those aliases (scope, TOS, reject
 * types, the output device), the policy rules, and the merged local/main trie is decided here.
 */
import { SCOPE } from './address.js';
import { inPrefix, isMulticast, type Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';
import { hopRoute, PROTO, TABLE, type Route, type RouteType } from './route.js';
import { multipathHash, pickHop } from './multipath-hash.js';
import { inetSelectAddr } from './source-address.js';
import type { Rule } from './rule.js';
import { fibRulesLookup, l3mdevTable } from './fib-rules.js';

/** A flow key (struct flowi4): what a lookup matches against. */
export interface Flow {
  dst: Ip4;
  /** 0 when not yet chosen */
  src: Ip4;
  /** output interface the result must use (flowi4_oif), or null */
  oif: Link | null;
  /** input interface for `iif` rules: the ingress device, or lo for local traffic */
  iif: Link | null;
  /** only routes of at least this scope (flowi4_scope); 0 = universe */
  scope: number;
  /** TOS of the packet (flowi4_dscp): a route with a TOS matches only that TOS; 0 when absent */
  tos?: number;
  /** the packet's firewall mark (flowi4_mark: skb->mark, a socket's SO_MARK), for `fwmark` rules */
  mark?: number;
  /** a forwarded packet's addresses as the multipath hash reads them (ip_multipath_l3_keys: an ICMP error's inner ones) */
  hashKey?: { readonly src: Ip4; readonly dst: Ip4 };
}

/** errno values a FIB lookup fails with. */
export type FibErrno = 'EINVAL' | 'EHOSTUNREACH' | 'EACCES' | 'ENETUNREACH';

export type FibResult =
  /**
   * `hashed`: the route is a multipath one and, no output device binding a hop, the kernel's
   * flow hash picks among hops that differ (fib_select_path); `route` is then its first live hop
   */
  | { kind: 'route'; route: Route; table: number; hashed?: Route }
  /** a reject route type (blackhole, unreachable, prohibit), a reject rule, or no route anywhere */
  | { kind: 'error'; errno: FibErrno; route: Route | null };

/**
 * The lookup data structure of one namespace: the one thing each implementation has its own
 * way of doing.
 */
export interface FibTables {
  readonly ns: Netns;
  /** whether table `id` exists (fib_get_table) */
  hasTable(id: number): boolean;
  /**
   * fib_table_lookup in table `id`: the aliases covering `flow.dst`, longest prefix first and
   * in table order within a prefix, each put to `aliasAnswer` until one answers; null when none
   * does (or a `throw` route). Until the namespace has a custom rule, table main is the trie
   * local and main share: local's aliases first within a prefix (fib_insert_alias orders them
   * by table id, descending).
   */
  tableLookup(id: number, flow: Flow): FibResult | null;
  /** inet_lookup_ifaddr_rcu: the first device (link order) holding `addr` as an address */
  ifaddrDev(addr: Ip4): Link | null;
  /** fib_has_custom_local_routes: a `local` route not made by the kernel (see isCustomLocal) */
  readonly customLocalRoutes: boolean;
}

/**
 * What the route decisions (route-output.ts, route-input.ts) read beside the tables: the
 * namespace's loopback device, whether a device still exists there, and the nexthop
 * exceptions learned from redirects (the model has none; the simulator learns them).
 */
export interface FibView {
  readonly ns: Netns;
  readonly fib: FibTables;
  /** net->loopback_dev: every namespace has one (lo can be neither deleted nor moved) */
  readonly loopback: Link;
  /** dev_get_by_index: the device still exists, in this namespace */
  isLive(dev: Link): boolean;
  /** find_exception: the gateway a redirect taught for `dst` through `route`, if one is current */
  exception(dst: Ip4, route: Route): Ip4 | null;
  /** a route decision took a hop of a multipath route by the kernel's flow hash (unpredictable here) */
  multipathHash?(route: Route): void;
}

const REJECT: Partial<Record<RouteType, FibErrno | 'EAGAIN'>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
  throw: 'EAGAIN',
};

/**
 * fib_table_lookup's test of one alias (and fib_lookup_good_nhc for its nexthop): undefined
 * to go on with the next alias, null for a `throw` route (the table answers nothing), else
 * the answer.
 */
export function aliasAnswer(r: Route, flow: Flow, table: number): FibResult | null | undefined {
  if (r.scope < flow.scope) return undefined;
  // a route with a TOS matches only that TOS (fib_dscp_masked_match)
  if (r.tos && r.tos !== (flow.tos ?? 0)) return undefined;
  const rej = REJECT[r.type];
  if (rej === 'EAGAIN') return null;
  if (rej) return { kind: 'error', errno: rej, route: r };
  // FLOWI_FLAG_SKIP_NH_OIF: an output device that is a VRF (l3mdev_update_flow) binds the table, not the nexthop
  const oif = flow.oif && !flow.oif.vrf ? flow.oif : null;
  if (r.hops) return multipathAnswer(r, oif, table, flow);
  // a route through a blackhole nexthop object answers as a blackhole route
  if (r.nhBlackhole) return { kind: 'error', errno: 'EINVAL', route: r };
  if (oif && r.dev !== oif) return undefined;
  return { kind: 'route', route: r, table };
}

/**
 * The nexthops of a multipath route (fib_table_lookup's loop, fib_lookup_good_nhc): a dead hop
 * is never taken; with an output device the first hop on it; without, the live hops are the
 * hash's choice (fib_select_multipath), answered here as the first of them and marked.
 */
function multipathAnswer(r: Route, oif: Link | null, table: number, flow: Flow): FibResult | undefined {
  const hops = r.hops!;
  let first = -1;
  let differ = false;
  for (let i = 0; i < hops.length; i++) {
    const h = hops[i]!;
    if (h.dead || (oif && h.dev !== oif)) continue;
    if (oif) return { kind: 'route', route: hopRoute(r, i), table };
    if (first < 0) first = i;
    else if (h.dev !== hops[first]!.dev || h.gateway !== hops[first]!.gateway) differ = true;
  }
  if (first < 0) return undefined;
  if (differ) {
    const chosen = seededChoice(r, flow);
    if (chosen !== null) return { kind: 'route', route: hopRoute(r, chosen), table };
  }
  const ans: FibResult = { kind: 'route', route: hopRoute(r, first), table };
  if (differ) ans.hashed = r;
  return ans;
}

/**
 * The hop the kernel's hash takes when it can be known: a seed the user set, policy 0 (L3
 * addresses), and either a forwarded packet or an output lookup with no source yet (as `ip
 * route get` without `from`), for which fib_select_multipath has no source address to prefer.
 * Otherwise null.
 */
function seededChoice(r: Route, flow: Flow): number | null {
  const mp = r.dev?.ns.mpHash;
  if (!mp || mp.seed === 0 || mp.policy !== 0) return null;
  const weights = r.hops!.map((h) => (h.dead ? null : h.weight));
  // ip_mkroute_input: the packet's own addresses, no source to prefer
  if (flow.hashKey) return pickHop(weights, multipathHash(mp.seed, flow.hashKey.src, flow.hashKey.dst));
  if (flow.iif && flow.iif.kind !== 'loopback') return null;
  const hash = multipathHash(mp.seed, flow.src, flow.dst);
  // a nexthop group's path (nexthop_path_fib_result) is the hash's alone
  if (flow.src === 0 || r.nh) return pickHop(weights, hash);
  return preferSource(r, weights, pickHop(weights, hash), flow.src);
}

/**
 * fib_select_multipath with a source address (Linux 6.12+): the hashed hop if its own source
 * (nh_saddr) is that address, else the first live hop whose source is; failing both, the last
 * live hop it looked at.
 */
function preferSource(r: Route, weights: readonly (number | null)[], hashed: number, saddr: Ip4): number {
  const hops = r.hops!;
  const own = (i: number) => inetSelectAddr(hops[i]!.dev, hops[i]!.gateway ?? 0, r.scope) === saddr;
  let res = -1;
  let found = false;
  for (let i = 0; i < hops.length; i++) {
    if (weights[i] === null) continue;
    if (!found) {
      res = i;
      found = own(i);
    }
    if (i < hashed) continue;
    if (own(i)) return i;
    if (found) return res;
  }
  return res;
}

const NO_ROUTE: FibResult = { kind: 'error', errno: 'ENETUNREACH', route: null };

/**
 * fib_lookup. Until the namespace has a custom rule the kernel keeps tables local and main in
 * one trie: a single longest-prefix lookup over both, reported as table main, then table
 * default; so a main route more specific than a local one (127.1.0.0/16 against local
 * 127.0.0.0/8) wins. After the first `ip rule add` the policy rules run in priority order
 * (fib_rules_lookup; fib4_rule_action for the reject actions).
 */
export function fibLookup(fib: FibTables, flow: Flow): FibResult {
  const ns = fib.ns;
  if (!ns.customRules) {
    const res = fib.tableLookup(TABLE.main, flow);
    if (res && res.kind === 'route') return res;
    // the inline fib_lookup asks table default after any failure of main, reject included
    if (!fib.hasTable(TABLE.default)) return res ?? NO_ROUTE;
    return fib.tableLookup(TABLE.default, flow) ?? NO_ROUTE;
  }
  return fibRulesLookup(
    ns.rules,
    flow,
    (r) => ruleMatches(r, flow),
    (t) => fib.tableLookup(t, flow),
    RULE_ERRORS,
  );
}

/** fib4_rule_action's answers for the reject actions; the end of the rules is unreachable */
const RULE_ERRORS: { blackhole: FibResult; unreachable: FibResult; prohibit: FibResult } = {
  blackhole: { kind: 'error', errno: 'EINVAL', route: null },
  unreachable: NO_ROUTE,
  prohibit: { kind: 'error', errno: 'EACCES', route: null },
};

/**
 * fib_rule_match with fib4_rule_match: every selector the rule has must hold (the mark under
 * its mask, the TOS exactly), and `not` inverts the answer.
 */
function ruleMatches(rule: Rule, flow: Flow): boolean {
  let ok =
    (!rule.src || inPrefix(flow.src, rule.src.addr, rule.src.len)) &&
    (!rule.dst || inPrefix(flow.dst, rule.dst.addr, rule.dst.len)) &&
    (!rule.iif || (flow.iif !== null && flow.iif.name === rule.iif)) &&
    (!rule.oif || (flow.oif !== null && flow.oif.name === rule.oif)) &&
    (!rule.fwmask || (((rule.fwmark ?? 0) ^ (flow.mark ?? 0)) & rule.fwmask) === 0) &&
    (!rule.tos || rule.tos === (flow.tos ?? 0));
  if (ok && rule.l3mdev) ok = (l3mdevTable(flow.oif) ?? l3mdevTable(flow.iif)) !== null;
  return rule.not ? !ok : ok;
}

/** A flow for a plain destination lookup (no source, no devices, any scope). */
export function dstFlow(dst: Ip4): Flow {
  return { dst, src: 0, oif: null, iif: null, scope: 0 };
}

/**
 * inet_addr_type_table / inet_addr_type_dev_table: what a table (local by default) says of
 * an address; with `dev`, `local` only when the route is on that device.
 */
export function addrType(fib: FibTables, addr: Ip4, dev: Link | null = null, table: number = TABLE.local): RouteType {
  // only 0.0.0.0 itself: the rest of 0/8 is unicast since Linux 5.18 (`via 0.1.2.3 onlink` is accepted)
  if (addr === 0 || addr === 0xffffffff) return 'broadcast';
  if (isMulticast(addr)) return 'multicast';
  if (!fib.hasTable(table)) return 'unicast';
  const res = fib.tableLookup(table, dstFlow(addr));
  if (res && res.route && (!dev || res.route.dev === dev)) return res.route.type;
  return 'unicast';
}

/**
 * __ip_dev_find: the device holding a local address, falling back to table local so that any
 * address of a local subnet route (127.1.2.3 on lo) counts.
 */
export function ipDevFind(fib: FibTables, addr: Ip4): Link | null {
  const d = fib.ifaddrDev(addr);
  if (d) return d;
  if (!fib.hasTable(TABLE.local)) return null;
  const res = fib.tableLookup(TABLE.local, dstFlow(addr));
  return res && res.kind === 'route' && res.route.type === 'local' ? res.route.dev : null;
}

/** A route that makes fib_has_custom_local_routes true: `local`, added by someone other than the kernel. */
export function isCustomLocal(r: Route): boolean {
  return r.type === 'local' && r.protocol !== PROTO.kernel;
}

/** Whether a route's nexthop goes through its gateway (nh scope link), rather than on-link to dst. */
export function usesGateway(r: Route): boolean {
  return r.gateway !== null && r.nhScope === SCOPE.link;
}
