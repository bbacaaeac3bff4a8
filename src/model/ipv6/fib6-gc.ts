/**
 * The IPv6 FIB garbage collector (net/ipv6/ip6_fib.c fib6_start_gc, fib6_gc_timer_cb,
 * fib6_run_gc, fib6_age): routes with an expiry are not removed when it comes — lookups skip
 * them, `ip -6 route` still lists them with a negative `expires` — but when the namespace's gc
 * timer fires. Adding such a route starts the timer (net.ipv6.route.gc_interval, 30 s) unless
 * it is pending; each run removes the expired routes of every table and runs again an
 * interval later while routes with an expiry remain.
 */
import type { Netns } from '../netns.js';
import { portOf } from './port6.js';

/** net.ipv6.route.gc_interval, µs */
const GC_INTERVAL_US = 30_000_000;

/** The namespaces whose gc timer is pending. */
const pending = new WeakSet<Netns>();

/** fib6_start_gc: a route with an expiry was added or refreshed. */
export function fib6StartGc(ns: Netns): void {
  const l = ns.linkList()[0];
  const port = l ? portOf(l) : null;
  if (!port || pending.has(ns)) return;
  pending.add(ns);
  const run = (): void => {
    pending.delete(ns);
    const now = port.now();
    let more = false;
    for (const t of ns.inet6.tables.values()) {
      for (const r of [...t.routes]) {
        if (r.expires === null) continue;
        if (r.expires < now) t.remove(r);
        else more = true;
      }
    }
    ns.touch();
    if (more) {
      pending.add(ns);
      port.at(now + GC_INTERVAL_US, run);
    }
  };
  port.at(port.now() + GC_INTERVAL_US, run);
}
