/**
 * Runs the virtual clock until duplicate address detection has ended on a set of namespaces,
 * as the real driver waits for it before a command that shows IPv6 state (src/exec/dad-wait.ts):
 * at most `maxUs` (DAD takes one to two seconds; an address on a device that is down, or that
 * failed DAD, stays tentative and is not waited for).
 */
import { IFA6 } from '../../src/model/ipv6/inet6-dev.js';
import type { Netns } from '../../src/model/netns.js';
import type { Simulator } from '../simulator.js';

/** Whether DAD is still running on an address of `ns`. */
export function dadRunning(ns: Netns): boolean {
  for (const l of ns.links.values()) {
    if (!l.up || !l.inet6.ready) continue;
    for (const a of l.inet6.addrs) if ((a.flags & (IFA6.TENTATIVE | IFA6.DADFAILED)) === IFA6.TENTATIVE) return true;
  }
  return false;
}

/** Lets virtual time pass until no namespace of `nss` runs DAD (or `maxUs` passed). */
export function settleDad(sim: Simulator, nss: Netns[], maxUs = 3_000_000): void {
  // asked after every event: only the namespaces still running DAD are looked at, the first of
  // them until it is done (a full scan again once they all are, in case DAD started anew)
  let list = nss.filter(dadRunning);
  let i = 0;
  const running = () => {
    while (i < list.length && !dadRunning(list[i]!)) i++;
    if (i < list.length) return true;
    list = nss.filter(dadRunning);
    i = 0;
    return list.length > 0;
  };
  if (!running()) return;
  sim.sync();
  sim.runUntil(sim.now + maxUs, () => !running());
}
