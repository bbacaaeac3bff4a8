/**
 * The route of an IPv6 packet (net/ipv6/route.c ip6_route_output_flags, ip6_route_input,
 * ip6_pol_route, ip6_rt_get_dev_rcu, ip6_route_get_saddr): what `ip -6 route get` asks and
 * what the simulator's packets take, through fib6-lookup.ts.
 *
 * Output: a multicast, link-local or loopback destination, or an output device without a
 * source, makes the lookup strict to the device (rt6_need_strict); a local route hands the
 * packet to lo; the source is the route's `src`, else source selection over the output
 * device. Input: the lookup runs with the ingress device as the preferred device (strict for
 * link-local and multicast destinations): local delivery, forwarding, or a reject.
 */
import type { Link } from '../link.js';
import type { Route6, Route6Type } from './fib6.js';
import { fib6Lookup, type Fib6Errno, type Fib6View } from './fib6-lookup.js';
import { IP6_LOOPBACK, isIp6LinkLocal, isIp6Multicast, type Ip6 } from './ip6.js';
import { ipv6DevGetSaddr } from './source6.js';

/** A resolved IPv6 route (struct rt6_info and what rt6_fill_node reports). */
export interface Rt6Entry {
  type: Route6Type;
  /** where the packet is handed: lo for local delivery */
  dev: Link;
  /** the next hop when it is not the destination */
  gateway: Ip6 | null;
  /** the source chosen for an output route, null when none could be (EADDRNOTAVAIL for a socket) */
  saddr: Ip6 | null;
  daddr: Ip6;
  route: Route6;
  table: number;
  /** for local delivery: the device the address is on */
  localDev: Link | null;
  input: boolean;
  /** a path MTU learned for the destination (an exception of the route), with when it expires */
  pmtu: { mtu: number; expires: number } | null;
  /** the multipath route whose hop the kernel's flow hash picks (`route` is one guess of it) */
  hashed?: Route6;
}

export type Rt6Result = { ok: true; rt: Rt6Entry } | { ok: false; errno: Fib6Errno; route: Route6 | null };

/** rt6_need_strict: destinations that only mean something on one link. */
export function needStrict(dst: Ip6): boolean {
  return isIp6Multicast(dst) || isIp6LinkLocal(dst) || dst === IP6_LOOPBACK;
}

function entry(view: Fib6View, r: Route6, table: number, dst: Ip6, input: boolean): Rt6Entry {
  const ns = view.ns;
  const lo = ns.linkList().find((l) => l.kind === 'loopback') ?? r.dev;
  const local = r.type === 'local' || r.type === 'anycast';
  return {
    type: r.type,
    dev: local ? lo : r.dev,
    gateway: r.gateway,
    saddr: null,
    daddr: dst,
    route: r,
    table,
    localDev: local ? r.dev : null,
    input,
    pmtu: null,
  };
}

/** Marks an answer whose hop the kernel's flow hash picks, and tells the view. */
function hashed(view: Fib6View, rt: Rt6Entry, r: Route6 | undefined): void {
  if (!r) return;
  rt.hashed = r;
  view.multipathHash?.(r);
}

/** The exception learned for `dst` on route `r`, if it still holds at `now`. */
export function pmtuOf(view: Fib6View, dst: Ip6, r: Route6, now: number): { mtu: number; expires: number } | null {
  const e = view.ns.inet6.pmtu.get(dst);
  if (!e || e.route !== r || e.expires <= now) return null;
  return view.ns.inet6.tables.get(r.table)?.routes.includes(r) ? e : null;
}

/** The flow of an output lookup. */
export interface Output6Flow {
  dst: Ip6;
  /** `::` when none */
  src: Ip6;
  oif: Link | null;
  /** the socket is bound to `oif` (SO_BINDTODEVICE: sk_bound_dev_if), which makes the lookup strict to it whatever the source */
  bound?: boolean;
  /** flowi6_mark: the socket's SO_MARK (`ip -6 route get … mark M`), for `fwmark` rules */
  mark?: number;
  /** the flow label and protocol the multipath hash reads, when known (`ip -6 route get`) */
  hashKeys?: { flowlabel: number; proto: number };
  /** the lab clock, for learned path MTUs (none: they are not looked at) */
  now?: number;
}

/**
 * ip6_route_output + ip6_route_get_saddr.
 *
 * @example
 * route6Output(modelView6(ns), { dst: parseIp6('2001:db8::5')!, src: 0n, oif: null });
 */
export function route6Output(view: Fib6View, flow: Output6Flow): Rt6Result {
  const anySrc = flow.src === 0n;
  const strictIface = (flow.bound === true && flow.oif !== null) || needStrict(flow.dst) || (flow.oif !== null && anySrc);
  const lo = view.ns.linkList().find((l) => l.kind === 'loopback') ?? null;
  const res = fib6Lookup(view, { dst: flow.dst, src: flow.src, oif: flow.oif, iif: lo, strictIface, mark: flow.mark ?? 0, ...(flow.hashKeys ? { hashKeys: flow.hashKeys } : {}) });
  if (res.kind === 'error') return { ok: false, errno: res.errno, route: res.route };
  const rt = entry(view, res.route, res.table, flow.dst, false);
  hashed(view, rt, res.hashed);
  rt.pmtu = pmtuOf(view, flow.dst, res.route, flow.now ?? 0);
  rt.saddr = anySrc ? (res.route.prefsrc ?? ipv6DevGetSaddr(view.ns, res.route.dev, flow.dst)) : flow.src;
  return { ok: true, rt };
}

/** The flow of an input lookup: a packet from `src` to `dst` arriving on `iif`. */
export interface Input6Flow {
  dst: Ip6;
  src: Ip6;
  iif: Link;
  now?: number;
  /** the packet's firewall mark (skb->mark), for `fwmark` rules */
  mark?: number;
}

/** ip6_route_input: the route a received packet takes (local, forward, reject). */
export function route6Input(view: Fib6View, flow: Input6Flow): Rt6Result {
  const res = fib6Lookup(view, { dst: flow.dst, src: flow.src, oif: flow.iif, iif: flow.iif, strictIface: needStrict(flow.dst), mark: flow.mark ?? 0 });
  if (res.kind === 'error') return { ok: false, errno: res.errno, route: res.route };
  const rt = entry(view, res.route, res.table, flow.dst, true);
  hashed(view, rt, res.hashed);
  rt.pmtu = pmtuOf(view, flow.dst, res.route, flow.now ?? 0);
  return { ok: true, rt };
}
