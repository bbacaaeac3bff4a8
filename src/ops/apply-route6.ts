/**
 * `ip -6 route add|replace|append|change|prepend|del` (net/ipv6/route.c ip6_route_info_create,
 * fib6_nh_init, ip6_validate_gw, ip6_route_check_nh[_onlink], ip6_route_del; ip6_fib.c
 * fib6_add_rt2node). IPv6 differs from IPv4 in the checks and their words: host bits of the
 * prefix are dropped, not refused; metric 0 means 1024; a link-local gateway needs a device
 * and nothing more; another gateway must be reached by a route without a gateway (in the
 * route's table, then by the rules), through the given device if any (`No route to host`);
 * `onlink` only refuses a gateway that a route of table main puts on another device.
 */
import { fib6StartGc } from '../model/ipv6/fib6-gc.js';
import type { Link } from '../model/link.js';
import { fib6Add, qualifiesForEcmp, sameNexthop6, type Fib6AddFlags, type Route6 } from '../model/ipv6/fib6.js';
import { fib6Lookup, modelView6, tableLookup6 } from '../model/ipv6/fib6-lookup.js';
import { TABLE6 } from '../model/ipv6/inet6-ns.js';
import { ip6Network, isIp6LinkLocal, isIp6Multicast, type Ip6 } from '../model/ipv6/ip6.js';
import { PRIO_USER } from '../model/ipv6/kernel-routes6.js';
import { now6 } from '../model/ipv6/port6.js';
import { isLocal6 } from '../model/ipv6/source6.js';
import { ERRNO, kernelError, OpError, OpUnsupported, rtnetlinkError } from './errors.js';
import { findDev, type OpContext } from './context.js';
import type { HopSpec, Route6AddOp, Route6DelOp, Route6Spec } from './op.js';

const REJECT = new Set(['blackhole', 'unreachable', 'prohibit', 'throw']);

/** ipv6_chk_addr_and_flags with no banned flags: the address is on a device (any, or `dev`), tentative or not. */
function anyLocal(ctx: OpContext, addr: Ip6, dev: Link | null): boolean {
  for (const l of dev ? [dev] : ctx.ns.linkList()) if (l.inet6.addrs.some((a) => a.addr === addr)) return true;
  return false;
}

/** ip6_route_check_nh: the gateway must be on a connected route; returns the device it is on. */
function checkNexthop(ctx: OpContext, gw: Ip6, dev: Link | null, table: number): Link {
  const view = modelView6(ctx.ns);
  const flow = { dst: gw, src: 0n, oif: dev, iif: null, strictIface: true };
  const good = (r: Route6 | null): r is Route6 => r !== null && !REJECT.has(r.type) && r.gateway === null && (!dev || r.dev === dev);
  const inTable = tableLookup6(view, table, flow);
  if (good(inTable)) return inTable.dev;
  const res = fib6Lookup(view, flow);
  if (res.kind === 'error' || res.route.gateway !== null) throw rtnetlinkError('No route to host');
  if (dev && res.route.dev !== dev) throw rtnetlinkError('No route to host');
  return res.route.dev;
}

/** ip6_route_info_create: the route the kernel would store, or its refusal. */
export function buildRoute6(ctx: OpContext, spec: Route6Spec): Route6 {
  const ns = ctx.ns;
  const local = spec.type === 'local' || spec.type === 'anycast';
  const table = spec.table ?? (local ? TABLE6.local : TABLE6.main);
  let dev = spec.dev !== null ? findDev(ctx, spec.dev) : null;
  if (dev && dev.kind === 'loopback' && !REJECT.has(spec.type) && !local && spec.dst !== 1n) throw new OpUnsupported('an IPv6 route through lo (the kernel makes it a reject route)');
  if (spec.onlink) {
    if (!dev) throw kernelError('Nexthop device required for onlink');
    if (!dev.up) throw new OpError('Error: Nexthop device is not up.\n', 2, 'kernel');
  }
  const lo = ns.linkList().find((l) => l.kind === 'loopback')!;
  if (REJECT.has(spec.type)) dev = lo;
  else {
    if (spec.gateway !== null) {
      const gw = spec.gateway;
      const skipDev = !isIp6LinkLocal(gw);
      if (dev && anyLocal(ctx, gw, skipDev ? null : dev)) throw kernelError('Gateway can not be a local address');
      if (!isIp6LinkLocal(gw)) {
        if (isIp6Multicast(gw) || gw === 0n) throw kernelError('Invalid gateway address');
        if (spec.onlink) {
          const r = tableLookup6(modelView6(ns), TABLE6.main, { dst: gw, src: spec.prefsrc ?? 0n, oif: dev, iif: null, strictIface: false });
          if (r && !REJECT.has(r.type) && r.dstLen > 0 && (r.type !== 'unicast' || r.dev !== dev)) throw kernelError('Nexthop has invalid gateway or device mismatch');
        } else dev = checkNexthop(ctx, gw, dev, table);
      }
      if (!dev) throw kernelError('Egress device not specified');
      if (dev.kind === 'loopback') throw kernelError('Egress device can not be loopback device for this route');
      if (!spec.dev && anyLocal(ctx, gw, skipDev ? null : dev)) throw kernelError('Gateway can not be a local address');
    }
    if (!dev) throw rtnetlinkError(ERRNO.ENODEV);
    if (dev.inet6.conf.disable_ipv6) throw kernelError('IPv6 is disabled on nexthop device');
    if (!dev.up) throw kernelError('Nexthop device is not up');
  }
  if (spec.prefsrc !== null && spec.prefsrc !== 0n && !isLocal6(ns, spec.prefsrc)) throw kernelError('Invalid source address');
  return {
    table,
    type: spec.type,
    dst: ip6Network(spec.dst, spec.dstLen),
    dstLen: spec.dstLen,
    metric: spec.metric || PRIO_USER,
    protocol: spec.protocol || 3,
    dev: dev!,
    gateway: spec.gateway,
    prefsrc: spec.prefsrc || null,
    expires: spec.expires !== null ? now6(lo) + spec.expires * 1e6 : null,
    mtu: spec.mtu,
    hoplimit: spec.hoplimit,
    pref: spec.pref ?? 'medium',
    prefixRt: false,
    raDefault: false,
    onlink: spec.onlink,
  };
}

/** The netlink flags of a request's mode. */
function addFlags(mode: Route6AddOp['mode']): Fib6AddFlags {
  return { excl: mode === 'add', replace: mode === 'replace' || mode === 'change', create: mode !== 'change' };
}

/** fib6_add's refusals in the kernel's words. */
function addError(err: 'EEXIST' | 'ENOENT'): OpError {
  return err === 'EEXIST' ? rtnetlinkError(ERRNO.EEXIST) : kernelError('Can not replace route - no match found');
}

export function applyRoute6Add(ctx: OpContext, op: Route6AddOp): void {
  if (op.route.hops) {
    multipathAdd(ctx, op);
    return;
  }
  const r = buildRoute6(ctx, op.route);
  const res = fib6Add(ctx.ns.inet6.table(r.table), r, addFlags(op.mode));
  if ('err' in res) throw addError(res.err);
  if (r.expires !== null) fib6StartGc(ctx.ns);
  ctx.ns.touch();
}

/** A hop of a multipath request as a route of its own: the request's fields, the hop's gateway, device and weight (or the request's). */
function hopSpec(spec: Route6Spec, h: HopSpec): Route6Spec {
  const { hops: _, ...rest } = spec;
  return { ...rest, gateway: h.gateway6 ?? spec.gateway, dev: h.dev ?? spec.dev, onlink: h.onlink || spec.onlink };
}

/**
 * ip6_route_multipath_add: every hop is made first (ip6_route_info_create; a hop without a
 * gateway is refused, as is a hop given twice), then inserted as a route of its own, the first
 * with the request's flags and the others as plain additions, so they join it as siblings; a
 * hop that fails takes the ones inserted before it away again.
 */
function multipathAdd(ctx: OpContext, op: Route6AddOp): void {
  const made: Route6[] = [];
  for (const h of op.route.hops!) {
    const spec = hopSpec(op.route, h);
    const r = buildRoute6(ctx, spec);
    r.weight = h.weight;
    // a reject route's hop keeps no gateway (it is on lo), so two of them are the same hop
    const reject = REJECT.has(r.type);
    if (reject) r.gateway = null;
    if (reject ? spec.gateway === null : !qualifiesForEcmp(r)) throw kernelError('Device only routes can not be added for IPv6 using the multipath API');
    if (made.some((x) => sameNexthop6(x, r))) throw rtnetlinkError(ERRNO.EEXIST);
    made.push(r);
  }
  const inserted: Route6[] = [];
  for (const r of made) {
    const flags = inserted.length === 0 ? addFlags(op.mode) : { excl: false, replace: false, create: true };
    const res = fib6Add(ctx.ns.inet6.table(r.table), r, flags);
    if ('err' in res) {
      for (const x of inserted) ctx.ns.inet6.tables.get(x.table)?.remove(x);
      if (inserted.length) ctx.ns.touch();
      throw addError(res.err);
    }
    inserted.push(r);
  }
  if (made.some((r) => r.expires !== null)) fib6StartGc(ctx.ns);
  ctx.ns.touch();
}

/**
 * ip6_route_del: the first route of the prefix that every given field matches; without a
 * gateway the route goes with all its siblings (__ip6_del_rt_siblings), with one only that hop.
 * A request with hops (ip6_route_multipath_del) deletes each hop on its own and fails with
 * the last hop that found nothing.
 */
export function applyRoute6Del(ctx: OpContext, op: Route6DelOp): void {
  const s = op.route;
  const t = ctx.ns.inet6.tables.get(s.table ?? TABLE6.main);
  if (!t) throw new OpError('Error: FIB table does not exist.\n', 2, 'kernel');
  if (!s.hops) {
    if (!deleteOne(ctx, s)) throw rtnetlinkError(ERRNO.ESRCH);
    return;
  }
  let failed = false;
  for (const h of s.hops) if (!deleteOne(ctx, hopSpec(s, h))) failed = true;
  if (failed) throw rtnetlinkError(ERRNO.ESRCH);
}

function deleteOne(ctx: OpContext, s: Route6Spec): boolean {
  const t = ctx.ns.inet6.tables.get(s.table ?? TABLE6.main)!;
  const dev = s.dev !== null ? findDev(ctx, s.dev) : null;
  for (const r of t.leaf(ip6Network(s.dst, s.dstLen), s.dstLen)) {
    if (s.metric && s.metric !== r.metric) continue;
    if (s.protocol && s.protocol !== r.protocol) continue;
    if (dev && r.dev !== dev) continue;
    if (s.gateway !== null && s.gateway !== r.gateway) continue;
    const siblings = s.gateway === null && r.siblings ? [...r.siblings] : [r];
    for (const x of siblings) t.remove(x);
    ctx.ns.touch();
    return true;
  }
  return false;
}
