/**
 * Ethernet II framing (IEEE 802.3 clause 3.1.1 with an EtherType, RFC 894 for IPv4).
 * The simulator passes `EthernetRepr`s between devices; bytes are made only for captures.
 */
import { getMac, get16, putMac, put16 } from './bytes.js';

export const ETHERTYPE = { ipv4: 0x0800, arp: 0x0806, ipv6: 0x86dd } as const;
export const ETH_HEADER_LEN = 14;
export const BROADCAST = 'ff:ff:ff:ff:ff:ff';

/** The parsed form of an Ethernet header. MACs are lower-case `aa:bb:cc:dd:ee:ff`. */
export interface EthernetRepr {
  dst: string;
  src: string;
  ethertype: number;
}

/** I/G bit: broadcast and multicast destinations. */
export function isGroupMac(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1;
}

/** The IPv4 multicast MAC (RFC 1112 §6.4): 01:00:5e + low 23 bits of the group. */
export function multicastMac(group: number): string {
  const b = [0x01, 0x00, 0x5e, (group >>> 16) & 0x7f, (group >>> 8) & 255, group & 255];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** Header plus payload as bytes. */
export function emitEthernet(e: EthernetRepr, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(ETH_HEADER_LEN + payload.length);
  putMac(out, 0, e.dst);
  putMac(out, 6, e.src);
  put16(out, 12, e.ethertype);
  out.set(payload, ETH_HEADER_LEN);
  return out;
}

/** The header and the payload's offset, or null for a frame too short to hold a header. */
export function parseEthernet(b: Uint8Array): { eth: EthernetRepr; payload: Uint8Array } | null {
  if (b.length < ETH_HEADER_LEN) return null;
  return { eth: { dst: getMac(b, 0), src: getMac(b, 6), ethertype: get16(b, 12) }, payload: b.subarray(ETH_HEADER_LEN) };
}
