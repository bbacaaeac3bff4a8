/**
 * The IPv6 addresses the kernel gives a device by itself (net/ipv6/addrconf.c): `::1/128` on
 * `lo` when it goes up, and one `fe80::/64` link-local once a device is up *and* its link is
 * ready (addrconf_link_ready: operstate UP or UNKNOWN). A veth whose peer is down, or a bridge
 * whose ports all lack carrier, gets none until carrier comes (NETDEV_CHANGE); losing carrier
 * later keeps the address; `ip link set down` (NETDEV_DOWN, addrconf_ifdown) removes it.
 *
 * The interface id is EUI-64 from the MAC the device has at that moment (it is not recomputed
 * when the MAC changes, as a bridge's does when ports come and go). Devices without a MAC
 * (tun, ARPHRD_NONE) switch to addrgenmode `random` and get a random stable-privacy id; the
 * model derives it from a hash of the device's identity so runs are reproducible.
 *
 * The model keeps the steady state: the kernel's DAD marks a new link-local `tentative` for
 * a second or two, which a comparison with the kernel masks (see iproute2/mask.ts).
 */
import { operState, type Link } from './link.js';
import { KINDS } from './kinds/index.js';
import type { Netns } from './netns.js';

/** The loopback address lo gets on NETDEV_UP (init_loopback). */
export const IP6_LOOPBACK = '::1';

/**
 * Brings every device of `ns` in line with addrconf: assigns link-locals to devices that are
 * up with a ready link and have none, drops them from devices that are down. Call it after
 * anything that changes a device's admin state or carrier (link up/down, a veth peer moving
 * or changing state, bridge ports joining or leaving, a tun being attached).
 */
export function syncLinkLocal(ns: Netns): void {
  // Only links in ns.llPending can change: any other is up with its address (or flushed), or
  // down without one, where refreshLinkLocal does nothing. They go in ifindex order, as a walk
  // over every link would reach them (one may judge its operstate by another's).
  const pending = ns.llPending;
  if (pending.size === 0) return;
  const links = pending.size === 1 ? [...pending] : [...pending].sort((a, b) => a.ifindex - b.ifindex);
  for (const l of links) {
    refreshLinkLocal(l);
    if (!linkLocalUnsettled(l)) pending.delete(l);
  }
}

/** Whether refreshLinkLocal might change the link (else it leaves it as it is until its state changes). */
export function linkLocalUnsettled(l: Link): boolean {
  return l.up ? l.ipv6ll === null && !l.ll6Flushed : l.ipv6ll !== null || !!l.ll6Flushed;
}

/** The link's admin state changed (or its address was flushed): the next sync looks at it. */
export function linkLocalPending(l: Link): void {
  l.ns.llPending.add(l);
}

/** addrconf_notify for one device. */
export function refreshLinkLocal(l: Link): void {
  if (!l.up) {
    l.ipv6ll = null;
    l.ll6Flushed = false;
    return;
  }
  if (l.ipv6ll !== null || l.ll6Flushed) return;
  const rule = KINDS[l.kind].ipv6ll;
  if (rule === 'loopback') {
    l.ipv6ll = IP6_LOOPBACK;
    return;
  }
  const st = operState(l);
  if (st !== 'UP' && st !== 'UNKNOWN') return;
  if (rule === 'random') {
    // addrconf_dev_config: ARPHRD_NONE with eui64 switches to IN6_ADDR_GEN_MODE_RANDOM
    l.addrGenMode = 'random';
    l.ipv6ll = formatIp6([0xfe, 0x80, 0, 0, 0, 0, 0, 0, ...hashIid(`${l.ns.path}|${l.ifindex}|${l.name}`)]);
    return;
  }
  l.ipv6ll = eui64LinkLocal(l.mac);
}

/**
 * `ip addr flush` (or `ip -6 addr del`) of the device's own IPv6 address: it goes with its
 * routes (local, and fe80::/64 once no address of the prefix is left), the device keeps its
 * multicast route, and addrconf does not give it another until the device is brought down
 * and up again (IF_READY stays set).
 */
export function flushLinkLocal(l: Link): void {
  if (l.ipv6ll === null) return;
  l.ipv6ll = null;
  l.ll6Flushed = true;
  linkLocalPending(l);
  l.ns.touch();
}

/** fe80::/64 with the EUI-64 interface id of a MAC (addrconf_ifid_eui48: U/L bit flipped, ff:fe inserted). */
export function eui64LinkLocal(mac: string): string {
  // a byte the text lacks reads as 0, as the shifts of the C code would have it
  const [m0 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0, m5 = 0] = macBytes(mac);
  // formatIp6 of fe80:0:0:0:w4:w5:w6:w7, written directly: w5 (…ff) and w6 (fe…) are never
  // zero, so the zeros to compress are words 1-3, and word 4 too when it is zero
  const w4 = ((m0 ^ 2) << 8) | m1;
  const w5 = (m2 << 8) | 0xff;
  const w6 = (0xfe << 8) | m3;
  const w7 = (m4 << 8) | m5;
  const tail = `${w5.toString(16)}:${w6.toString(16)}:${w7.toString(16)}`;
  return w4 === 0 ? `fe80::${tail}` : `fe80::${w4.toString(16)}:${tail}`;
}

/** The bytes of a MAC as parseInt reads each `:` field, read directly when it is `xx:xx:xx:xx:xx:xx`. */
function macBytes(mac: string): number[] {
  if (mac.length === 17) {
    const out: number[] = [];
    for (let i = 0; i < 17; i += 3) {
      const hi = hexDigit(mac.charCodeAt(i));
      const lo = hexDigit(mac.charCodeAt(i + 1));
      if (hi < 0 || lo < 0 || (i < 15 && mac.charCodeAt(i + 2) !== 58)) break;
      out.push(hi * 16 + lo);
    }
    if (out.length === 6) return out;
  }
  return mac.split(':').map((h) => parseInt(h, 16));
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Whether a link-local is one the kernel made with a random stable-privacy id (printed `stable-privacy`). */
export function isStablePrivacy(l: Link): boolean {
  return KINDS[l.kind].ipv6ll === 'random' && l.ipv6ll !== null;
}

/** 16 bytes as inet_ntop(AF_INET6) writes them: hex groups, the longest run of two or more zero groups as `::`. */
export function formatIp6(bytes: number[]): string {
  const w: number[] = [];
  for (let i = 0; i < 16; i += 2) w.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) best = -1;
  // glibc writes an IPv4-compatible or -mapped address with a dotted tail
  if (best === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
    const v4 = `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
    return bestLen === 6 ? `::${v4}` : `::ffff:${v4}`;
  }
  const hex = (a: number[]) => a.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(w);
  return `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

/** Eight bytes from a string, FNV-1a over two seeds: a reproducible stand-in for get_random_bytes. */
function hashIid(key: string): number[] {
  const out: number[] = [];
  for (const seed of [0x811c9dc5, 0x050c5d1f]) {
    let h = seed >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out.push(h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255);
  }
  return out;
}
