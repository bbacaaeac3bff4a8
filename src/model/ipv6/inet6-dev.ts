/**
 * The IPv6 side of a device (struct inet6_dev of net/ipv6/addrconf.c): its conf directory,
 * its addresses in the kernel's list order (global before site before link scope, the newest
 * first within a scope: ipv6_link_dev_addr), and IF_READY — set once the device was up with a
 * usable link, cleared only when it goes down.
 */
import type { Ip6 } from './ip6.js';
import type { Ip6Conf } from './conf6.js';

/** IFA_F_* (include/uapi/linux/if_addr.h). */
export const IFA6 = {
  SECONDARY: 0x01,
  NODAD: 0x02,
  OPTIMISTIC: 0x04,
  DADFAILED: 0x08,
  HOMEADDRESS: 0x10,
  DEPRECATED: 0x20,
  TENTATIVE: 0x40,
  PERMANENT: 0x80,
  MANAGETEMPADDR: 0x100,
  NOPREFIXROUTE: 0x200,
  MCAUTOJOIN: 0x400,
  STABLE_PRIVACY: 0x800,
} as const;

/** INFINITY_LIFE_TIME: `forever`. */
export const FOREVER = 0xffffffff;

/** One IPv6 address of a device (struct inet6_ifaddr). */
export interface Inet6Addr {
  addr: Ip6;
  prefixLen: number;
  /** `peer P` of a point-to-point address, else null */
  peer: Ip6 | null;
  /** IFA_F_* as the kernel keeps them: TENTATIVE while DAD has not succeeded */
  flags: number;
  /** seconds from `tstamp`, FOREVER for none */
  validLft: number;
  preferredLft: number;
  /** lab clock (µs) when the lifetimes were set */
  tstamp: number;
  /** IFA_RT_PRIORITY: the metric of its prefix route (0: the kernel's 256) */
  metric: number;
  /** its `local` route is in table local (inserted when DAD succeeds) */
  localRoute: boolean;
  /** made by addrconf itself (the link-local, lo's ::1) rather than by `ip addr add` */
  auto: boolean;
  /** gone from the device: a timer that still holds it does nothing */
  dead: boolean;
  /** DAD is under way: bumped to cancel timers of an earlier run */
  dadGen: number;
  /** the enhanced-DAD nonce of the current run (RFC 7527), 0 for none */
  dadNonce: number;
  /** stable_privacy_retry: the DAD counter its stable privacy id was made with (absent: 0) */
  stableRetry?: number;
  /** its id comes from a secret addr_gen_mode 3 drew at random: the model's is a stand-in (stable-privacy.ts) */
  randomIid?: boolean;
  /** when it joined its solicited-node group, among the device's addresses (as it was added: addrconf_join_solict) */
  joinSeq?: number;
}

/** struct inet6_dev: what a device holds for IPv6. */
export interface Inet6Dev {
  conf: Ip6Conf;
  /** addresses added so far: the next one's joinSeq */
  joins?: number;
  /** addrconf has seen the device up (NETDEV_UP) and not down since */
  up: boolean;
  addrs: Inet6Addr[];
  /** IF_READY: addrconf configured the device (up, link ready); stays set when carrier goes */
  ready: boolean;
  /** the device's MTU when conf.mtu was last written (a later MTU change resets it) */
  mtuWrittenAt: number | null;
  /** the multicast route `ff00::/8` is in table local (addrconf_add_mroute) */
  mroute: boolean;
  /** times addrconf_ifdown ran (a down, or IPv6 disabled): each unloads its multicast groups */
  ifdowns?: number;
  /** conf/IF/stable_secret once written (or copied from conf/default's when the device came) */
  stableSecret?: Ip6;
  /** the stable_secret was drawn at random by addr_gen_mode 3 (a stand-in: stable-privacy.ts) */
  randomSecret?: boolean;
}

/** A new device's IPv6 state, not ready. */
export function newInet6Dev(conf: Ip6Conf): Inet6Dev {
  return { conf, up: false, addrs: [], ready: false, mtuWrittenAt: null, mroute: false };
}

/** Whether the address is usable as a source and answers for this host (not tentative, or optimistic). */
export function addrUsable(a: Inet6Addr): boolean {
  return !(a.flags & IFA6.TENTATIVE) || (a.flags & (IFA6.OPTIMISTIC | IFA6.DADFAILED)) === IFA6.OPTIMISTIC;
}

/** Seconds of a lifetime left at `now` (µs), as inet6_fill_ifaddr reports it. */
export function lifetimeLeft(lft: number, tstamp: number, now: number): number {
  if (lft === FOREVER) return FOREVER;
  const age = Math.floor((now - tstamp) / 1e6);
  return lft > age ? lft - age : 0;
}
