/**
 * The link-local address addrconf gives a device by itself (net/ipv6/addrconf.c
 * addrconf_addr_gen, ipv6_generate_eui64, ipv6_generate_stable_address), by addr_gen_mode:
 * `eui64` (0) fe80::/64 with the EUI-64 interface id of the MAC the device has at that moment
 * (not recomputed when the MAC changes later, as a bridge's does when ports come and go);
 * `none` (1) nothing; `stable_secret` (2) the RFC 7217 id of the secret (stable-privacy.ts);
 * `random` (3) the stable privacy id of a secret drawn at random (stable-privacy.ts's
 * drawRandomSecret: the model's is a stand-in, reproducible). A device without a MAC (a tun,
 * ARPHRD_NONE) switches from eui64 to random when it is first configured.
 * Loopback gets ::1/128 instead (init_loopback).
 */
import type { Link } from '../link.js';
import { KINDS } from '../kinds/index.js';
import { ip6FromBytes, type Ip6 } from './ip6.js';

/** How addrconf configures a kind of device: loopback (::1), no MAC (random id), or EUI-64 from its MAC. */
export function linkLocalRule(l: Link): 'loopback' | 'random' | 'eui64' | 'isatap' | 'v4' {
  return KINDS[l.kind].ipv6ll;
}

/**
 * addrconf_ifid_gre (__ipv6_isatap_ifid) for an ipip or GRE tunnel: fe80::0200:5efe:V4 from
 * its local address (the universal bit clear for private, test and special addresses); none
 * when the tunnel has no local address.
 */
export function isatapLinkLocal(local: number): Ip6 | null {
  if (local === 0) return null;
  const a = local >>> 0;
  const b = [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255] as const;
  const inNet = (net: number, len: number) => a >>> (32 - len) === net >>> (32 - len);
  const special =
    inNet(0x0a000000, 8) ||
    inNet(0x7f000000, 8) ||
    inNet(0xa9fe0000, 16) ||
    inNet(0xac100000, 12) ||
    inNet(0xc0000200, 24) ||
    inNet(0xc0586300, 24) ||
    inNet(0xc0a80000, 16) ||
    inNet(0xc6336400, 24) ||
    b[0] >= 224;
  return ip6FromBytes([0xfe, 0x80, 0, 0, 0, 0, 0, 0, special ? 0 : 2, 0, 0x5e, 0xfe, ...b]);
}

/** add_v4_addrs of a point-to-point sit tunnel: fe80::V4/64 from its local address, none without one. */
export function v4LinkLocal(local: number): Ip6 | null {
  if (local === 0) return null;
  const a = local >>> 0;
  return ip6FromBytes([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255]);
}

/**
 * fe80::/64 with the EUI-64 interface id of a MAC (addrconf_ifid_eui48: U/L bit flipped, ff:fe
 * inserted, or the device's dev_id instead when it has one: ipvlans sharing a MAC)
 */
export function eui64LinkLocal(mac: string, devId = 0): Ip6 {
  const m = macBytes(mac);
  const mid = devId ? [(devId >> 8) & 0xff, devId & 0xff] : [0xff, 0xfe];
  const iid = [(m[0] ?? 0) ^ 2, m[1] ?? 0, m[2] ?? 0, ...mid, m[3] ?? 0, m[4] ?? 0, m[5] ?? 0];
  return ip6FromBytes([0xfe, 0x80, 0, 0, 0, 0, 0, 0, ...iid]);
}

/** The bytes of a MAC as parseInt reads each `:` field (a missing byte reads as 0, as the C shifts would). */
function macBytes(mac: string): number[] {
  return mac.split(':').map((h) => parseInt(h, 16) || 0);
}
