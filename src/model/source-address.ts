/**
 * Source address selection for locally generated IPv4 packets (net/ipv4/devinet.c
 * inet_select_addr, fib_semantics.c fib_result_prefsrc): what `ip route get` prints as `src`
 * and what ping puts in its packets.
 *
 * The order, as the kernel runs it:
 *  1. the route's own `src` (fib_prefsrc);
 *  2. else inet_select_addr(nexthop device, gateway or 0, route scope): the first primary
 *     address on the device whose scope fits (host-scope 127.x only with route_localnet) and
 *     whose subnet holds the gateway — with no gateway (a direct route) simply the first that
 *     fits; else the first that fits;
 *  3. else the first primary, non-link-scope address that fits, scanning every device of the
 *     namespace in list order, lo first.
 * The destination itself is never matched against subnets: for a direct route the answer is
 * the device's first fitting address, whatever the destination.
 */
import { SCOPE } from './address.js';
import { inPrefix, type Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';
import type { Route } from './route.js';

/** in_dev_select_addr: the first primary address of a device that is not link scope and fits. */
function devSelectAddr(dev: Link, scope: number): Ip4 {
  for (const a of dev.addrs) {
    if (a.secondary) continue;
    if (a.scope !== SCOPE.link && a.scope <= scope) return a.local;
  }
  return 0;
}

/**
 * inet_select_addr(dev, dst, scope): a local address to send from, 0 when the namespace has none.
 *
 * @example
 * inetSelectAddr(v0, 0x0a000002, SCOPE.global) // 10.0.0.1 when v0 holds 10.0.0.1/24
 */
export function inetSelectAddr(dev: Link, dst: Ip4, scope: number): Ip4 {
  // route_localnet lets 127/8 (host scope) act as link scope on this device
  const localnetScope = dev.conf.route_localnet ? SCOPE.link : SCOPE.host;
  let addr = 0;
  for (const a of dev.addrs) {
    if (a.secondary) continue;
    if (Math.min(a.scope, localnetScope) > scope) continue;
    if (!dst || inPrefix(dst, a.address, a.prefixLen)) return a.local;
    if (!addr) addr = a.local;
  }
  if (addr) return addr;
  return scanDevices(dev.ns, scope);
}

/** The namespace-wide fallback: devices in list order, lo first. */
export function scanDevices(ns: Netns, scope: number): Ip4 {
  for (const l of ns.linkList()) {
    const a = devSelectAddr(l, scope);
    if (a) return a;
  }
  return 0;
}

/**
 * fib_result_prefsrc: the source a route gives locally generated packets — its `src`, else
 * the nexthop device's address chosen for the gateway at the route's scope. 0 when none.
 */
export function routePrefsrc(r: Route): Ip4 {
  if (r.prefsrc !== null) return r.prefsrc;
  if (!r.dev) return 0;
  return inetSelectAddr(r.dev, r.gateway ?? 0, r.scope);
}
