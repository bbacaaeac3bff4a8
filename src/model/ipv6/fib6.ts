/**
 * IPv6 routing tables (net/ipv6/ip6_fib.c). A table is a radix tree walked in post-order: a
 * prefix's more specific prefixes come before it (so `default` is dumped last), disjoint
 * prefixes in address order. The routes of one prefix (a leaf) are kept by metric, ascending,
 * a new route going after those of equal metric (fib6_add_rt2node). Unlike IPv4, a route's
 * key is its prefix and metric only: two routes with the same prefix and metric conflict
 * whatever their devices (`add` answers File exists). Tables main and local always exist;
 * others are made by the first route put in them and kept.
 */
import type { Link } from '../link.js';
import { ip6Mask, type Ip6 } from './ip6.js';

/** rtm_type of an IPv6 route. */
export type Route6Type = 'unicast' | 'local' | 'anycast' | 'multicast' | 'blackhole' | 'unreachable' | 'prohibit' | 'throw';

/** A route's preference for router selection (RFC 4191), as `pref` prints it. */
export type RoutePref = 'low' | 'medium' | 'high';

/** One IPv6 route (struct fib6_info with its one nexthop). */
export interface Route6 {
  table: number;
  type: Route6Type;
  dst: Ip6;
  dstLen: number;
  metric: number;
  protocol: number;
  /** the output device; lo for reject routes, as the kernel keeps them */
  dev: Link;
  gateway: Ip6 | null;
  prefsrc: Ip6 | null;
  /** lab clock (µs) when it expires (RTF_EXPIRES), else null */
  expires: number | null;
  mtu: number | null;
  hoplimit: number | null;
  pref: RoutePref;
  /** RTF_ADDRCONF | RTF_PREFIX_RT: a prefix route addrconf made for an address */
  prefixRt: boolean;
  /** RTF_ADDRCONF | RTF_DEFAULT: a default route learned from a router advertisement */
  raDefault: boolean;
  /** `onlink` was given (RTNH_F_ONLINK) */
  onlink: boolean;
  /** fib_nh_weight (rtnh_hops + 1) of a multipath hop; 1 when absent */
  weight?: number;
  /** RTNH_F_DEAD: a sibling whose device went down while another sibling was left (rt6_multipath_nh_flags_set) */
  dead?: boolean;
  /**
   * fib6_siblings: the routes of one multipath route (ECMP siblings: same table, prefix and
   * metric, each with a gateway), one array shared by all, in ring order. Absent for a route
   * with no sibling. The kernel keeps each hop as a route of its own (ip6_route_multipath_add).
   */
  siblings?: Route6[];
}

/** Post-order of the radix tree: more specific first where one prefix holds the other, else by address. */
export function comparePrefix6(a: Ip6, alen: number, b: Ip6, blen: number): number {
  const min = Math.min(alen, blen);
  if (((a ^ b) & ip6Mask(min)) === 0n) return blen - alen;
  return a < b ? -1 : 1;
}

function compareRoute(a: Route6, b: Route6): number {
  return comparePrefix6(a.dst, a.dstLen, b.dst, b.dstLen) || a.metric - b.metric;
}

/** One IPv6 table, its routes in dump order. */
export class Fib6Table {
  readonly routes: Route6[] = [];
  /**
   * Per prefix, length and metric, per device, its routes in leaf order: whether a route the
   * kernel adds for a device (fe80::/64, ff00::/8: one per device in the same leaf) is there
   * already, answered without walking every device's.
   */
  private readonly byDev = new Map<Ip6, Map<number, Map<Link, Route6[]>>>();
  constructor(readonly id: number) {}

  private devList(r: Route6, make: boolean): Route6[] | undefined {
    let a = this.byDev.get(r.dst);
    if (!a) {
      if (!make) return undefined;
      this.byDev.set(r.dst, (a = new Map()));
    }
    const k = r.dstLen * 2 ** 32 + r.metric;
    let b = a.get(k);
    if (!b) {
      if (!make) return undefined;
      a.set(k, (b = new Map()));
    }
    let l = b.get(r.dev);
    if (!l && make) b.set(r.dev, (l = []));
    return l;
  }

  private unindex(r: Route6): void {
    const l = this.devList(r, false);
    const i = l ? l.indexOf(r) : -1;
    if (i >= 0) l!.splice(i, 1);
  }

  /** The first route of `r`'s leaf and metric with its device and gateway (rt6_duplicate_nexthop), if any. */
  sameNexthop(r: Route6): Route6 | null {
    for (const it of this.devList(r, false) ?? []) if (it.gateway === r.gateway) return it;
    return null;
  }

  /** Where a route goes: after every route that sorts before it or equal (a new one goes last among equals). */
  private slot(r: Route6, beforeEquals: boolean): number {
    const rs = this.routes;
    let lo = 0;
    let hi = rs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareRoute(rs[mid]!, r);
      if (c < 0 || (c === 0 && !beforeEquals)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds a route after those of the same prefix and metric. */
  insert(r: Route6): void {
    this.routes.splice(this.slot(r, false), 0, r);
    this.devList(r, true)!.push(r);
  }

  /** Puts `r` where `old` was (a replace keeps the route's place in its leaf). */
  replace(old: Route6, r: Route6): void {
    const i = this.routes.indexOf(old);
    if (i < 0) return;
    if (old.metric === r.metric) {
      this.routes[i] = r;
      // the same place among its leaf's routes of its device (leaf order)
      const l = old.dev === r.dev ? this.devList(old, false) : undefined;
      const j = l ? l.indexOf(old) : -1;
      if (j >= 0) l![j] = r;
      else {
        this.unindex(old);
        this.indexInOrder(r);
      }
    } else {
      this.routes.splice(i, 1);
      this.unindex(old);
      this.insert(r);
    }
  }

  /** Indexes `r`, already in `routes`, after the routes of its device that come before it there. */
  private indexInOrder(r: Route6): void {
    const l = this.devList(r, true)!;
    const at = this.routes.indexOf(r);
    let j = l.length;
    while (j > 0 && this.routes.indexOf(l[j - 1]!) > at) j--;
    l.splice(j, 0, r);
  }

  remove(r: Route6): void {
    const i = this.routes.indexOf(r);
    if (i >= 0) {
      this.routes.splice(i, 1);
      this.unindex(r);
      unlinkSibling(r);
    }
  }

  /** Where the leaf of this prefix starts in `routes` (its routes follow, in leaf order). */
  leafStart(dst: Ip6, len: number): number {
    return this.slot({ dst, dstLen: len, metric: -1 } as Route6, true);
  }

  /** The routes of exactly this prefix (a leaf), in leaf order. */
  leaf(dst: Ip6, len: number): Route6[] {
    const out: Route6[] = [];
    for (let i = this.leafStart(dst, len); i < this.routes.length; i++) {
      const r = this.routes[i]!;
      if (r.dst !== dst || r.dstLen !== len) break;
      out.push(r);
    }
    return out;
  }
}

/** fib6_del_route: a removed route leaves its siblings' ring (one left alone is a plain route again). */
export function unlinkSibling(r: Route6): void {
  const sib = r.siblings;
  if (!sib) return;
  sib.splice(sib.indexOf(r), 1);
  delete r.siblings;
  if (sib.length === 1) delete sib[0]!.siblings;
}

/** Links `r` into the ring of `first` (list_add_tail: before `first`, so last in ring order from it). */
function linkSibling(first: Route6, r: Route6): void {
  const sib = first.siblings ?? [first];
  const at = sib.indexOf(first);
  sib.splice(at === 0 ? sib.length : at, 0, r);
  for (const x of sib) x.siblings = sib;
}

/**
 * The siblings of `r` in ring order starting from `r` itself (list_for_each_entry over
 * rt->fib6_siblings): how a dump or `fibmatch` lists a multipath route from the route it holds.
 */
export function ringFrom(r: Route6): Route6[] {
  const sib = r.siblings;
  if (!sib) return [r];
  const i = sib.indexOf(r);
  return [...sib.slice(i), ...sib.slice(0, i)];
}

/** How a request treats routes already there (the netlink flags of `ip route add|append|replace|change|prepend`). */
export interface Fib6AddFlags {
  /** NLM_F_EXCL: any route of the same prefix and metric is a conflict (`add`) */
  excl: boolean;
  /** NLM_F_REPLACE (`replace`, `change`) */
  replace: boolean;
  /** NLM_F_CREATE: a replace that finds nothing adds (`replace`, not `change`) */
  create: boolean;
}

/** Same device and gateway (rt6_duplicate_nexthop). */
export function sameNexthop6(a: Route6, b: Route6): boolean {
  return a.dev === b.dev && a.gateway === b.gateway;
}

/** rt6_qualify_for_ecmp: a route with a gateway that addrconf did not make. */
export function qualifiesForEcmp(r: Route6): boolean {
  return !r.prefixRt && !r.raDefault && r.gateway !== null;
}

/**
 * fib6_add_rt2node: puts `r` in its table. Fails with `EEXIST` (a same-metric route under
 * `add`, or the same nexthop: which refreshes the old route's expiry instead) or `ENOENT` (a
 * `change` with nothing to replace). A route with a gateway joins the routes of its prefix and
 * metric that have one as their sibling (ECMP), going after them; a replace of one of a
 * multipath route's siblings takes all of them away. Returns the route it replaced, if any.
 */
export function fib6Add(t: Fib6Table, r: Route6, f: Fib6AddFlags): { err: 'EEXIST' | 'ENOENT' } | { replaced: Route6 | null } {
  const canEcmp = qualifiesForEcmp(r);
  // a plain add that cannot join a multipath route conflicts only with the same nexthop
  if (!f.excl && !f.replace && !canEcmp) {
    const same = t.sameNexthop(r);
    if (same) {
      if (same.expires !== null) same.expires = r.expires;
      if (r.mtu !== null) same.mtu = r.mtu;
      return { err: 'EEXIST' };
    }
    t.insert(r);
    return { replaced: null };
  }
  let found: Route6 | null = null;
  let fallback: Route6 | null = null;
  let sibling: Route6 | null = null;
  // the leaf walked in place: a prefix every device has (fe80::/64, ff00::/8) holds a route per device
  const rs = t.routes;
  for (let i = t.leafStart(r.dst, r.dstLen); i < rs.length; i++) {
    const it = rs[i]!;
    if (it.dst !== r.dst || it.dstLen !== r.dstLen) break;
    if (it.metric === r.metric) {
      if (f.excl) return { err: 'EEXIST' };
      if (f.replace) {
        if (canEcmp === qualifiesForEcmp(it)) {
          found = it;
          break;
        }
        fallback ??= it;
        continue;
      }
      if (sameNexthop6(it, r)) {
        if (it.expires !== null) it.expires = r.expires;
        if (r.mtu !== null) it.mtu = r.mtu;
        return { err: 'EEXIST' };
      }
      if (canEcmp && qualifiesForEcmp(it)) sibling ??= it;
    }
    if (it.metric > r.metric) break;
  }
  if (f.replace && !found && fallback) found = fallback;
  if (!f.replace || !found) {
    if (f.replace && !f.create) return { err: 'ENOENT' };
    t.insert(r);
    if (sibling) linkSibling(sibling, r);
    return { replaced: null };
  }
  // replacing an ECMP route removes all its siblings
  const others = found.siblings ? found.siblings.filter((x) => x !== found) : [];
  unlinkSibling(found);
  t.replace(found, r);
  for (const x of others) t.remove(x);
  return { replaced: found };
}

/** The multipath routes of these tables with more than one live sibling (each once, by its first): the kernel's hash, not the simulator, picks among them. */
export function hashedRoutes6(tables: Iterable<Fib6Table>): Route6[] {
  const out: Route6[] = [];
  for (const t of tables) {
    for (const r of t.routes) {
      const sib = r.siblings;
      if (sib && sib[0] === r && sib.filter((x) => !x.dead && x.dev.up).length > 1) out.push(r);
    }
  }
  return out;
}
