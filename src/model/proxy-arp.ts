/**
 * Proxy ARP (net/ipv4/arp.c arp_process, arp_fwd_proxy, arp_fwd_pvlan; net/core/neighbour.c
 * pneigh_*): when an ARP request asks for an address this namespace would forward, the
 * receiving device answers with its own MAC if
 * - `proxy_arp` is on for it (conf/all or the device) and the route leaves by another device —
 *   unless `medium_id` says both devices sit on one medium (-1: never proxy from this device);
 * - `proxy_arp_pvlan` is on and the route leaves by the same device (private VLAN), the sender
 *   not asking for itself;
 * - or the table of proxy entries (`ip neigh add proxy ADDR [dev D]`) holds the address for
 *   the device or for every device, and the route leaves by another device.
 * All three need forwarding on the receiving device and a unicast route. The decision is
 * written once here; sim/arp.ts asks it for each request.
 */
import type { Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';

/** One proxy entry (struct pneigh_entry), as `ip neigh add proxy ADDR [dev D] [router]` makes it. */
export interface ProxyNeigh {
  ip: Ip4;
  /** null: for requests arriving on any device */
  dev: Link | null;
  /** NTF_ROUTER, shown by `ip neigh show proxy` */
  router: boolean;
}

/** pneigh_hash: the key's last four bytes (in memory order, little-endian) folded to 4 bits. */
export function pneighHash(ip: Ip4): number {
  // the address as a little-endian u32 read of its network-order bytes
  let v = (((ip & 0xff) << 24) | (((ip >>> 8) & 0xff) << 16) | (((ip >>> 16) & 0xff) << 8) | (ip >>> 24)) >>> 0;
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  return v & 0xf;
}

/**
 * The proxy entries in the kernel's dump order: bucket by bucket (pneigh_hash), the newest
 * first within a bucket (pneigh_create links at the head).
 */
export function proxyNeighDump(ns: Netns): ProxyNeigh[] {
  const list = ns.proxyNeigh;
  const order = list.map((_, i) => i);
  order.sort((a, b) => pneighHash(list[a]!.ip) - pneighHash(list[b]!.ip) || b - a);
  return order.map((i) => list[i]!);
}

/** __pneigh_lookup_1 with creation off: the entry for exactly (`ip`, `dev`). */
export function pneighFind(ns: Netns, ip: Ip4, dev: Link | null): ProxyNeigh | null {
  return ns.proxyNeigh.find((p) => p.ip === ip && p.dev === dev) ?? null;
}

/** pneigh_lookup as arp_process asks it: an entry for `dev` or for every device. */
export function pneighLookup(ns: Netns, ip: Ip4, dev: Link): ProxyNeigh | null {
  // the hash chain is walked newest first; either match answers the same
  return ns.proxyNeigh.find((p) => p.ip === ip && (p.dev === dev || p.dev === null)) ?? null;
}

/** pneigh_ifdown: a device going down or away takes its proxy entries with it. */
export function pneighIfdown(l: Link): void {
  const ns = l.ns;
  if (!ns.proxyNeigh.some((p) => p.dev === l)) return;
  ns.proxyNeigh = ns.proxyNeigh.filter((p) => p.dev !== l);
  ns.touch();
}

/** Why a device answers an ARP request for another host's address. */
export type ProxyReason = 'proxy_arp' | 'proxy_arp_pvlan' | 'proxy entry';

/**
 * arp_process for a request from `sip` for `tip` arriving on `inDev`, whose input route
 * forwards it (unicast) out of `outDev`: whether `inDev` answers in its owner's place, and why.
 */
export function arpProxyReason(inDev: Link, outDev: Link, sip: Ip4, tip: Ip4): ProxyReason | null {
  // IN_DEV_FORWARD: the device's own forwarding, not conf/all's
  if (!inDev.conf.forwarding) return null;
  if (fwdProxy(inDev, outDev)) return 'proxy_arp';
  // arp_fwd_pvlan: the same segment, and not a sender probing its own address
  if (outDev === inDev && sip !== tip && (inDev.conf.proxy_arp_pvlan || inDev.ns.all.proxy_arp_pvlan)) return 'proxy_arp_pvlan';
  if (outDev !== inDev && pneighLookup(inDev.ns, tip, inDev)) return 'proxy entry';
  return null;
}

/** arp_fwd_proxy: proxy_arp on the way in, to another device on another medium. */
function fwdProxy(inDev: Link, outDev: Link): boolean {
  if (outDev === inDev) return false;
  if (!(inDev.conf.proxy_arp || inDev.ns.all.proxy_arp)) return false;
  const imi = inDev.conf.medium_id;
  if (imi === 0) return true;
  if (imi === -1) return false;
  const omi = outDev.conf.medium_id;
  return omi !== imi && omi !== -1;
}

/**
 * Whether a device might answer ARP for addresses that are not its own: what reachability's
 * fast path (sim/reach) cannot claim and leaves to the event engine.
 */
export function mayProxyArp(dev: Link): boolean {
  if (!dev.conf.forwarding) return false;
  const all = dev.ns.all;
  if (dev.conf.proxy_arp || all.proxy_arp || dev.conf.proxy_arp_pvlan || all.proxy_arp_pvlan) return true;
  return dev.ns.proxyNeigh.some((p) => p.dev === dev || p.dev === null);
}
