/**
 * The input route decision for a packet arriving on a device (net/ipv4/route.c
 * ip_route_input_slow, fib_frontend.c fib_validate_source; RFC 1812 §5.3.7 for martians):
 * martian checks, FIB lookup through the rules, local delivery (local table first, by rule
 * order), forwarding only when the ingress device has forwarding on, reverse-path and
 * accept_local checks on the source.
 */
import { SCOPE } from '../src/model/address.js';
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Route } from '../src/model/route.js';
import type { FibErrno } from './fib.js';
import type { NsState } from './ns-state.js';
import type { Simulator } from './simulator.js';
import type { DropReason } from './trace.js';

export type PktType = 'host' | 'broadcast' | 'multicast' | 'otherhost';

export type InputDecision =
  | { kind: 'local'; route: Route | null; broadcast: boolean }
  | { kind: 'forward'; route: Route; redirect: boolean }
  /** ip_error: no usable route; an ICMP error goes back if the device forwards */
  | { kind: 'error'; errno: FibErrno; reason: DropReason; detail: string }
  | { kind: 'drop'; reason: DropReason; detail: string };

const EINVAL = -1;
const EXDEV = -2;

/** IN_DEV_ORCONF / IN_DEV_MAXCONF helpers */
function rpFilter(dev: Link): number {
  return Math.max(dev.ns.all.rp_filter, dev.conf.rp_filter);
}
function acceptLocal(dev: Link): boolean {
  return !!(dev.ns.all.accept_local || dev.conf.accept_local);
}
function sendRedirects(dev: Link): boolean {
  return !!(dev.ns.all.send_redirects || dev.conf.send_redirects);
}

/**
 * fib_validate_source: <0 refuses the source (EINVAL: martian or local; EXDEV: reverse path),
 * 1 means the source is on-link through `dev` (which makes a redirect possible), else 0.
 */
export function validateSource(st: NsState, src: Ip4, dst: Ip4, oif: Link | null, dev: Link): number {
  const fib = st.fib;
  const rpf = rpFilter(dev);
  if (!rpf && (dev !== oif || !sendRedirects(dev))) {
    if (acceptLocal(dev)) return 0;
    if (!fib.customLocalRoutes && !fib.customRules) return fib.addrDev.has(src) ? EINVAL : 0;
  }
  // __fib_validate_source: the route back to the source, as if replying from `dst`
  const lo = st.lo ?? null;
  const res = fib.lookup({ dst: src, src: dst, oif: null, iif: oif ?? lo, scope: 0 });
  if (res.kind !== 'route') return rpf ? EXDEV : 0;
  const r = res.route;
  if (r.type !== 'unicast' && (r.type !== 'local' || !acceptLocal(dev))) return EINVAL;
  if (r.dev === dev || (r.type === 'local' && dev.kind === 'loopback')) return r.nhScope >= SCOPE.host ? 1 : 0;
  if (dev.addrs.length === 0) return rpf ? EXDEV : 0;
  if (rpf === 1) return EXDEV;
  const res2 = fib.lookup({ dst: src, src: dst, oif: dev, iif: oif ?? lo, scope: 0 });
  if (res2.kind === 'route' && res2.route.type === 'unicast') return res2.route.nhScope >= SCOPE.host ? 1 : 0;
  return 0;
}

function refused(st: NsState, code: number, src: Ip4, dev: Link): InputDecision {
  if (code === EXDEV) {
    return { kind: 'drop', reason: 'rp-filter', detail: `rp_filter=${rpFilter(dev)}: the route back to ${ip4ToString(src)} does not leave through ${dev.name}` };
  }
  if (st.fib.addrDev.has(src)) {
    return { kind: 'drop', reason: 'accept-local', detail: `source ${ip4ToString(src)} is a local address and accept_local=0 on ${dev.name}` };
  }
  return { kind: 'drop', reason: 'martian-source', detail: `source ${ip4ToString(src)} is not a unicast address here` };
}

const isLoopback = (a: Ip4) => a >>> 24 === 127;
const isMulticast = (a: Ip4) => a >>> 28 === 0xe;

/** ip_route_input_slow (and the multicast branch of ip_route_input_rcu, for 224.0.0.1 only). */
export function routeInput(_sim: Simulator, st: NsState, dev: Link, dst: Ip4, src: Ip4, pktType: PktType): InputDecision {
  const localnet = !!(dev.conf.route_localnet || st.ns.all.route_localnet);
  if (isMulticast(src) || src === 0xffffffff) return { kind: 'drop', reason: 'martian-source', detail: `source ${ip4ToString(src)} is broadcast or multicast` };
  if (isMulticast(dst)) {
    // every interface is in the all-hosts group; other groups need a membership (not modelled)
    if (dst === 0xe0000001) return { kind: 'local', route: null, broadcast: true };
    return { kind: 'drop', reason: 'not-for-us', detail: `not a member of ${ip4ToString(dst)}` };
  }
  if (dst === 0xffffffff || (src === 0 && dst === 0)) return brdInput(st, dev, dst, src, null);
  // since Linux 5.18 only 0.0.0.0 itself is special; the rest of 0.0.0.0/8 is unicast (measured)
  if (src === 0) return { kind: 'drop', reason: 'martian-source', detail: 'source 0.0.0.0' };
  if (dst === 0) return { kind: 'drop', reason: 'martian-destination', detail: 'destination 0.0.0.0' };
  if (isLoopback(dst)) {
    if (!localnet) return { kind: 'drop', reason: 'martian-destination', detail: `destination ${ip4ToString(dst)} is a loopback address arriving on ${dev.name}` };
  } else if (isLoopback(src) && !localnet) {
    return { kind: 'drop', reason: 'martian-source', detail: `source ${ip4ToString(src)} is a loopback address arriving on ${dev.name}` };
  }
  const fwd = !!dev.conf.forwarding;
  const res = st.fib.lookup({ dst, src, oif: null, iif: dev, scope: 0 });
  if (res.kind === 'error') {
    if (!fwd) return { kind: 'drop', reason: 'forwarding-off', detail: `${ip4ToString(dst)} is not local and ${dev.name} does not forward (forwarding=0)` };
    const reason: DropReason = res.errno === 'ENETUNREACH' ? 'no-route' : res.errno === 'EHOSTUNREACH' ? 'unreachable' : res.errno === 'EACCES' ? 'prohibit' : 'blackhole';
    const what = res.route ? `${res.route.type} route` : res.errno === 'ENETUNREACH' ? 'no route' : 'a rule';
    return { kind: 'error', errno: res.errno, reason, detail: `${what} to ${ip4ToString(dst)}` };
  }
  const r = res.route;
  if (r.type === 'broadcast') return brdInput(st, dev, dst, src, r);
  if (r.type === 'local') {
    const v = validateSource(st, src, dst, null, dev);
    if (v < 0) return refused(st, v, src, dev);
    return { kind: 'local', route: r, broadcast: false };
  }
  if (!fwd) return { kind: 'drop', reason: 'forwarding-off', detail: `${ip4ToString(dst)} is not local and ${dev.name} does not forward (forwarding=0)` };
  if (r.type !== 'unicast') return { kind: 'drop', reason: 'martian-destination', detail: `${r.type} route to ${ip4ToString(dst)}` };
  const v = validateSource(st, src, dst, r.dev, dev);
  if (v < 0) return refused(st, v, src, dev);
  // IN_DEV_SHARED_MEDIA defaults to 1: any on-link source gets a redirect
  const redirect = r.dev === dev && v > 0 && sendRedirects(dev) && pktType === 'host';
  return { kind: 'forward', route: r, redirect };
}

function brdInput(st: NsState, dev: Link, dst: Ip4, src: Ip4, r: Route | null): InputDecision {
  if (src !== 0) {
    const v = validateSource(st, src, dst, null, dev);
    if (v < 0) return refused(st, v, src, dev);
  }
  return { kind: 'local', route: r, broadcast: true };
}
