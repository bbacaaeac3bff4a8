import type { Ip4 } from './ip.js';
import type { Link } from './link.js';

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
}

export function sameNexthop(a: Route, b: Route): boolean {
  return a.dev === b.dev && a.gateway === b.gateway;
}
