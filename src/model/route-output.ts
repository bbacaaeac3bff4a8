/**
 * The route of a locally generated packet (net/ipv4/route.c ip_route_output_key_hash_rcu,
 * __mkroute_output, fib_select_path, find_exception): what `ip route get ADDR [from S] [oif D]`
 * asks the kernel, and what a socket's packets take in the simulator. The answer is a cached
 * route (rtable): type, output device, gateway when one is used (a learned redirect's when
 * there is one), the chosen source, and the RTCF_* flags `cache <…>` shows.
 *
 * Written once against a FibView: the model's plain scan and the simulator's compiled FIB
 * both answer through it.
 */
import { vrfOf } from './vrf.js';
import { SCOPE } from './address.js';
import { fibLookup, ipDevFind, type FibView } from './fib-view.js';
import { INADDR_BROADCAST as LBCAST, isLocalMulticast, isLoopbackNet, isMulticast, type Ip4 } from './ip.js';
import type { Link } from './link.js';
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
  /** the next hop when it is not the destination: a learned redirect's, else the nexthop's gateway when on-link (scope link) */
  gateway: Ip4 | null;
  /** fl4->saddr after selection (output routes); 0 when none */
  saddr: Ip4;
  /** fl4->daddr: the destination, 0.0.0.0 replaced by the source (or 127.0.0.1) */
  daddr: Ip4;
  flags: RtCacheFlags;
  /** res.table's id (main for anything found while local and main are merged), 0 for none */
  table: number;
  /** the FIB entry that matched (res.fi), if any */
  route: Route | null;
  /** an input route (`iif` given) rather than an output one */
  input: boolean;
  /** for local delivery, the device holding the address (orig_oif, which inet_iif reports) */
  localDev: Link | null;
  /** the multipath FIB entry whose hop the kernel's flow hash picked (`dev`/`gateway` are one guess of it) */
  hashed?: Route;
}

/** A route, or the errno the kernel answers `ip route get` (and a socket's connect) with. */
export type RtResult = { ok: true; rt: RtEntry } | { ok: false; errno: RtErrno; route: Route | null };

/** The flow of an output lookup. */
export interface OutputFlow {
  dst: Ip4;
  /** 0 for none */
  src: Ip4;
  oif: Link | null;
  tos?: number;
  /** the socket's SO_MARK (or the packet's mark on a reroute), for `fwmark` rules */
  mark?: number;
  /** FLOWI_FLAG_ANYSRC: the source need not be this host's (a reset netfilter sends for a forwarded segment) */
  anySrc?: boolean;
}

/**
 * ip_check_mc_rcu: whether the device has joined the group. Every device that is up joins
 * 224.0.0.1 (ip_mc_up); a VXLAN device that is up joins its `group` on its lower device
 * (vxlan_igmp_join); the model has no other listeners.
 */
export function joinedGroup(dev: Link, group: Ip4): boolean {
  if (!dev.up) return false;
  if (group === 0xe0000001) return true;
  for (const l of dev.ns.linkList()) if (l.kind === 'vxlan' && l.up && l.vxlan?.group === group && l.vxlan.dev === dev.name) return true;
  return false;
}

/**
 * Whether a packet on this route is handed back to this host through lo (loopback_xmit)
 * rather than sent on a wire: local and unicast routes through the loopback device.
 */
export function loopsBack(rt: RtEntry): boolean {
  // a VRF device is the loopback of its domain for its local routes (vrf_local_xmit)
  if (rt.dev.kind === 'vrf') return rt.type === 'local';
  return rt.dev.kind === 'loopback' && rt.type !== 'broadcast' && rt.type !== 'multicast';
}

function fail(errno: RtErrno, route: Route | null = null): RtResult {
  return { ok: false, errno, route };
}

/** What __mkroute_output starts from: the FIB's answer (res) and where the packet goes. */
interface Res {
  type: RouteType;
  route: Route | null;
  table: number;
}

const NONE: Res = { type: 'unicast', route: null, table: 0 };

/**
 * ip_route_output_key_hash_rcu. `ip route get` uses it with the request's source and oif.
 *
 * @example
 * routeOutput(fibView(ns), { dst: parseIp4('8.8.8.8')!, src: 0, oif: null })
 * // { ok: true, rt: { type: 'unicast', dev: v0, gateway: 10.0.0.2, saddr: 10.0.0.1, … } }
 */
export function routeOutput(view: FibView, flow: OutputFlow): RtResult {
  let daddr = flow.dst;
  let saddr = flow.src;
  const oif = flow.oif;
  const lo = view.loopback;

  if (saddr) {
    if (isMulticast(saddr) || saddr === LBCAST) return fail('EINVAL');
    if (!oif && (isMulticast(daddr) || daddr === LBCAST)) {
      // multicast and limited broadcast leave by the device that holds the source
      const d = ipDevFind(view.fib, saddr);
      if (!d) return fail('ENETUNREACH');
      return mkrouteOutput(view, NONE, daddr, saddr, d, null, false);
    }
    if (!flow.anySrc && !ipDevFind(view.fib, saddr)) return fail('ENETUNREACH');
  }

  if (oif) {
    if (!view.isLive(oif)) return fail('ENODEV');
    if (!oif.up) return fail('ENETUNREACH');
    if (isLocalMulticast(daddr) || daddr === LBCAST) {
      if (!saddr) saddr = inetSelectAddr(oif, 0, SCOPE.link);
      return mkrouteOutput(view, NONE, daddr, saddr, oif, null, false);
    }
    if (!saddr) {
      if (isMulticast(daddr)) saddr = inetSelectAddr(oif, 0, SCOPE.global);
      else if (!daddr) saddr = inetSelectAddr(oif, 0, SCOPE.host);
    }
  }

  if (!daddr) {
    // no destination: this host, through lo (which always exists, up or not)
    daddr = saddr;
    if (!daddr) daddr = saddr = 0x7f000001;
    return mkrouteOutput(view, { type: 'local', route: null, table: 0 }, daddr, saddr, lo, lo, true);
  }

  const fr = fibLookup(view.fib, { dst: daddr, src: saddr, oif, iif: lo, scope: 0, tos: flow.tos ?? 0, mark: flow.mark ?? 0 });
  if (fr.kind === 'error') {
    if (oif) {
      // "Apparently, routing tables are wrong. Assume, that the destination is on link."
      if (!saddr) saddr = inetSelectAddr(oif, 0, SCOPE.link);
      return mkrouteOutput(view, NONE, daddr, saddr, oif, null, false);
    }
    return fail(fr.errno, fr.route);
  }
  const res: Res = { type: fr.route.type, route: fr.route, table: fr.table };

  if (res.type === 'local') {
    if (!saddr) saddr = fr.route.prefsrc ?? daddr;
    // orig_oif: the result's device even though the packet goes through lo, or through the
    // VRF device, the loopback of its domain (l3mdev_master_dev_rcu)
    const vrf = fr.route.dev ? vrfOf(fr.route.dev) : null;
    return mkrouteOutput(view, res, daddr, saddr, vrf ?? lo, fr.route.dev ?? lo, true);
  }

  // fib_select_path: the source comes from the route when none was asked for
  if (!saddr) saddr = routePrefsrc(fr.route);
  const devOut = fr.route.dev;
  if (!devOut) return fail('EINVAL', fr.route);
  const out = mkrouteOutput(view, res, daddr, saddr, devOut, null, false);
  if (fr.hashed && out.ok) {
    out.rt.hashed = fr.hashed;
    view.multipathHash?.(fr.hashed);
  }
  return out;
}

/**
 * ip_route_connect: the route connect() gives a datagram socket. While the destination or the
 * source is unknown, a first lookup fills both in (0.0.0.0 becomes 127.0.0.1, the source is
 * chosen) and the route is then looked up again with them (flowi4_update_output): so a
 * connect to 0.0.0.0 fails where 127.0.0.1 has no route, though `ip route get 0.0.0.0` answers.
 */
export function routeConnect(view: FibView, flow: OutputFlow): RtResult {
  if (flow.dst && flow.src) return routeOutput(view, flow);
  const first = routeOutput(view, flow);
  if (!first.ok) return first;
  return routeOutput(view, { ...flow, dst: first.rt.daddr, src: first.rt.saddr });
}

/** __mkroute_output: the cached route's type, flags and next hop. */
function mkrouteOutput(view: FibView, res: Res, daddr: Ip4, saddr: Ip4, devOut: Link, localDev: Link | null, localIn: boolean): RtResult {
  // a 127/8 source leaves only through loopback (unless route_localnet)
  if (!devOut.conf.route_localnet && isLoopbackNet(saddr) && devOut.kind !== 'loopback') return fail('EINVAL', res.route);
  let type = res.type;
  /** res.fi as far as the next hop goes */
  let fi = res.route;
  const flags: RtCacheFlags = { local: localIn, broadcast: false, multicast: false, redirect: false };
  if (daddr === LBCAST) type = 'broadcast';
  else if (isMulticast(daddr)) type = 'multicast';
  // 0.0.0.0/8 other than 0.0.0.0 itself is ordinary unicast since Linux 5.18
  if (devOut.kind === 'loopback') flags.local = true;
  if (type === 'broadcast') {
    flags.broadcast = true;
    flags.local = true;
    // no gateway resolution for broadcast
    fi = null;
  } else if (type === 'multicast') {
    flags.multicast = true;
    flags.local = joinedGroup(devOut, daddr);
    // "If multicast route do not exist use default one, but do not gateway in this case."
    if (fi && fi.dstLen < 4) fi = null;
  }
  let gateway = fi && fi.gateway !== null && fi.nhScope === SCOPE.link ? fi.gateway : null;
  if (fi) gateway = view.exception(daddr, fi) ?? gateway;
  const rt: RtEntry = { type, dev: devOut, gateway, saddr, daddr, flags, table: res.table, route: res.route, input: false, localDev };
  return { ok: true, rt };
}
