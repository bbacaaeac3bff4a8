/**
 * UDP (RFC 768): the outer header of UDP tunnels (socat's TUN mode, VXLAN on port 4789/8472).
 * The checksum is left 0 (allowed over IPv4), as VXLAN senders usually do.
 */
import { get16, put16 } from './bytes.js';

export const UDP_HEADER_LEN = 8;

export interface UdpRepr {
  srcPort: number;
  dstPort: number;
  /** bytes after the header */
  payloadLen: number;
}

export function emitUdp(u: UdpRepr, payload: Uint8Array): Uint8Array {
  const b = new Uint8Array(UDP_HEADER_LEN + payload.length);
  put16(b, 0, u.srcPort);
  put16(b, 2, u.dstPort);
  put16(b, 4, UDP_HEADER_LEN + payload.length);
  b.set(payload, UDP_HEADER_LEN);
  return b;
}

export function parseUdp(b: Uint8Array): { udp: UdpRepr; payload: Uint8Array } | null {
  if (b.length < UDP_HEADER_LEN) return null;
  const len = get16(b, 4);
  if (len < UDP_HEADER_LEN || len > b.length) return null;
  return { udp: { srcPort: get16(b, 0), dstPort: get16(b, 2), payloadLen: len - UDP_HEADER_LEN }, payload: b.subarray(UDP_HEADER_LEN, len) };
}
