/**
 * What the kernel does to the FIB when addresses and links change (net/ipv4/fib_frontend.c:
 * fib_add_ifaddr, fib_del_ifaddr, fib_disable_ip; fib_semantics.c fib_sync_down_dev/addr).
 */
import { SCOPE, type Addr } from './address.js';
import { broadcastOf, inPrefix, maskOf, networkOf, type Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';
import { PROTO, TABLE, type Route, type RouteType } from './route.js';

function kernelRoute(dev: Link, type: RouteType, dst: Ip4, dstLen: number, prefsrc: Ip4, metric = 0): Route {
  const local = type === 'local';
  return {
    // fib_magic: l3mdev_fib_table(dev), the table of its VRF (or of the VRF device itself), before main/local
    table: dev.vrf?.table ?? dev.master?.vrf?.table ?? (type === 'unicast' ? TABLE.main : TABLE.local),
    type,
    dst,
    dstLen,
    tos: 0,
    protocol: PROTO.kernel,
    scope: local ? SCOPE.host : SCOPE.link,
    metric,
    dev,
    gateway: null,
    prefsrc,
    onlink: false,
    nhScope: local ? SCOPE.nowhere : SCOPE.host,
  };
}

function sameRoute(a: Route, b: Route): boolean {
  return (
    a.table === b.table &&
    a.type === b.type &&
    a.dst === b.dst &&
    a.dstLen === b.dstLen &&
    a.tos === b.tos &&
    a.metric === b.metric &&
    a.protocol === b.protocol &&
    a.scope === b.scope &&
    a.dev === b.dev &&
    a.gateway === b.gateway &&
    a.prefsrc === b.prefsrc
  );
}

/** fib_magic(RTM_NEWROUTE, …, NLM_F_CREATE|NLM_F_APPEND): add unless the same route exists. */
function magicAdd(ns: Netns, r: Route): void {
  const t = ns.table(r.table);
  if (hasSameRoute(t.routes, r)) return;
  t.insert(r, true);
}

/**
 * Whether `routes` (a table, in its dump order: by destination, then longer prefix first)
 * holds a route the same as `r`. Only routes of r's prefix can be, and they sit together:
 * found by a binary search, not by a walk over a table of thousands of kernel routes.
 */
function hasSameRoute(routes: readonly Route[], r: Route): boolean {
  let lo = 0;
  let hi = routes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = routes[mid]!;
    if (m.dst < r.dst || (m.dst === r.dst && m.dstLen > r.dstLen)) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < routes.length && routes[i]!.dst === r.dst && routes[i]!.dstLen === r.dstLen; i++) if (sameRoute(routes[i]!, r)) return true;
  return false;
}

/** fib_magic(RTM_DELROUTE, …): delete the matching kernel route. */
function magicDel(ns: Netns, r: Route): void {
  const t = ns.tables.get(r.table);
  if (!t) return;
  const x = t.routes.find((x) => x.type === r.type && x.dst === r.dst && x.dstLen === r.dstLen && x.dev === r.dev && x.prefsrc === r.prefsrc);
  if (x) t.remove(x);
}

/** The primary address a secondary hangs off (same subnet), or the address itself. */
export function primaryOf(dev: Link, ifa: Addr): Addr | null {
  if (!ifa.secondary) return ifa;
  const net = networkOf(ifa.address, ifa.prefixLen);
  return dev.addrs.find((a) => !a.secondary && a.prefixLen === ifa.prefixLen && inPrefix(a.address, net, ifa.prefixLen)) ?? null;
}

/** The routes fib_add_ifaddr would add for an address, given the link state. */
function ifaddrRoutes(dev: Link, ifa: Addr, prim: Addr): Route[] {
  const out: Route[] = [kernelRoute(dev, 'local', ifa.local, 32, prim.local)];
  if (!dev.up) return out;
  if (ifa.broadcast !== null && ifa.broadcast !== 0xffffffff && ifa.broadcast !== 0) {
    out.push(kernelRoute(dev, 'broadcast', ifa.broadcast, 32, prim.local));
  }
  const prefix = networkOf(ifa.address, ifa.prefixLen);
  if (prefix >>> 24 !== 0 && !ifa.secondary && (prefix !== ifa.local || ifa.prefixLen < 32)) {
    if (!ifa.noprefixroute) {
      const loop = dev.kind === 'loopback';
      out.push(kernelRoute(dev, loop ? 'local' : 'unicast', prefix, ifa.prefixLen, prim.local, loop ? 0 : ifa.metric));
    }
    if (ifa.prefixLen < 31) out.push(kernelRoute(dev, 'broadcast', broadcastOf(prefix, ifa.prefixLen), 32, prim.local));
  }
  return out;
}

export function fibAddIfaddr(dev: Link, ifa: Addr): void {
  const prim = primaryOf(dev, ifa);
  if (!prim) return;
  for (const r of ifaddrRoutes(dev, ifa, prim)) magicAdd(dev.ns, r);
  reviveHops(dev);
  dev.ns.touch();
}

/**
 * fib_del_ifaddr, after `ifa` has left dev.addrs: remove its routes unless another address
 * still needs the same one, then the stray routes that used the address as their source.
 */
export function fibDelIfaddr(dev: Link, ifa: Addr, prim: Addr | null): void {
  const ns = dev.ns;
  const p = prim ?? ifa;
  const wanted: Route[] = [];
  for (const l of ns.linkList()) {
    for (const a of l.addrs) {
      const ap = primaryOf(l, a);
      if (ap) wanted.push(...ifaddrRoutes(l, a, ap));
    }
  }
  for (const r of ifaddrRoutes(dev, { ...ifa, secondary: ifa.secondary }, p)) {
    const stillWanted = wanted.some((w) => w.type === r.type && w.dst === r.dst && w.dstLen === r.dstLen && w.dev === r.dev && w.table === r.table);
    if (!stillWanted) magicDel(ns, r);
  }
  const stillLocal = ns.linkList().some((l) => l.addrs.some((a) => a.local === ifa.local));
  if (!stillLocal) {
    for (const t of ns.tables.values()) {
      for (const r of [...t.routes]) if (r.prefsrc === ifa.local) t.remove(r);
    }
  }
  if (!dev.addrs.length) deleteRoutesVia(dev, true);
  ns.touch();
}

/**
 * fib_sync_down_dev (and fib_flush after it): routes whose nexthop uses the device. Without
 * `force` (a link going down) routes of host scope stay — the local routes of its addresses;
 * with it (last address gone, device leaving) all go. A multipath route loses only the hops on
 * the device (marked dead) and goes once every hop is dead — or at once when the device is
 * unregistered, which kills the whole fib_info.
 */
export function deleteRoutesVia(dev: Link, force: boolean, unregister = false): void {
  for (const t of dev.ns.tables.values()) {
    for (const r of [...t.routes]) {
      // a route using a nexthop object follows the object (nexthop.ts)
      if (r.nh) continue;
      if (r.hops) {
        if (!r.hops.some((h) => h.dev === dev)) continue;
        if (!unregister) {
          for (const h of r.hops) if (h.dev === dev && (force || h.nhScope !== SCOPE.nowhere)) h.dead = true;
          DEAD_HOPS.add(dev.ns);
          if (!r.hops.every((h) => h.dead)) continue;
        }
        t.remove(r);
        continue;
      }
      if (r.dev !== dev) continue;
      if (!force && r.nhScope === SCOPE.nowhere) continue;
      t.remove(r);
    }
  }
  dev.ns.touch();
}

/** Namespaces that may hold a dead hop: the others skip the walk over their tables when a device comes up. */
const DEAD_HOPS = new WeakSet<Netns>();

/** fib_sync_up(dev, RTNH_F_DEAD): the dead hops of multipath routes on a device that is up live again. */
export function reviveHops(dev: Link): void {
  if (!dev.up || !DEAD_HOPS.has(dev.ns)) return;
  for (const t of dev.ns.tables.values()) {
    for (const r of t.routes) {
      if (!r.hops) continue;
      for (const h of r.hops) if (h.dead && h.dev === dev) h.dead = false;
    }
  }
}

export { maskOf };
