/**
 * The rtmsg the kernel dumps for one IPv6 route (net/ipv6/route.c rt6_fill_node): its type,
 * table, protocol, metric, the device (lo for reject routes), `linkdown` while the device has
 * no carrier (never for local routes), the seconds left of an expiring route (RTA_CACHEINFO,
 * whole seconds as iproute2 divides them), the route metrics and the router preference.
 */
import { hasCarrier } from '../../model/link.js';
import { ringFrom, type Route6 } from '../../model/ipv6/fib6.js';
import { formatIp6 } from '../../model/ipv6/ip6.js';
import type { RouteMsg } from './msg.js';

/** fib_nexthop_info's flags of one nexthop, in print_rt_flags order. */
function nhFlags(r: Route6): string[] {
  const flags: string[] = [];
  if (r.dead) flags.push('dead');
  if (r.onlink) flags.push('onlink');
  if (r.type !== 'local' && r.dev.kind !== 'loopback' && !hasCarrier(r.dev)) flags.push('linkdown');
  return flags;
}

/**
 * The message of `r` at lab time `now` (µs). A route with siblings is one message with
 * RTA_MULTIPATH: its own nexthop, then its siblings' in ring order, each with its weight.
 */
export function route6Msg(r: Route6, now: number): RouteMsg {
  const flags = r.siblings ? [] : nhFlags(r);
  const m: RouteMsg = {
    family: 'inet6',
    type: r.type,
    dst: r.dstLen ? formatIp6(r.dst) : null,
    dstLen: r.dstLen,
    tos: 0,
    dev: r.dev.name,
    table: r.table,
    protocol: r.protocol,
    scope: 0,
    metric: r.metric,
    flags,
    cloned: false,
    pref: r.pref,
  };
  if (r.siblings) {
    delete m.dev;
    m.nexthops = ringFrom(r).map((x) => ({ ...(x.gateway !== null ? { gateway: formatIp6(x.gateway) } : {}), dev: x.dev.name, weight: x.weight ?? 1, flags: nhFlags(x) }));
  } else if (r.gateway !== null) m.gateway = formatIp6(r.gateway);
  if (r.prefsrc !== null) m.prefsrc = formatIp6(r.prefsrc);
  // rta_expires in clock ticks: printed whenever not 0, in whole seconds
  // the kernel answers a jiffy or more after the route was made: a fresh 100 s route shows 99sec
  const left = r.expires !== null ? r.expires - now - 4000 : 0;
  if (r.expires !== null && Math.trunc(left / 1e4) !== 0) m.expires = Math.trunc(left / 1e6);
  if (r.mtu !== null) m.mtu = r.mtu;
  if (r.hoplimit !== null) m.hoplimit = r.hoplimit;
  return m;
}
