/**
 * The IPv6 header (RFC 8200), without extension headers. `Ipv6Repr` is what the forwarding
 * engine carries and mutates (hop limit) hop by hop.
 */
import { formatIp6, ip6Bytes, ip6FromBytes, type Ip6 } from '../../src/model/ipv6/ip6.js';
import { get16, put16 } from './bytes.js';

export const IPV6_HEADER_LEN = 40;
export const NEXTHDR = { icmpv6: 58, udp: 17, tcp: 6, hopopts: 0 } as const;

export interface Ipv6Repr {
  src: Ip6;
  dst: Ip6;
  hopLimit: number;
  nextHeader: number;
  /** traffic class */
  tclass: number;
  flowLabel: number;
  /** bytes after the 40-byte header */
  payloadLen: number;
}

export function emitIpv6(h: Ipv6Repr, payload: Uint8Array): Uint8Array {
  const b = new Uint8Array(IPV6_HEADER_LEN + payload.length);
  b[0] = 0x60 | ((h.tclass >>> 4) & 15);
  b[1] = ((h.tclass & 15) << 4) | ((h.flowLabel >>> 16) & 15);
  put16(b, 2, h.flowLabel & 0xffff);
  put16(b, 4, payload.length);
  b[6] = h.nextHeader & 255;
  b[7] = h.hopLimit & 255;
  b.set(ip6Bytes(h.src), 8);
  b.set(ip6Bytes(h.dst), 24);
  b.set(payload, IPV6_HEADER_LEN);
  return b;
}

/** The header and its payload, or null for anything ipv6_rcv would drop (not version 6, truncated). */
export function parseIpv6(b: Uint8Array): { ip6: Ipv6Repr; payload: Uint8Array } | null {
  if (b.length < IPV6_HEADER_LEN || b[0]! >>> 4 !== 6) return null;
  const payloadLen = get16(b, 4);
  if (IPV6_HEADER_LEN + payloadLen > b.length) return null;
  const ip6: Ipv6Repr = {
    tclass: ((b[0]! & 15) << 4) | (b[1]! >>> 4),
    flowLabel: ((b[1]! & 15) << 16) | get16(b, 2),
    payloadLen,
    nextHeader: b[6]!,
    hopLimit: b[7]!,
    src: ip6FromBytes([...b.subarray(8, 24)]),
    dst: ip6FromBytes([...b.subarray(24, 40)]),
  };
  return { ip6, payload: b.subarray(IPV6_HEADER_LEN, IPV6_HEADER_LEN + payloadLen) };
}

/** The pseudo-header sum of an upper-layer checksum (RFC 8200 §8.1), before folding. */
export function pseudoHeaderSum(src: Ip6, dst: Ip6, len: number, nextHeader: number): number {
  let sum = 0;
  for (const a of [src, dst]) {
    const b = ip6Bytes(a);
    for (let i = 0; i < 16; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  }
  sum += (len >>> 16) & 0xffff;
  sum += len & 0xffff;
  sum += nextHeader;
  return sum;
}

/** `src > dst` for traces. */
export function ipv6Text(h: Ipv6Repr): string {
  return `${formatIp6(h.src)} > ${formatIp6(h.dst)}`;
}
