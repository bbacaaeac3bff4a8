/**
 * The kernel's FIB lookup (net/ipv4/fib_trie.c fib_table_lookup, fib_rules.c fib_lookup), as a
 * plain scan: used by the model to validate requests (gateways, prefsrc, address types). The
 * simulator's forwarding path has its own compiled FIB for speed; both follow these rules.
 */
import { inPrefix, type Ip4 } from './ip.js';
import type { Link } from './link.js';
import { hasCarrier } from './link.js';
import type { Netns } from './netns.js';
import type { Route, RouteType } from './route.js';
import { RouteTable } from './table.js';

export interface FlowKey {
  dst: Ip4;
  src?: Ip4;
  /** output interface the result must use (flowi4_oif) */
  oif?: Link | null;
  /** input interface, for iif rules */
  iif?: Link | null;
  /** only routes of at least this scope count (flowi4_scope) */
  scope?: number;
  /** TOS of the packet (flowi4_dscp); routes with a TOS match only it */
  tos?: number;
  /** FIB_LOOKUP_IGNORE_LINKSTATE: use nexthops without carrier even where the sysctl says not to */
  ignoreLinkstate?: boolean;
}

export type FibResult =
  | { kind: 'route'; route: Route; table: number }
  /** a reject route type (blackhole, unreachable, prohibit) or no route anywhere */
  | { kind: 'error'; errno: 'EINVAL' | 'EHOSTUNREACH' | 'EACCES' | 'ENETUNREACH'; route: Route | null };

const REJECT: Partial<Record<RouteType, 'EINVAL' | 'EHOSTUNREACH' | 'EACCES' | 'EAGAIN'>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
  throw: 'EAGAIN',
};

function nexthopGood(r: Route, key: FlowKey): boolean {
  if (r.dev && key.oif && r.dev !== key.oif) return false;
  if (!key.ignoreLinkstate && r.dev && r.dev.conf && ignoreLinkdown(r.dev) && !hasCarrier(r.dev)) return false;
  return true;
}

function ignoreLinkdown(_l: Link): boolean {
  // net.ipv4.conf.*.ignore_routes_with_linkdown defaults to 0 and is not modelled yet
  return false;
}

/** One table: longest prefix first, then the first usable alias; backtracks to shorter prefixes. */
export function tableLookup(t: RouteTable, key: FlowKey): FibResult | null {
  const scope = key.scope ?? 0;
  let best = -1;
  // Collect candidates by prefix length, longest first.
  const byLen = new Map<number, Route[]>();
  for (const r of t.routes) {
    if (!inPrefix(key.dst, r.dst, r.dstLen)) continue;
    let a = byLen.get(r.dstLen);
    if (!a) byLen.set(r.dstLen, (a = []));
    a.push(r);
    if (r.dstLen > best) best = r.dstLen;
  }
  const lens = [...byLen.keys()].sort((a, b) => b - a);
  for (const len of lens) {
    for (const r of byLen.get(len)!) {
      if (r.scope < scope) continue;
      // a route with a TOS matches only that TOS (fib_dscp_masked_match)
      if (r.tos && r.tos !== (key.tos ?? 0)) continue;
      const rej = REJECT[r.type];
      if (rej === 'EAGAIN') return null;
      if (rej) return { kind: 'error', errno: rej, route: r };
      if (!nexthopGood(r, key)) continue;
      return { kind: 'route', route: r, table: t.id };
    }
  }
  return null;
}

/**
 * fib_lookup. Until the namespace has a custom rule the kernel keeps tables local and main in
 * one trie: a single longest-prefix lookup over both (table local first among equal prefixes),
 * reported as table main, then table default; so a main route more specific than a local one
 * (127.1.0.0/16 against local 127.0.0.0/8) wins. After the first `ip rule add` the policy
 * rules run in priority order (fib_rules_lookup).
 */
export function fibLookup(ns: Netns, key: FlowKey): FibResult {
  if (!ns.customRules) return mergedLookup(ns, key);
  for (const rule of ns.rules) {
    if (rule.src && (key.src === undefined || !inPrefix(key.src, rule.src.addr, rule.src.len))) continue;
    if (rule.dst && !inPrefix(key.dst, rule.dst.addr, rule.dst.len)) continue;
    if (rule.iif && (!key.iif || key.iif.name !== rule.iif)) continue;
    if (rule.oif && (!key.oif || key.oif.name !== rule.oif)) continue;
    // fib4_rule_action
    if (rule.action === 'blackhole') return { kind: 'error', errno: 'EINVAL', route: null };
    if (rule.action === 'unreachable') return { kind: 'error', errno: 'ENETUNREACH', route: null };
    if (rule.action === 'prohibit') return { kind: 'error', errno: 'EACCES', route: null };
    const t = ns.tables.get(rule.table);
    if (!t) continue;
    const res = tableLookup(t, key);
    if (res) return res;
  }
  return { kind: 'error', errno: 'ENETUNREACH', route: null };
}

/** The inline fib_lookup of a namespace without custom rules: merged main+local, then default. */
function mergedLookup(ns: Netns, key: FlowKey): FibResult {
  const local = ns.tables.get(255);
  const main = ns.tables.get(254);
  let res: FibResult | null = null;
  if (main || local) {
    const merged = new RouteTable(254);
    // local's aliases sort before main's within a leaf (fib_insert_alias orders by tb_id, descending)
    for (const r of local?.routes ?? []) merged.routes.push(r);
    for (const r of main?.routes ?? []) merged.routes.push(r);
    res = tableLookup(merged, key);
  }
  if (res && res.kind === 'route') return res;
  const dflt = ns.tables.get(253);
  if (dflt) res = tableLookup(dflt, key);
  return res ?? { kind: 'error', errno: 'ENETUNREACH', route: null };
}

/** inet_addr_type_table / inet_addr_type_dev_table: what a table (local by default) says of an address. */
export function addrType(ns: Netns, addr: Ip4, dev: Link | null = null, table = 255): RouteType {
  // only 0.0.0.0 itself: the rest of 0/8 is unicast since Linux 5.18 (`via 0.1.2.3 onlink` is accepted)
  if (addr === 0 || addr === 0xffffffff) return 'broadcast';
  if (addr >>> 28 === 0xe) return 'multicast';
  const t = ns.tables.get(table);
  if (!t) return 'unicast';
  const res = tableLookup(t, { dst: addr });
  if (res && res.route && (!dev || res.route.dev === dev)) return res.route.type;
  return 'unicast';
}

/** Whether `addr` is one of the namespace's local addresses (a `local` route in table local). */
export function isLocalAddress(ns: Netns, addr: Ip4): boolean {
  return addrType(ns, addr) === 'local';
}
