/**
 * Source address selection for locally generated packets (net/ipv4/devinet.c inet_select_addr,
 * fib_semantics.c fib_result_prefsrc). A route's `src` wins; else the first primary address of
 * the output device whose scope fits (one in the subnet of `dst` if given); else the first
 * primary non-link-scope address scanning every device, loopback first.
 * (Written here because `src/model/source-address.ts` did not exist yet; both follow the same rules.)
 */
import { SCOPE } from '../src/model/address.js';
import { inPrefix, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Route } from '../src/model/route.js';

/** inet_select_addr(dev, dst, scope); 0 when nothing fits. */
export function inetSelectAddr(dev: Link, dst: Ip4, scope: number): Ip4 {
  // route_localnet would lower host-scope (127/8) addresses to link scope
  const localnet = dev.conf.route_localnet || dev.ns.all.route_localnet ? SCOPE.link : SCOPE.host;
  let addr = 0;
  for (const a of dev.addrs) {
    if (a.secondary) continue;
    if (Math.min(a.scope, localnet) > scope) continue;
    if (!dst || inPrefix(dst, a.address, a.prefixLen)) return a.local;
    if (!addr) addr = a.local;
  }
  if (addr) return addr;
  // "It is important that lo is the first interface in dev_base list."
  for (const l of dev.ns.linkList()) {
    for (const a of l.addrs) {
      if (a.secondary) continue;
      if (a.scope !== SCOPE.link && a.scope <= scope) return a.local;
    }
  }
  return 0;
}

/** fib_result_prefsrc: the source a route gives a packet it carries. */
export function routeSource(r: Route): Ip4 {
  if (r.prefsrc !== null) return r.prefsrc;
  if (!r.dev) return 0;
  return inetSelectAddr(r.dev, r.gateway ?? 0, r.scope);
}
