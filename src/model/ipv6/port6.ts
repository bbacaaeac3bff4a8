/**
 * What addrconf asks of the world around the model: the time, and the packets its decisions
 * start (duplicate address detection sends neighbour solicitations and waits for answers;
 * a new address joins its solicited-node group with an MLD report; a link-local that passed
 * DAD sends router solicitations). The simulator plugs in here; a model with no simulator
 * attached has no time passing and no packets, so DAD succeeds at once (the settled state)
 * and lifetimes never run down.
 */
import type { Link } from '../link.js';
import type { Inet6Addr } from './inet6-dev.js';

export interface Inet6Port {
  /** the lab clock, µs */
  now(): number;
  /** runs `fn` at lab time `t` (µs) */
  at(t: number, fn: () => void): void;
  /** addrconf_dad_kick: DAD of a tentative address on a ready device starts (the port ends it: success or failure) */
  dadKick(dev: Link, a: Inet6Addr): void;
  /** the address joined its groups and is usable (DAD succeeded, or was not needed) */
  addrValid(dev: Link, a: Inet6Addr): void;
  /** the device became ready (IF_READY) or regained carrier while ready: MLD reports are (re)sent */
  devReady(dev: Link): void;
  /** the device's IPv6 went down (NETDEV_DOWN, disable_ipv6): its timers stop */
  devDown(dev: Link): void;
}

/** The port of a lab: the simulator's, or null. */
export function portOf(l: Link): Inet6Port | null {
  return l.ns.host.lab.inet6Port;
}

/** The lab clock as addrconf sees it (0 with no simulator). */
export function now6(l: Link): number {
  return portOf(l)?.now() ?? 0;
}
