/**
 * Small byte helpers shared by the header codecs: big-endian reads and writes, MAC text, and the
 * Internet checksum (RFC 1071). Nothing here throws: readers of short buffers return 0 and the
 * parsers check lengths before they read.
 */

/** RFC 1071 one's-complement sum over `bytes[start, end)`, folded and inverted. */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let sum = 0;
  let i = start;
  for (; i + 1 < end; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i < end) sum += bytes[i]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export function put16(b: Uint8Array, off: number, v: number): void {
  b[off] = (v >>> 8) & 255;
  b[off + 1] = v & 255;
}

export function put32(b: Uint8Array, off: number, v: number): void {
  b[off] = (v >>> 24) & 255;
  b[off + 1] = (v >>> 16) & 255;
  b[off + 2] = (v >>> 8) & 255;
  b[off + 3] = v & 255;
}

export function get16(b: Uint8Array, off: number): number {
  return ((b[off] ?? 0) << 8) | (b[off + 1] ?? 0);
}

export function get32(b: Uint8Array, off: number): number {
  return (((b[off] ?? 0) << 24) | ((b[off + 1] ?? 0) << 16) | ((b[off + 2] ?? 0) << 8) | (b[off + 3] ?? 0)) >>> 0;
}

/** Writes `aa:bb:cc:dd:ee:ff` as 6 bytes; anything unparsable is written as zeros. */
export function putMac(b: Uint8Array, off: number, mac: string): void {
  const parts = mac.split(':');
  for (let i = 0; i < 6; i++) {
    const v = parseInt(parts[i] ?? '0', 16);
    b[off + i] = Number.isFinite(v) ? v & 255 : 0;
  }
}

export function getMac(b: Uint8Array, off: number): string {
  let s = '';
  for (let i = 0; i < 6; i++) {
    if (i) s += ':';
    s += (b[off + i] ?? 0).toString(16).padStart(2, '0');
  }
  return s;
}
