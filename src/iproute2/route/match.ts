/**
 * filter_nlmsg() of ip/iproute.c (iproute2 6.1.0) for the model's IPv4 routes: whether a route
 * is selected by the selectors of `ip route show|flush`. `root P` keeps routes inside P,
 * `match P` routes that contain P, `exact P` (or a bare prefix) exactly P.
 */
import { maskOf, type Ip4 } from '../../model/ip.js';
import { TABLE, type Route } from '../../model/route.js';
import type { PrefixArg, RouteFilter } from '../filters.js';

/** inet_addr_match(): the first `bits` bits of `a` and `b` agree. */
function bitsMatch(a: Ip4, b: Ip4, bits: number): boolean {
  return ((a ^ b) & maskOf(bits)) === 0;
}

function inside(addr: Ip4, p: PrefixArg): boolean {
  return bitsMatch(addr, p.addr, p.len);
}

/**
 * Whether `r` is selected by `f` (its table included: null selects main, `'all'` every table).
 *
 * @example
 * routeMatches(route, { ...emptyRouteFilter(), dev: 'eth0' })
 */
export function routeMatches(r: Route, f: RouteFilter): boolean {
  if (f.family === 'inet6') return false;
  const table = f.table ?? TABLE.main;
  if (table !== 'all' && r.table !== table) return false;
  if (f.protocol !== null && r.protocol !== f.protocol) return false;
  if (f.scope !== null && r.scope !== f.scope) return false;
  if (f.type !== null && r.type !== f.type) return false;
  if (f.vrfOnly && (r.type === 'local' || r.type === 'broadcast')) return false;
  if (f.tos !== null && r.tos !== f.tos) return false;
  for (const root of [f.root, f.exact]) {
    if (root && (root.len > r.dstLen || !bitsMatch(r.dst, root.addr, root.len))) return false;
  }
  for (const m of [f.match, f.exact]) {
    if (m && (m.len < r.dstLen || !bitsMatch(r.dst, m.addr, r.dstLen))) return false;
  }
  // a multipath route carries neither RTA_GATEWAY nor RTA_OIF
  if (f.via && !inside(r.hops ? 0 : (r.gateway ?? 0), f.via)) return false;
  if (f.src && !inside(r.prefsrc ?? 0, f.src)) return false;
  // IPv4 FIB entries carry no input interface and no mark
  if (f.iif !== null) return false;
  if (f.mark != null && f.mark !== 0) return false;
  if (f.dev !== null && (r.dev === null || r.hops || r.dev.name !== f.dev)) return false;
  if (f.metric !== null && r.metric !== f.metric) return false;
  return true;
}
