/**
 * The route of a packet arriving on an interface (net/ipv4/route.c ip_route_input_slow,
 * __mkroute_input; fib_frontend.c fib_validate_source): what `ip route get ADDR from S iif D`
 * asks the kernel. Local delivery is a route to lo; forwarding needs `forwarding` on the
 * ingress device; martians and rp_filter failures are EINVAL; a forwarding refusal or a
 * missing route is an error route (EHOSTUNREACH, ENETUNREACH, or the reject route's errno).
 */
import { SCOPE } from './address.js';
import { fibLookup } from './fib-lookup.js';
import { isLoopbackNet, isMulticast, type Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';
import type { Route } from './route.js';
import type { RtCacheFlags, RtErrno, RtResult } from './route-output.js';
import { deviceOfLocal, joinedGroup } from './route-output.js';

export interface InputFlow {
  dst: Ip4;
  src: Ip4;
  iif: Link;
  tos?: number;
}

const LBCAST = 0xffffffff;

function loopbackOf(ns: Netns): Link | null {
  return ns.linkList().find((l) => l.kind === 'loopback') ?? null;
}

/** IN_DEV_RPFILTER: the larger of conf/all and the device's own rp_filter. */
function rpFilter(dev: Link): number {
  return Math.max(dev.ns.all.rp_filter, dev.conf.rp_filter);
}

function acceptLocal(dev: Link): boolean {
  return (dev.ns.all.accept_local || dev.conf.accept_local) !== 0;
}

function routeLocalnet(dev: Link): boolean {
  return (dev.ns.all.route_localnet || dev.conf.route_localnet) !== 0;
}

function sendRedirects(dev: Link): boolean {
  return (dev.ns.all.send_redirects || dev.conf.send_redirects) !== 0;
}

/**
 * fib_validate_source: is `src` an acceptable source for a packet arriving on `dev`?
 * Returns an errno, or whether the source is directly connected through `dev` (the kernel's
 * positive return, which decides ICMP redirects).
 */
export function validateSource(ns: Netns, src: Ip4, dst: Ip4, oif: Link | null, dev: Link): RtErrno | boolean {
  const rpf = rpFilter(dev);
  if (!rpf && (dev !== oif || !sendRedirects(dev))) {
    if (acceptLocal(dev)) return false;
    // a packet from one of our own addresses is a martian unless custom rules are in play
    if (!ns.customRules && deviceOfLocal(ns, src)) return 'EINVAL';
    if (!ns.customRules) return false;
  }
  const lo = loopbackOf(ns);
  const res = fibLookup(ns, { dst: src, src: dst, iif: oif ?? lo });
  if (res.kind === 'error') return rpf ? 'EXDEV' : false;
  const r = res.route;
  if (r.type !== 'unicast' && (r.type !== 'local' || !acceptLocal(dev))) return 'EINVAL';
  if (r.dev === dev || (r.type === 'local' && dev.kind === 'loopback')) return r.nhScope >= SCOPE.host;
  if (dev.addrs.length === 0) return rpf ? 'EXDEV' : false;
  if (rpf === 1) return 'EXDEV';
  const again = fibLookup(ns, { dst: src, src: dst, iif: oif ?? lo, oif: dev, ignoreLinkstate: true });
  if (again.kind === 'route' && again.route.type === 'unicast') return again.route.nhScope >= SCOPE.host;
  return false;
}

function noFlags(): RtCacheFlags {
  return { local: false, broadcast: false, multicast: false, redirect: false };
}

/** A route delivering to this host: handed to lo. */
function localInput(ns: Netns, type: 'local' | 'broadcast', route: Route | null, table: number, flags: RtCacheFlags): RtResult {
  const lo = loopbackOf(ns);
  if (!lo) return { ok: false, errno: 'ENODEV' };
  return { ok: true, rt: { type, dev: lo, gateway: null, saddr: 0, flags: { ...flags, local: true }, table, route, input: true } };
}

/**
 * ip_route_input_mc: a group this device has joined (224.0.0.1 on any device that is up) is
 * delivered locally; any other group needs multicast routing, which is not modelled: EINVAL,
 * as the kernel answers without it.
 */
function multicastInput(ns: Netns, flow: InputFlow): RtResult {
  const { dst: daddr, src: saddr, iif: dev } = flow;
  if (!joinedGroup(dev, daddr)) return { ok: false, errno: 'EINVAL' };
  if (isMulticast(saddr) || saddr === LBCAST) return { ok: false, errno: 'EINVAL' };
  if (isLoopbackNet(saddr) && !routeLocalnet(dev)) return { ok: false, errno: 'EINVAL' };
  if (saddr === 0) {
    if (daddr >>> 8 !== 0xe00000) return { ok: false, errno: 'EINVAL' };
  } else if (typeof validateSource(ns, saddr, 0, null, dev) === 'string') {
    return { ok: false, errno: 'EINVAL' };
  }
  const r = localInput(ns, 'local', null, 0, { ...noFlags(), multicast: true });
  if (r.ok) r.rt.type = 'multicast';
  return r;
}

/** ip_route_input_slow for one packet. */
export function routeInput(ns: Netns, flow: InputFlow): RtResult {
  const { dst: daddr, src: saddr, iif: dev } = flow;
  if (isMulticast(daddr)) return multicastInput(ns, flow);
  if (isMulticast(saddr) || saddr === LBCAST) return { ok: false, errno: 'EINVAL' };

  // brd_input keeps res.fi when the FIB said broadcast (fibmatch prints it), none for 255.255.255.255
  const brdInput = (table: number, route: Route | null): RtResult => {
    if (saddr !== 0) {
      const v = validateSource(ns, saddr, 0, null, dev);
      if (typeof v === 'string') return { ok: false, errno: 'EINVAL' };
    }
    return localInput(ns, 'broadcast', route, table, { ...noFlags(), broadcast: true });
  };

  if (daddr === LBCAST || (saddr === 0 && daddr === 0)) return brdInput(0, null);
  // only 0.0.0.0 itself is a martian; the rest of 0/8 is unicast since Linux 5.18
  if (saddr === 0) return { ok: false, errno: 'EINVAL' };
  if (daddr === 0) return { ok: false, errno: 'EINVAL' };
  if (isLoopbackNet(daddr)) {
    if (!routeLocalnet(dev)) return { ok: false, errno: 'EINVAL' };
  } else if (isLoopbackNet(saddr)) {
    if (!routeLocalnet(dev)) return { ok: false, errno: 'EINVAL' };
  }

  const forwarding = dev.conf.forwarding !== 0;
  const res = fibLookup(ns, { dst: daddr, src: saddr, iif: dev, tos: flow.tos ?? 0 });
  if (res.kind === 'error') return { ok: false, errno: forwarding ? res.errno : 'EHOSTUNREACH' };
  const r = res.route;
  if (r.type === 'broadcast') return brdInput(res.table, r);
  if (r.type === 'local') {
    const v = validateSource(ns, saddr, daddr, null, dev);
    if (typeof v === 'string') return { ok: false, errno: 'EINVAL' };
    return localInput(ns, 'local', r, res.table, noFlags());
  }
  if (!forwarding) return { ok: false, errno: 'EHOSTUNREACH' };
  if (r.type !== 'unicast' || !r.dev) return { ok: false, errno: 'EINVAL' };

  // __mkroute_input
  const out = r.dev;
  const v = validateSource(ns, saddr, daddr, out, dev);
  if (typeof v === 'string') return { ok: false, errno: 'EINVAL' };
  const flags = noFlags();
  // the packet leaves where it came in, from a directly connected source: ICMP redirect
  // (shared_media is on by default, so inet_addr_onlink is never needed)
  if (out === dev && v === true && sendRedirects(out)) flags.redirect = true;
  const gateway = r.gateway !== null && r.nhScope === SCOPE.link ? r.gateway : null;
  return { ok: true, rt: { type: 'unicast', dev: out, gateway, saddr: 0, flags, table: res.table, route: r, input: true } };
}
