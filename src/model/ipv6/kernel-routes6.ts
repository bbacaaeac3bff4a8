/**
 * The IPv6 routes addrconf makes and removes for addresses and devices (net/ipv6/addrconf.c
 * addrconf_prefix_route, addrconf_f6i_alloc, addrconf_add_mroute, cleanup_prefix_route;
 * route.c rt6_sync_down_dev, rt6_remove_prefsrc):
 * - a prefix route `P/L dev D proto kernel metric 256` (or the address's metric) in table
 *   main per address, not for `noprefixroute`, only while the device is up (a device that is
 *   down refuses it, silently), expiring with a finite valid lifetime; a peer address adds
 *   `PEER dev D` (/128) once it is valid;
 * - `local A dev D table local proto kernel metric 0` once the address is valid (DAD over);
 * - `multicast ff00::/8 dev D table local proto kernel metric 256` per configured device;
 * - a device that goes down loses every route through it, in every table.
 */
import type { Link } from '../link.js';
import { fib6Add, type Route6 } from './fib6.js';
import { fib6StartGc } from './fib6-gc.js';
import { TABLE6 } from './inet6-ns.js';
import { ip6Network, type Ip6 } from './ip6.js';
import type { Inet6Addr } from './inet6-dev.js';

/** IP6_RT_PRIO_ADDRCONF: the metric of the routes addrconf makes. */
export const PRIO_ADDRCONF = 256;
/** IP6_RT_PRIO_USER: the metric of a route added without one. */
export const PRIO_USER = 1024;

/** l3mdev_fib_table: a VRF port's (or the VRF device's) routes go to the VRF's table, not to `dflt`. */
function tableFor(l: Link, dflt: number): number {
  return l.vrf?.table ?? l.master?.vrf?.table ?? dflt;
}

function base(l: Link, table: number, type: Route6['type'], dst: Ip6, len: number, metric: number): Route6 {
  return {
    table,
    type,
    dst: ip6Network(dst, len),
    dstLen: len,
    metric,
    protocol: 2,
    dev: l,
    gateway: null,
    prefsrc: null,
    expires: null,
    mtu: null,
    hoplimit: null,
    pref: 'medium',
    prefixRt: false,
    raDefault: false,
    onlink: false,
  };
}

/** addrconf_prefix_route: refused while the device is down; a route already there has its expiry refreshed. */
export function addPrefixRoute(l: Link, pfx: Ip6, len: number, metric: number, expires: number | null): void {
  if (!l.up) return;
  const table = tableFor(l, TABLE6.main);
  const r = base(l, table, 'unicast', pfx, len, metric || PRIO_ADDRCONF);
  r.expires = expires;
  r.prefixRt = true;
  fib6Add(l.ns.inet6.table(table), r, { excl: false, replace: false, create: true });
  if (expires !== null) fib6StartGc(l.ns);
}

/** ip6_ins_rt of the address's host route (addrconf_f6i_alloc): `local A dev D` in table local. */
export function insertLocalRoute(l: Link, a: Inet6Addr): void {
  if (a.localRoute) return;
  a.localRoute = true;
  const table = tableFor(l, TABLE6.local);
  fib6Add(l.ns.inet6.table(table), base(l, table, 'local', a.addr, 128, 0), { excl: false, replace: false, create: true });
}

/** The address's host route leaves table local. */
export function removeLocalRoute(l: Link, a: Inet6Addr): void {
  if (!a.localRoute) return;
  a.localRoute = false;
  const t = l.ns.inet6.table(tableFor(l, TABLE6.local));
  const r = t.leaf(a.addr, 128).find((x) => x.type === 'local' && x.dev === l && x.metric === 0);
  if (r) t.remove(r);
}

/** addrconf_add_mroute: ff00::/8 through the device, in table local. */
export function addMulticastRoute(l: Link): void {
  if (l.inet6.mroute) return;
  l.inet6.mroute = true;
  const table = tableFor(l, TABLE6.local);
  fib6Add(l.ns.inet6.table(table), base(l, table, 'multicast', 0xffn << 120n, 8, PRIO_ADDRCONF), { excl: false, replace: false, create: true });
}

/**
 * addrconf_get_prefix_route: the first route of exactly this prefix in table main through the
 * device, without a gateway, not learned as a default router (whoever added it).
 */
export function findPrefixRoute(l: Link, pfx: Ip6, len: number, noGateway: boolean): Route6 | null {
  const t = l.ns.inet6.table(tableFor(l, TABLE6.main));
  for (const r of t.leaf(ip6Network(pfx, len), len)) {
    if (r.dev !== l || r.raDefault) continue;
    if (noGateway && r.gateway !== null) continue;
    return r;
  }
  return null;
}

/** ip6_del_rt of a route, from whichever table holds it. */
export function deleteRoute6(l: Link, r: Route6): void {
  l.ns.inet6.tables.get(r.table)?.remove(r);
}

/**
 * rt6_sync_down_dev (fib6_ifdown): every route through the device goes, in every table — but
 * on NETDEV_DOWN a multipath route's sibling through it is only marked dead (and linkdown)
 * while a sibling through another device is alive; the last live ones take all with them.
 * Unregistering takes each route through the device, siblings included.
 */
export function deleteRoutesVia6(l: Link, unregister = true): void {
  for (const t of l.ns.inet6.tables.values()) {
    for (const r of [...t.routes]) {
      if (!t.routes.includes(r)) continue;
      const sib = r.siblings;
      if (unregister || !sib) {
        if (r.dev === l) t.remove(r);
        continue;
      }
      if (!sib.some((x) => x.dev === l) || sib[0] !== r) continue;
      // rt6_multipath_dead_count: through this device or dead already
      if (sib.every((x) => x.dev === l || x.dead)) for (const x of [...sib]) t.remove(x);
      else for (const x of sib) if (x.dev === l) x.dead = true;
    }
  }
  l.inet6.mroute = false;
  for (const a of l.inet6.addrs) a.localRoute = false;
}

/** rt6_sync_up (NETDEV_UP): a multipath route's siblings through the device are alive again. */
export function reviveRoutesVia6(l: Link): void {
  for (const t of l.ns.inet6.tables.values()) for (const r of t.routes) if (r.dead && r.dev === l) r.dead = false;
}

/** rt6_remove_prefsrc: routes that named a deleted address as their source keep going without one. */
export function removePrefsrc6(l: Link, addr: Ip6): void {
  for (const t of l.ns.inet6.tables.values()) {
    for (const r of t.routes) if (r.prefsrc === addr && r.dev === l) r.prefsrc = null;
  }
}
