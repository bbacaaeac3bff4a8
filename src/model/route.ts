import { ip4ToString, type Ip4 } from './ip.js';
import type { Nexthop } from './nexthop.js';
import type { Link } from './link.js';
import type { Route6 } from './ipv6/fib6.js';
import { formatIp6 } from './ipv6/ip6.js';

/**
 * A route's type, as `ip route add TYPE PREFIX` names it (`unicast` when none is given).
 *
 * @example
 * const h = new Lab().host('h');
 * h.sh('ip route add blackhole 10.9.0.0/16');
 * h.ns().ns.table(254).routes[0].type; // 'blackhole'
 */
export type RouteType = 'unicast' | 'local' | 'broadcast' | 'blackhole' | 'unreachable' | 'prohibit' | 'throw' | 'multicast' | 'anycast';

/** Reserved table ids (rtnetlink.h). */
export const TABLE = { unspec: 0, default: 253, main: 254, local: 255 } as const;

/** Route protocols (rtnetlink.h RTPROT_* and /etc/iproute2/rt_protos). */
export const PROTO = { unspec: 0, redirect: 1, kernel: 2, boot: 3, static: 4, dhcp: 16 } as const;

/**
 * One route (a fib_alias with its fib_info and one nexthop).
 *
 * @example
 * const ns = new Lab().host('h').ns().addBridge('br0').setUp('br0').addAddress('br0', '10.1.0.1/24').ns;
 * const r = ns.table(254).routes[0]; // table main
 * [ip4ToString(r.dst), r.dstLen, r.dev.name]; // ['10.1.0.0', 24, 'br0']
 */
export interface Route {
  table: number;
  type: RouteType;
  dst: Ip4;
  dstLen: number;
  tos: number;
  protocol: number;
  scope: number;
  metric: number;
  /** output device; null for types without one (blackhole, unreachable, prohibit) */
  dev: Link | null;
  gateway: Ip4 | null;
  prefsrc: Ip4 | null;
  onlink: boolean;
  /** nexthop scope: link when the gateway was found on-link; host (nowhere) for direct routes */
  nhScope: number;
  mtu?: number;
  /**
   * A multipath route (a fib_info with several fib_nh): every hop, in order. The route's own
   * dev, gateway, onlink and nhScope are hop 0's, as fib_info_nh(fi, 0) is what the kernel
   * itself reads for a route's first nexthop (and what `ip route del … via A` compares).
   * Absent for a route of one nexthop.
   */
  hops?: RouteHop[];
  /** fi->fib_flags RTNH_F_LINKDOWN of a multipath route: every hop was without carrier when last looked at */
  allLinkdown?: boolean;
  /** fi->nh: the nexthop object (`nhid N`) the route uses; its hops are filled in from it (nexthop.ts) */
  nh?: Nexthop;
  /** the nexthop object is a blackhole: the route answers as a blackhole route does */
  nhBlackhole?: boolean;
}

/** One nexthop (fib_nh) of a multipath route. */
export interface RouteHop {
  dev: Link;
  gateway: Ip4 | null;
  /** rtnh_hops + 1: 1..256 */
  weight: number;
  onlink: boolean;
  nhScope: number;
  /** RTNH_F_DEAD: its device went down or lost its last address (fib_sync_down_dev) */
  dead: boolean;
}

const HOP_VIEWS = new WeakMap<RouteHop, Route>();

/**
 * The route with hop `i` chosen (res->nh_sel): what a lookup answers with. The same object for
 * the same hop each time, as what is learned on a nexthop (a PMTU, a redirect) is keyed by it.
 */
export function hopRoute(r: Route, i: number): Route {
  if (i === 0) return r;
  const h = r.hops![i]!;
  let v = HOP_VIEWS.get(h);
  if (!v || v.table !== r.table || v.metric !== r.metric || v.prefsrc !== r.prefsrc) {
    v = { ...r, dev: h.dev, gateway: h.gateway, onlink: h.onlink, nhScope: h.nhScope };
    HOP_VIEWS.set(h, v);
  }
  return v;
}

export function sameNexthop(a: Route, b: Route): boolean {
  return a.dev === b.dev && a.gateway === b.gateway;
}

/** `10.9.0.0/16`, `2001:db8::/64`, or `default`, as ip route names a route's destination. */
export function routePrefixText(r: Route | Route6): string {
  if (typeof r.dst === 'bigint') return r.dstLen === 0 ? 'default' : r.dstLen === 128 ? formatIp6(r.dst) : `${formatIp6(r.dst)}/${r.dstLen}`;
  return r.dstLen === 0 ? 'default' : r.dstLen === 32 ? ip4ToString(r.dst) : `${ip4ToString(r.dst)}/${r.dstLen}`;
}

/** Why an answer that depends on the hop a multipath route's flow hash picks is not modelled. */
export function multipathHashText(r: Route | Route6): string {
  return `the kernel's flow hash picks a hop of the multipath route ${routePrefixText(r)} (its seed is random per boot)`;
}

/** The multipath routes of a namespace whose live hops differ: the kernel's hash, not the simulator, picks among them. */
export function hashedRoutes(tables: Iterable<{ routes: readonly Route[] }>): Route[] {
  const out: Route[] = [];
  for (const t of tables) {
    for (const r of t.routes) {
      const live = r.hops?.filter((h) => !h.dead);
      if (live && live.some((h) => h.dev !== live[0]!.dev || h.gateway !== live[0]!.gateway)) out.push(r);
    }
  }
  return out;
}
