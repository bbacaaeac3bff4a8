/**
 * The VXLAN header (RFC 7348 §5): 8 bytes after the outer UDP header — flags with the I bit set,
 * then the 24-bit VXLAN network identifier — followed by the inner Ethernet frame.
 */
import { get32, put32 } from './bytes.js';

export const VXLAN_HEADER_LEN = 8;
/** the I flag: the VNI is valid */
const FLAG_VNI = 0x08000000;

export interface VxlanRepr {
  vni: number;
}

/** Header plus the inner frame as bytes. */
export function emitVxlan(v: VxlanRepr, inner: Uint8Array): Uint8Array {
  const b = new Uint8Array(VXLAN_HEADER_LEN + inner.length);
  put32(b, 0, FLAG_VNI);
  put32(b, 4, (v.vni & 0xffffff) << 8);
  b.set(inner, VXLAN_HEADER_LEN);
  return b;
}

/** The header and the inner frame, or null when too short or without the I flag (vxlan_rcv drops it). */
export function parseVxlan(b: Uint8Array): { vxlan: VxlanRepr; inner: Uint8Array } | null {
  if (b.length < VXLAN_HEADER_LEN || !(get32(b, 0) & FLAG_VNI)) return null;
  return { vxlan: { vni: get32(b, 4) >>> 8 }, inner: b.subarray(VXLAN_HEADER_LEN) };
}
