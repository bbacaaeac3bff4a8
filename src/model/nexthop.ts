/**
 * Nexthop objects (net/ipv4/nexthop.c): `ip nexthop add id N via A dev D | dev D | blackhole |
 * group 1/2,W`, and the routes that use one (`ip route add P nhid N`, a fib_info with fi->nh).
 * A route that uses a nexthop carries its hops as any route does (dev, gateway, `hops` for a
 * group), filled in from the object, so lookups read it as they read any other route; when the
 * object changes or goes, its routes follow here.
 */
import { SCOPE } from './address.js';
import type { Ip4 } from './ip.js';
import { hasCarrier, type Link } from './link.js';
import type { Netns } from './netns.js';
import type { Route, RouteHop } from './route.js';

/** One member of a nexthop group, with its weight (1..256). */
export interface GroupMember {
  nh: Nexthop;
  weight: number;
}

/** struct nexthop: a single nexthop (via/dev/onlink, or blackhole) or a group of them. */
export interface Nexthop {
  id: number;
  dev: Link | null;
  gateway: Ip4 | null;
  onlink: boolean;
  blackhole: boolean;
  /** the nexthop's scope as nhmsg reports it: link with a gateway, host for a device alone, global otherwise */
  scope: number;
  protocol: number;
  /** a group (hash-threshold): its members, in the order given */
  group: GroupMember[] | null;
}

/** The nexthops in dump order (by id: the kernel keeps them in an rbtree). */
export function nexthopsInOrder(ns: Netns): Nexthop[] {
  return [...ns.nexthops.values()].sort((a, b) => a.id - b.id);
}

/** nh_find_unused_id: the next id after the last one given out that is free. */
export function unusedNexthopId(ns: Netns): number {
  const start = ns.nhLastId;
  for (;;) {
    ns.nhLastId = (ns.nhLastId + 1) >>> 0;
    if (ns.nhLastId === start) return 0;
    if (ns.nhLastId !== 0 && !ns.nexthops.has(ns.nhLastId)) return ns.nhLastId;
  }
}

/** Every route of the namespace that uses `nh`, directly or through a group holding it. */
function routesUsing(ns: Netns, nh: Nexthop): Route[] {
  const out: Route[] = [];
  for (const t of ns.tables.values()) for (const r of t.routes) if (r.nh === nh) out.push(r);
  return out;
}

/** The groups that hold `nh`. */
function groupsHolding(ns: Netns, nh: Nexthop): Nexthop[] {
  return [...ns.nexthops.values()].filter((g) => g.group?.some((m) => m.nh === nh));
}

/**
 * What a route using `nh` holds: one nexthop's device and gateway, or a group's hops. A
 * blackhole nexthop makes the route answer as a blackhole route (fib_table_lookup checks
 * nexthop_is_blackhole), and fib_dump_info reports it so.
 */
export function fillFromNexthop(r: Route, nh: Nexthop): void {
  r.nh = nh;
  delete r.hops;
  delete r.allLinkdown;
  if (nh.group && nh.group.length > 1) {
    const hops: RouteHop[] = nh.group.map((m) => ({ dev: m.nh.dev!, gateway: m.nh.gateway, weight: m.weight, onlink: m.nh.onlink, nhScope: hopScope(m.nh), dead: false }));
    r.hops = hops;
    Object.assign(r, { dev: hops[0]!.dev, gateway: hops[0]!.gateway, onlink: hops[0]!.onlink, nhScope: hops[0]!.nhScope });
    return;
  }
  const one = nh.group ? nh.group[0]!.nh : nh;
  if (one.blackhole) {
    r.nhBlackhole = true;
    Object.assign(r, { dev: null, gateway: null, onlink: false, nhScope: SCOPE.nowhere });
    return;
  }
  delete r.nhBlackhole;
  Object.assign(r, { dev: one.dev, gateway: one.gateway, onlink: one.onlink, nhScope: hopScope(one) });
}

/** fib_nh's scope: link through a gateway, host on the device itself. */
function hopScope(nh: Nexthop): number {
  return nh.gateway !== null ? SCOPE.link : SCOPE.host;
}

/** After `nh` changed in place (`ip nexthop replace`): its routes, and those of the groups holding it, take it up. */
export function nexthopChanged(ns: Netns, nh: Nexthop): void {
  for (const x of [nh, ...groupsHolding(ns, nh)]) for (const r of routesUsing(ns, x)) fillFromNexthop(r, x);
  ns.touch();
}

/**
 * remove_nexthop: the routes using it go (their fib_info dies), it leaves every group holding
 * it, and a group left empty goes the same way.
 */
export function removeNexthop(ns: Netns, nh: Nexthop): void {
  if (!ns.nexthops.has(nh.id)) return;
  ns.nexthops.delete(nh.id);
  for (const t of ns.tables.values()) for (const r of [...t.routes]) if (r.nh === nh) t.remove(r);
  for (const g of groupsHolding(ns, nh)) {
    g.group = g.group!.filter((m) => m.nh !== nh);
    if (g.group.length === 0) removeNexthop(ns, g);
    else nexthopChanged(ns, g);
  }
  ns.touch();
}

/**
 * nexthop_flush_dev: a device going down, losing its carrier or leaving takes the nexthops on
 * it (and so their routes) with it.
 */
export function flushNexthopsOn(dev: Link): void {
  const ns = dev.ns;
  if (ns.nexthops.size === 0) return;
  for (const nh of nexthopsInOrder(ns)) if (nh.dev === dev) removeNexthop(ns, nh);
}

/** Whether a single nexthop's device is without carrier (RTNH_F_LINKDOWN). */
export function nexthopLinkdown(nh: Nexthop): boolean {
  return nh.dev !== null && !hasCarrier(nh.dev);
}
