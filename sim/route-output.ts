/**
 * The output route of a locally generated packet (net/ipv4/route.c ip_route_output_key_hash_rcu
 * and __mkroute_output): source checks, a bound device (SO_BINDTODEVICE), the FIB through the
 * rules with `iif lo`, local destinations through loopback, the source address the route gives
 * (prefsrc, else inet_select_addr), and learned redirects.
 */
import { SCOPE } from '../src/model/address.js';
import type { Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Route } from '../src/model/route.js';
import { Fib, type FibErrno } from './fib.js';
import type { NsState } from './ns-state.js';
import type { Simulator } from './simulator.js';
import { inetSelectAddr, routePrefsrc } from '../src/model/source-address.js';

export interface OutRoute {
  type: 'unicast' | 'local' | 'broadcast' | 'multicast';
  /** the device the packet leaves through (loopback for local destinations) */
  dev: Link;
  /** next hop when it is not the destination itself */
  gateway: Ip4 | null;
  src: Ip4;
  /** the destination (0.0.0.0 becomes the source, or 127.0.0.1) */
  dst: Ip4;
  /** the FIB entry used, if any (null: assumed on-link through a bound device) */
  route: Route | null;
  /** for local destinations, the device holding the address (orig_oif → inet_iif) */
  localDev: Link | null;
}

export type OutResult = { kind: 'ok'; rt: OutRoute } | { kind: 'error'; errno: FibErrno | 'ENODEV'; route: Route | null };

export interface OutFlow {
  dst: Ip4;
  /** 0: let the route choose */
  src: Ip4;
  oif: Link | null;
}

const LBCAST = 0xffffffff;
const isMulticast = (a: Ip4) => a >>> 28 === 0xe;
const isLocalMulticast = (a: Ip4) => a >>> 8 === 0xe00000;

export function routeOutput(sim: Simulator, st: NsState, flow: OutFlow): OutResult {
  const fib = st.fib;
  const lo = st.lo ?? null;
  let { dst, src, oif } = flow;
  if (src) {
    if (isMulticast(src) || src === LBCAST) return { kind: 'error', errno: 'EINVAL', route: null };
    if (!oif && (isMulticast(dst) || dst === LBCAST)) {
      const d = fib.localDev(src);
      if (!d) return { kind: 'error', errno: 'ENETUNREACH', route: null };
      return make(sim, st, null, d, null, src, dst, null);
    }
    if (!fib.localDev(src)) return { kind: 'error', errno: 'ENETUNREACH', route: null };
  }
  if (oif) {
    if (!sim.isLive(oif) || oif.ns !== st.ns) return { kind: 'error', errno: 'ENODEV', route: null };
    if (!oif.up) return { kind: 'error', errno: 'ENETUNREACH', route: null };
    if (isLocalMulticast(dst) || dst === LBCAST) return make(sim, st, null, oif, null, src || inetSelectAddr(oif, 0, SCOPE.link), dst, null);
    if (!src) {
      if (isMulticast(dst)) src = inetSelectAddr(oif, 0, SCOPE.global);
      else if (!dst) src = inetSelectAddr(oif, 0, SCOPE.host);
    }
  }
  if (!dst) {
    dst = src || 0x7f000001;
    src = dst;
    if (!lo) return { kind: 'error', errno: 'ENETUNREACH', route: null };
    return { kind: 'ok', rt: { type: 'local', dev: lo, gateway: null, src, dst, route: null, localDev: lo } };
  }
  const res = fib.lookup({ dst, src, oif, iif: lo, scope: 0 });
  if (res.kind === 'error') {
    if (oif) {
      // "Apparently, routing tables are wrong. Assume, that the destination is on link."
      return make(sim, st, null, oif, null, src || inetSelectAddr(oif, 0, SCOPE.link), dst, null);
    }
    return { kind: 'error', errno: res.errno, route: res.route };
  }
  const r = res.route;
  if (r.type === 'local') {
    if (!src) src = r.prefsrc ?? dst;
    if (!lo) return { kind: 'error', errno: 'ENETUNREACH', route: r };
    return { kind: 'ok', rt: { type: 'local', dev: lo, gateway: null, src, dst, route: r, localDev: r.dev ?? lo } };
  }
  if (!src) src = routePrefsrc(r);
  return make(sim, st, r, r.dev!, Fib.usesGateway(r) ? r.gateway : null, src, dst, r.type === 'broadcast' ? 'broadcast' : null);
}

function make(sim: Simulator, st: NsState, r: Route | null, dev: Link, gw: Ip4 | null, src: Ip4, dst: Ip4, type: 'broadcast' | null): OutResult {
  // a 127/8 source leaves only through loopback (unless route_localnet)
  if (src >>> 24 === 127 && dev.kind !== 'loopback' && !dev.conf.route_localnet) return { kind: 'error', errno: 'EINVAL', route: r };
  let t: OutRoute['type'] = type ?? 'unicast';
  if (dst === LBCAST) {
    t = 'broadcast';
    gw = null;
  } else if (isMulticast(dst)) {
    t = 'multicast';
    // multicast over a default-ish route goes to the device, never its gateway
    if (r && r.dstLen < 4) gw = null;
  }
  // 0.0.0.0/8 (other than 0.0.0.0 itself) is ordinary unicast since Linux 5.18
  if (dev.kind === 'loopback' && t === 'unicast') {
    return { kind: 'ok', rt: { type: 'local', dev, gateway: null, src, dst, route: r, localDev: dev } };
  }
  const exc = r ? st.redirects.get(dst) : undefined;
  if (exc && exc.route === r) {
    if (exc.expires > sim.now) gw = exc.gateway;
    else st.redirects.delete(dst);
  }
  return { kind: 'ok', rt: { type: t, dev, gateway: gw, src, dst, route: r, localDev: null } };
}
