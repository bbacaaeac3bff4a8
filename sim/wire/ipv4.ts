/**
 * The IPv4 header (RFC 791), without options. `Ipv4Repr` is what the forwarding engine carries
 * and mutates (TTL) hop by hop.
 */
import type { Ip4 } from '../../src/model/ip.js';
import { get16, get32, internetChecksum, put16, put32 } from './bytes.js';

export const IP_PROTO = { icmp: 1, tcp: 6, udp: 17 } as const;
export const IPV4_HEADER_LEN = 20;
export const DEFAULT_TTL = 64;

export interface Ipv4Repr {
  src: Ip4;
  dst: Ip4;
  ttl: number;
  protocol: number;
  id: number;
  tos: number;
  /** don't fragment */
  df: boolean;
  /** bytes after the header */
  payloadLen: number;
  /** a fragment's offset in the original payload, in bytes (a multiple of 8) */
  fragOffset?: number;
  /** more fragments follow */
  mf?: boolean;
}

export function emitIpv4(h: Ipv4Repr, payload: Uint8Array): Uint8Array {
  const b = new Uint8Array(IPV4_HEADER_LEN + payload.length);
  b[0] = 0x45;
  b[1] = h.tos & 255;
  put16(b, 2, IPV4_HEADER_LEN + payload.length);
  put16(b, 4, h.id & 0xffff);
  put16(b, 6, (h.df ? 0x4000 : 0) | (h.mf ? 0x2000 : 0) | ((h.fragOffset ?? 0) >>> 3));
  b[8] = h.ttl & 255;
  b[9] = h.protocol & 255;
  put32(b, 12, h.src);
  put32(b, 16, h.dst);
  put16(b, 10, internetChecksum(b, 0, IPV4_HEADER_LEN));
  b.set(payload, IPV4_HEADER_LEN);
  return b;
}

/** The header and its payload (options skipped), or null for anything ip_rcv would drop. */
export function parseIpv4(b: Uint8Array): { ip: Ipv4Repr; payload: Uint8Array } | null {
  if (b.length < IPV4_HEADER_LEN || b[0]! >>> 4 !== 4) return null;
  const ihl = (b[0]! & 15) * 4;
  const total = get16(b, 2);
  if (ihl < IPV4_HEADER_LEN || total < ihl || total > b.length) return null;
  if (internetChecksum(b, 0, ihl) !== 0) return null;
  const ip: Ipv4Repr = {
    src: get32(b, 12),
    dst: get32(b, 16),
    ttl: b[8]!,
    protocol: b[9]!,
    id: get16(b, 4),
    tos: b[1]!,
    df: (get16(b, 6) & 0x4000) !== 0,
    payloadLen: total - ihl,
  };
  const frag = get16(b, 6);
  if (frag & 0x3fff) {
    ip.mf = (frag & 0x2000) !== 0;
    ip.fragOffset = (frag & 0x1fff) << 3;
  }
  return { ip, payload: b.subarray(ihl, total) };
}
