/**
 * Why a namespace has no route to an address, when the model itself shows it: the route that
 * would carry it is the connected route of an address the namespace holds, and the kernel took
 * it away (fib_disable_ip when the device went down; fib_add_ifaddr never adds one for a /32
 * or a `noprefixroute` address). Explain and lint name this cause instead of "no route".
 * Causes only a script's history shows (a route refused, an address deleted, a link moved
 * away) are lint's to find, from the steps.
 */
import { ip4ToString, inPrefix, maskOf, type Ip4 } from './ip.js';
import type { Addr } from './address.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';

/**
 * A cause the model shows, with the fix that addresses it (an iproute2 command for the
 * namespace, in `ip -n NS` form for a named one).
 *
 * @example
 * const c = routeAbsence(ns, parseIp4('10.2.0.2')!);
 * c?.kind;  // 'link-down'
 * c?.fix;   // 'ip -n r link set r-s up'
 */
export interface RouteAbsence {
  kind: 'link-down' | 'host-prefix' | 'noprefixroute';
  link: Link;
  addr: Addr;
  /** one clause: why the route is not there */
  why: string;
  fix: string;
}

/** `ip` for a host's own namespace, `ip -n NAME` for a named one. */
export function ipIn(ns: Netns): string {
  return ns.name === null ? 'ip' : `ip -n ${ns.name}`;
}

const prefixText = (a: Addr) => `${ip4ToString((a.local & maskOf(a.prefixLen)) >>> 0)}/${a.prefixLen}`;

/**
 * Why `ns` has no route to `dst` that the model shows, or null. Only meaningful once a lookup
 * found no route: a link that is down whose address's subnet holds `dst` first, then an
 * address that gives no connected route.
 *
 * @example routeAbsence(lab.netns('h/r')!, parseIp4('10.2.0.2')!)?.why // 'r-s is down: the connected route 10.2.0.0/24 of its address 10.2.0.1/24 is there only while it is up'
 */
export function routeAbsence(ns: Netns, dst: Ip4): RouteAbsence | null {
  for (const link of ns.linkList()) {
    if (link.kind === 'loopback') continue;
    for (const addr of link.addrs) {
      // fib_add_ifaddr adds a subnet route only for a primary address
      if (!inPrefix(dst, addr.local, addr.prefixLen) || addr.prefixLen === 32 || addr.secondary) continue;
      if (!link.up) {
        return {
          kind: 'link-down',
          link,
          addr,
          why: `${link.name} is down: the connected route ${prefixText(addr)} of its address ${ip4ToString(addr.local)}/${addr.prefixLen} is there only while it is up`,
          fix: `${ipIn(ns)} link set ${link.name} up`,
        };
      }
      if (addr.noprefixroute) {
        return {
          kind: 'noprefixroute',
          link,
          addr,
          why: `${ip4ToString(addr.local)}/${addr.prefixLen} on ${link.name} was added with noprefixroute, so it brought no route to ${prefixText(addr)}`,
          fix: `${ipIn(ns)} route add ${prefixText(addr)} dev ${link.name}`,
        };
      }
    }
  }
  for (const link of ns.linkList()) {
    if (link.kind === 'loopback' || !link.up) continue;
    const host = link.addrs.find((a) => a.prefixLen === 32 && !a.secondary && a.local !== dst);
    if (!host) continue;
    // an address written without its length: the network it was meant for has no route
    const meant = link.addrs.length === 1 && [24, 16, 8].find((len) => inPrefix(dst, host.local, len));
    if (!meant) continue;
    return {
      kind: 'host-prefix',
      link,
      addr: host,
      why: `${ip4ToString(host.local)} on ${link.name} has no prefix length (so /32) and brought no route to its network`,
      fix: `${ipIn(ns)} addr del ${ip4ToString(host.local)}/32 dev ${link.name} && ${ipIn(ns)} addr add ${ip4ToString(host.local)}/${meant} dev ${link.name}`,
    };
  }
  return null;
}
