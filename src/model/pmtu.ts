/**
 * The path MTU of IPv4 routes (net/ipv4/route.c ipv4_mtu, __ip_rt_update_pmtu,
 * ip_dst_mtu_maybe_forward; the nexthop exceptions of fib_nh_exception): an ICMP "fragmentation
 * needed" teaches a smaller MTU for one destination through one route, for ip_rt_mtu_expires
 * (600 s). Locally sent packets and `ip route get` use it; forwarded packets do not
 * (ip_forward_use_pmtu=0), they take the route's `mtu` metric or the device's MTU.
 *
 * The exceptions live on the namespace so that `ip route get` and the simulator's packets read
 * one cache; time is the simulator's virtual clock, in µs, passed in by whoever asks.
 */
import type { Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';
import type { Route } from './route.js';

/** ip_rt_mtu_expires: 10 minutes */
export const PMTU_EXPIRES_US = 600_000_000;
/** ip_rt_min_pmtu: 512 + 20 + 20; a smaller value learned is raised to it and locked */
export const MIN_PMTU = 552;
/** IP_MAX_MTU */
const IP_MAX_MTU = 0xfff0;

/** One learned path MTU (fnhe_pmtu, fnhe_expires, fnhe_mtu_locked), keyed by destination. */
export interface PmtuException {
  /** the route it was learned through: another route for the destination does not use it */
  route: Route;
  mtu: number;
  /** virtual µs when it is forgotten */
  expiresUs: number;
  locked: boolean;
  /**
   * a route lookup has used it since it was made (fnhe_rth_output/input set by
   * rt_bind_exception): only then does `ip route show cache` list it (fnhe_dump_bucket)
   */
  bound: boolean;
}

/** find_exception for the MTU: a current exception for `dst` on `route` (an expired one is forgotten). */
export function pmtuFind(ns: Netns, dst: Ip4, route: Route | null, nowUs: number): PmtuException | null {
  const e = ns.pmtu.get(dst);
  if (!e || e.route !== route) return null;
  if (e.expiresUs > nowUs) return e;
  ns.pmtu.delete(dst);
  return null;
}

/** A route lookup for `dst` through `route` (rt_set_nexthop → rt_bind_exception): pmtuFind, and the exception it finds is bound. */
export function pmtuBind(ns: Netns, dst: Ip4, route: Route | null, nowUs: number): PmtuException | null {
  const e = pmtuFind(ns, dst, route, nowUs);
  if (e) e.bound = true;
  return e;
}

/** The route's own MTU without exceptions: its `mtu` metric, else the device's (dst_metric_raw, dev->mtu). */
export function routeMtu(route: Route | null, dev: Link): number {
  return Math.min(route?.mtu || dev.mtu, IP_MAX_MTU);
}

/** ipv4_mtu: what a locally sent packet to `dst` may measure (the learned PMTU first), after the lookup that binds it (pmtuBind). */
export function pathMtu(ns: Netns, dst: Ip4, route: Route | null, dev: Link, nowUs: number): number {
  const e = pmtuBind(ns, dst, route, nowUs);
  return e ? e.mtu : routeMtu(route, dev);
}

/**
 * __ip_rt_update_pmtu: an ICMP "fragmentation needed" with next-hop MTU `mtu` for `dst`, whose
 * output route is `route` out of `dev`. A larger value than the current one is ignored; one
 * below ip_rt_min_pmtu is raised to it; the same value again renews the expiry only in the
 * second half of its life. Answers whether the cache changed.
 */
export function pmtuLearn(ns: Netns, dst: Ip4, route: Route, dev: Link, mtu: number, nowUs: number): boolean {
  const cur = pmtuFind(ns, dst, route, nowUs);
  const old = cur ? cur.mtu : routeMtu(route, dev);
  if (old < mtu) return false;
  let lock = false;
  if (mtu < MIN_PMTU) {
    lock = true;
    mtu = Math.min(old, MIN_PMTU);
  }
  if (cur && cur.mtu === mtu && !lock && nowUs < cur.expiresUs - PMTU_EXPIRES_US / 2) return false;
  ns.pmtu.set(dst, { route, mtu, expiresUs: nowUs + PMTU_EXPIRES_US, locked: lock || (cur?.locked ?? false), bound: cur?.bound ?? false });
  return true;
}

/** The seconds `ip route get` prints after `expires` (rt_fill_info: the jiffies left, as clock_t, in whole seconds). */
export function expiresSeconds(e: PmtuException, nowUs: number): number {
  return Math.max(0, Math.floor((e.expiresUs - nowUs - 1) / 1_000_000));
}

/**
 * fib_sync_mtu → fib_nhc_update_mtu: a device's MTU changed from `orig`; the exceptions learned
 * through routes out of it follow a lower MTU (a locked one unlocks when the device's MTU is not
 * above it), and one that equalled the old MTU follows the new one.
 */
export function pmtuDevMtuChanged(dev: Link, orig: number): void {
  const now = dev.mtu;
  for (const e of dev.ns.pmtu.values()) {
    if (e.route.dev !== dev) continue;
    if (e.locked) {
      if (now <= e.mtu) {
        e.mtu = now;
        e.locked = false;
      }
    } else if (now < e.mtu || orig === e.mtu) {
      e.mtu = now;
    }
  }
}
