/**
 * The route of a packet arriving on an interface (net/ipv4/route.c ip_route_input_slow,
 * ip_route_input_mc, __mkroute_input; fib_frontend.c fib_validate_source; RFC 1812 §5.3.7 for
 * martians): what `ip route get ADDR from S iif D` asks the kernel, and what the simulator
 * does with each packet and ARP request it receives. Local delivery is a route to lo;
 * forwarding needs `forwarding` on the ingress device; martians and rp_filter failures are
 * EINVAL; a forwarding refusal or a missing route is an error route (EHOSTUNREACH,
 * ENETUNREACH, or the reject route's errno). Every refusal also says why (as the kernel's
 * skb_drop_reason does), for the simulator's traces.
 *
 * Written once against a FibView: the model's plain scan and the simulator's compiled FIB
 * both answer through it.
 */
import { SCOPE } from './address.js';
import { fibLookup, type FibView } from './fib-view.js';
import { INADDR_BROADCAST as LBCAST, isLocalMulticast, isLoopbackNet, isMulticast, type Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Route } from './route.js';
import { joinedGroup, type RtCacheFlags, type RtEntry, type RtErrno } from './route-output.js';

export interface InputFlow {
  dst: Ip4;
  src: Ip4;
  iif: Link;
  tos?: number;
  /** skb->mark, for `fwmark` rules */
  mark?: number;
  /** the packet's addresses for the multipath hash (a packet's, not `ip route get … iif`'s) */
  hashKey?: { readonly src: Ip4; readonly dst: Ip4 };
}

/** Why an input route refuses a packet. */
export type InputRefusal =
  /** the source is multicast or limited broadcast */
  | 'source-multicast'
  /** the destination is a group the device has not joined */
  | 'not-member'
  /** the source is 0.0.0.0 (and the destination not broadcast) */
  | 'source-zero'
  /** the destination is 0.0.0.0 */
  | 'destination-zero'
  /** a 127/8 destination arriving on a device without route_localnet */
  | 'destination-loopback'
  /** a 127/8 source arriving on a device without route_localnet */
  | 'source-loopback'
  /** fib_validate_source: no route back through the ingress device (rp_filter) */
  | 'rp-filter'
  /** fib_validate_source: the source is one of this namespace's own addresses (accept_local=0) */
  | 'local-source'
  /** fib_validate_source: the route back to the source is not unicast */
  | 'martian-source'
  /** not for this host, and the ingress device does not forward */
  | 'forwarding-off'
  /** no usable route (ip_error answers it with ICMP when the device forwards) */
  | 'no-route'
  /** the route is neither local nor unicast */
  | 'not-unicast';

/** An input route, or its errno with the reason and the FIB entry involved. */
export type InputResult = { ok: true; rt: RtEntry } | { ok: false; errno: RtErrno; why: InputRefusal; route: Route | null };

/** IN_DEV_RPFILTER: the larger of conf/all and the device's own rp_filter. */
export function rpFilter(dev: Link): number {
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

/** fib_validate_source's refusals. */
type SourceRefusal = 'rp-filter' | 'local-source' | 'martian-source';

/**
 * fib_validate_source: is `src` an acceptable source for a packet arriving on `dev`? Returns
 * why not, or whether the source is directly connected through `dev` (the kernel's positive
 * return, which decides ICMP redirects).
 */
export function validateSource(view: FibView, src: Ip4, dst: Ip4, oif: Link | null, dev: Link): SourceRefusal | boolean {
  const fib = view.fib;
  const rpf = rpFilter(dev);
  if (!rpf && (dev !== oif || !sendRedirects(dev))) {
    if (acceptLocal(dev)) return false;
    // with custom local routes or rules, checking local addresses alone is not enough
    if (!fib.customLocalRoutes && !view.ns.customRules) {
      // within one namespace, a packet from one of its own addresses is a martian
      return fib.ifaddrDev(src) ? 'local-source' : false;
    }
  }
  // __fib_validate_source: the route back to the source, as if replying from `dst`
  const iif = oif ?? view.loopback;
  const res = fibLookup(fib, { dst: src, src: dst, oif: null, iif, scope: 0 });
  if (res.kind === 'error') return rpf ? 'rp-filter' : false;
  const r = res.route;
  if (r.type !== 'unicast' && (r.type !== 'local' || !acceptLocal(dev))) return fib.ifaddrDev(src) ? 'local-source' : 'martian-source';
  if (r.dev === dev || (r.type === 'local' && dev.kind === 'loopback')) return r.nhScope >= SCOPE.host;
  if (dev.addrs.length === 0) return rpf ? 'rp-filter' : false;
  if (rpf === 1) return 'rp-filter';
  const again = fibLookup(fib, { dst: src, src: dst, oif: dev, iif, scope: 0 });
  if (again.kind === 'route' && again.route.type === 'unicast') return again.route.nhScope >= SCOPE.host;
  return false;
}

function noFlags(): RtCacheFlags {
  return { local: false, broadcast: false, multicast: false, redirect: false };
}

function refuse(errno: RtErrno, why: InputRefusal, route: Route | null = null): InputResult {
  return { ok: false, errno, why, route };
}

/** A route delivering to this host: handed to lo. */
function localInput(view: FibView, flow: InputFlow, type: 'local' | 'broadcast' | 'multicast', route: Route | null, table: number, flags: RtCacheFlags): InputResult {
  const rt: RtEntry = { type, dev: view.loopback, gateway: null, saddr: 0, daddr: flow.dst, flags: { ...flags, local: true }, table, route, input: true, localDev: flow.iif };
  return { ok: true, rt };
}

/**
 * ip_route_input_mc: a group this device has joined (224.0.0.1 on any device that is up) is
 * delivered locally; any other group needs multicast routing, which is not modelled: EINVAL,
 * as the kernel answers without it.
 */
function multicastInput(view: FibView, flow: InputFlow): InputResult {
  const { dst: daddr, src: saddr, iif: dev } = flow;
  if (!joinedGroup(dev, daddr)) return refuse('EINVAL', 'not-member');
  if (isMulticast(saddr) || saddr === LBCAST) return refuse('EINVAL', 'source-multicast');
  if (isLoopbackNet(saddr) && !routeLocalnet(dev)) return refuse('EINVAL', 'source-loopback');
  if (saddr === 0) {
    if (!isLocalMulticast(daddr)) return refuse('EINVAL', 'source-zero');
  } else {
    const v = validateSource(view, saddr, 0, null, dev);
    if (typeof v === 'string') return refuse('EINVAL', v);
  }
  return localInput(view, flow, 'multicast', null, 0, { ...noFlags(), multicast: true });
}

/** brd_input: keeps res.fi when the FIB said broadcast (fibmatch prints it), none for 255.255.255.255. */
function brdInput(view: FibView, flow: InputFlow, table: number, route: Route | null): InputResult {
  if (flow.src !== 0) {
    const v = validateSource(view, flow.src, 0, null, flow.iif);
    if (typeof v === 'string') return refuse('EINVAL', v, route);
  }
  return localInput(view, flow, 'broadcast', route, table, { ...noFlags(), broadcast: true });
}

/**
 * ip_route_input_slow for one packet.
 *
 * @example
 * routeInput(fibView(ns), { dst: parseIp4('10.0.2.1')!, src: parseIp4('10.0.1.1')!, iif: eth0 })
 * // { ok: true, rt: { type: 'unicast', dev: eth1, gateway: null, … } }  (forwarded)
 */
export function routeInput(view: FibView, flow: InputFlow): InputResult {
  const { dst: daddr, src: saddr, iif: dev } = flow;
  if (isMulticast(daddr)) return multicastInput(view, flow);
  if (isMulticast(saddr) || saddr === LBCAST) return refuse('EINVAL', 'source-multicast');

  if (daddr === LBCAST || (saddr === 0 && daddr === 0)) return brdInput(view, flow, 0, null);
  // only 0.0.0.0 itself is a martian; the rest of 0/8 is unicast since Linux 5.18 (measured)
  if (saddr === 0) return refuse('EINVAL', 'source-zero');
  if (daddr === 0) return refuse('EINVAL', 'destination-zero');
  if (isLoopbackNet(daddr)) {
    if (!routeLocalnet(dev)) return refuse('EINVAL', 'destination-loopback');
  } else if (isLoopbackNet(saddr)) {
    if (!routeLocalnet(dev)) return refuse('EINVAL', 'source-loopback');
  }

  const forwarding = dev.conf.forwarding !== 0;
  const res = fibLookup(view.fib, { dst: daddr, src: saddr, oif: null, iif: dev, scope: 0, tos: flow.tos ?? 0, mark: flow.mark ?? 0, hashKey: flow.hashKey });
  if (res.kind === 'error') return forwarding ? refuse(res.errno, 'no-route', res.route) : refuse('EHOSTUNREACH', 'forwarding-off', res.route);
  const r = res.route;
  if (r.type === 'broadcast') return brdInput(view, flow, res.table, r);
  if (r.type === 'local') {
    const v = validateSource(view, saddr, daddr, null, dev);
    if (typeof v === 'string') return refuse('EINVAL', v, r);
    return localInput(view, flow, 'local', r, res.table, noFlags());
  }
  if (!forwarding) return refuse('EHOSTUNREACH', 'forwarding-off', r);
  if (r.type !== 'unicast' || !r.dev) return refuse('EINVAL', 'not-unicast', r);

  // __mkroute_input
  const out = r.dev;
  const v = validateSource(view, saddr, daddr, out, dev);
  if (typeof v === 'string') return refuse('EINVAL', v, r);
  const flags = noFlags();
  // the packet leaves where it came in, from a directly connected source: ICMP redirect
  // (shared_media is on by default, so inet_addr_onlink is never needed)
  if (out === dev && v === true && sendRedirects(out)) flags.redirect = true;
  let gateway = r.gateway !== null && r.nhScope === SCOPE.link ? r.gateway : null;
  gateway = view.exception(daddr, r) ?? gateway;
  const rt: RtEntry = { type: 'unicast', dev: out, gateway, saddr: 0, daddr, flags, table: res.table, route: r, input: true, localDev: null };
  // ip_mkroute_input: fib_select_multipath by the packet's hash
  if (res.hashed) {
    rt.hashed = res.hashed;
    view.multipathHash?.(res.hashed);
  }
  return { ok: true, rt };
}
