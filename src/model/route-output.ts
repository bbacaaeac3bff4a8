/**
 * The route of a locally generated packet (net/ipv4/route.c ip_route_output_key_hash_rcu,
 * __mkroute_output, fib_select_path): what `ip route get ADDR [from S] [oif D]` asks the
 * kernel, and what ping's socket gets. The answer is a cached route (rtable): type, output
 * device, gateway when one is used, the chosen source, and the RTCF_* flags `cache <…>` shows.
 */
import { SCOPE } from './address.js';
import { fibLookup, type FibResult } from './fib-lookup.js';
import { isLoopbackNet, isMulticast, type Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';
import type { Route, RouteType } from './route.js';
import { inetSelectAddr, routePrefsrc } from './source-address.js';

/** errno values a route resolution can fail with. */
export type RtErrno = 'EINVAL' | 'EHOSTUNREACH' | 'EACCES' | 'ENETUNREACH' | 'ENODEV' | 'EXDEV';

/** RTCF_* flags of a cached route that iproute2 prints after `cache`. */
export interface RtCacheFlags {
  local: boolean;
  broadcast: boolean;
  multicast: boolean;
  /** IPSKB_DOREDIRECT: a forwarded packet leaves by the interface it came in on */
  redirect: boolean;
}

/** A resolved route (struct rtable plus what rt_fill_info reports with it). */
export interface RtEntry {
  type: RouteType;
  /** the device the packet is handed to: lo for local delivery */
  dev: Link;
  /** rt_uses_gateway: the nexthop's gateway when it is on-link (scope link) */
  gateway: Ip4 | null;
  /** fl4->saddr after selection (output routes); 0 when none */
  saddr: Ip4;
  flags: RtCacheFlags;
  /** res.table's id (main for anything found while local and main are merged), 0 for none */
  table: number;
  /** the FIB entry that matched (res.fi), if any */
  route: Route | null;
  /** an input route (`iif` given) rather than an output one */
  input: boolean;
}

/** A route, or the errno the kernel answers `ip route get` (and a socket's connect) with. */
export type RtResult = { ok: true; rt: RtEntry } | { ok: false; errno: RtErrno };

/** The flow of an output lookup. */
export interface OutputFlow {
  dst: Ip4;
  /** 0 for none */
  src: Ip4;
  oif: Link | null;
  tos?: number;
}

const LBCAST = 0xffffffff;

/** 224.0.0.0/24 (ipv4_is_local_multicast). */
function isLocalMulticast(a: Ip4): boolean {
  return a >>> 8 === 0xe00000;
}

function loopbackOf(ns: Netns): Link | null {
  return ns.linkList().find((l) => l.kind === 'loopback') ?? null;
}

/** __ip_dev_find: the device holding `addr` as a local address, if any. */
export function deviceOfLocal(ns: Netns, addr: Ip4): Link | null {
  for (const l of ns.linkList()) if (l.addrs.some((a) => a.local === addr)) return l;
  return null;
}

/**
 * ip_check_mc_rcu: whether the device has joined the group. Every device that is up joins
 * 224.0.0.1 (ip_mc_up); other groups need a listener, which the model has none of.
 */
export function joinedGroup(dev: Link, group: Ip4): boolean {
  return dev.up && group === 0xe0000001;
}

interface FibRes {
  type: RouteType;
  route: Route | null;
  table: number;
}

/**
 * ip_route_output_key_hash_rcu. `ip route get` uses it with the request's source and oif.
 *
 * @example
 * routeOutput(ns, { dst: parseIp4('8.8.8.8')!, src: 0, oif: null })
 * // { ok: true, rt: { type: 'unicast', dev: v0, gateway: 10.0.0.2, saddr: 10.0.0.1, … } }
 */
export function routeOutput(ns: Netns, flow: OutputFlow): RtResult {
  let daddr = flow.dst;
  let saddr = flow.src;
  let oif = flow.oif;
  const lo = loopbackOf(ns);
  let res: FibRes = { type: 'unicast', route: null, table: 0 };
  let devOut: Link | null = null;
  let local = false;

  const make = (): RtResult => mkrouteOutput(res, daddr, saddr, devOut!, local);

  if (saddr) {
    if (isMulticast(saddr) || saddr === LBCAST) return { ok: false, errno: 'EINVAL' };
    if (!oif && (isMulticast(daddr) || daddr === LBCAST)) {
      // multicast and limited broadcast leave by the device that holds the source
      const d = deviceOfLocal(ns, saddr);
      if (!d) return { ok: false, errno: 'ENETUNREACH' };
      devOut = d;
      oif = d;
      return make();
    }
    if (!deviceOfLocal(ns, saddr)) return { ok: false, errno: 'ENETUNREACH' };
  }

  if (oif) {
    if (!oif.up) return { ok: false, errno: 'ENETUNREACH' };
    devOut = oif;
    if (isLocalMulticast(daddr) || daddr === LBCAST) {
      if (!saddr) saddr = inetSelectAddr(oif, 0, SCOPE.link);
      return make();
    }
    if (!saddr) {
      if (isMulticast(daddr)) saddr = inetSelectAddr(oif, 0, SCOPE.global);
      else if (!daddr) saddr = inetSelectAddr(oif, 0, SCOPE.host);
    }
  }

  if (!daddr) {
    daddr = saddr;
    if (!daddr) daddr = saddr = 0x7f000001;
    if (!lo) return { ok: false, errno: 'ENODEV' };
    devOut = lo;
    res = { type: 'local', route: null, table: 0 };
    local = true;
    return make();
  }

  const fr: FibResult = fibLookup(ns, { dst: daddr, src: saddr, oif, iif: lo, tos: flow.tos ?? 0 });
  if (fr.kind === 'error') {
    if (oif) {
      // No route through oif: the kernel assumes the destination is on-link there.
      if (!saddr) saddr = inetSelectAddr(oif, 0, SCOPE.link);
      res = { type: 'unicast', route: null, table: 0 };
      devOut = oif;
      return make();
    }
    return { ok: false, errno: fr.errno };
  }
  res = { type: fr.route.type, route: fr.route, table: fr.table };

  if (res.type === 'local') {
    if (!saddr) saddr = fr.route.prefsrc ?? daddr;
    if (!lo) return { ok: false, errno: 'ENODEV' };
    devOut = lo;
    local = true;
    return make();
  }

  // fib_select_path: the source comes from the route when none was asked for
  if (!saddr) saddr = routePrefsrc(fr.route);
  devOut = fr.route.dev;
  if (!devOut) return { ok: false, errno: 'EINVAL' };
  return make();
}

/** __mkroute_output: the cached route's type, flags and gateway. */
function mkrouteOutput(res: FibRes, daddr: Ip4, saddr: Ip4, devOut: Link, localIn: boolean): RtResult {
  if (!devOut.conf.route_localnet && isLoopbackNet(saddr) && devOut.kind !== 'loopback') return { ok: false, errno: 'EINVAL' };
  let type = res.type;
  let route = res.route;
  const flags: RtCacheFlags = { local: localIn, broadcast: false, multicast: false, redirect: false };
  if (daddr === LBCAST) {
    type = 'broadcast';
    // no gateway resolution for limited broadcast
    route = null;
  } else if (isMulticast(daddr)) {
    type = 'multicast';
  }
  // 0.0.0.0/8 other than 0.0.0.0 itself is ordinary unicast since Linux 5.18
  if (devOut.kind === 'loopback') flags.local = true;
  if (type === 'broadcast') {
    flags.broadcast = true;
    flags.local = true;
  } else if (type === 'multicast') {
    flags.multicast = true;
    flags.local = joinedGroup(devOut, daddr);
    // multicast over a default-ish route: the device, never its gateway
    if (route && route.dstLen < 4) route = null;
  }
  const gateway = route && route.gateway !== null && route.nhScope === SCOPE.link ? route.gateway : null;
  return {
    ok: true,
    rt: { type, dev: devOut, gateway, saddr, flags, table: res.table, route: res.route, input: false },
  };
}
