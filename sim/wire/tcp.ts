/**
 * TCP (RFC 9293): the header fields the simulator keeps — ports, sequence numbers and flags.
 * Options are not carried; a segment's payload is kept as text (what an HTTP exchange says),
 * its length counted in `payloadLen`.
 */

export const TCP_HEADER_LEN = 20;

/** The flag bits, as in the header's 13th byte (and iptables' --tcp-flags masks). */
export const TCP_FLAG = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20 } as const;

export interface TcpRepr {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  /** bytes after the header */
  payloadLen: number;
  /** the payload, when it is text a program reads (an HTTP request or response) */
  data?: string;
  /** a SYN's MSS option: the sender's advmss (tcp-out.ts), or what TCPMSS lowered it to; unset: synMss's default */
  mss?: number;
}

/**
 * The MSS option of a SYN or SYN-ACK as Linux sends it from a 1500-byte link — 1460 under
 * IPv4's 20-byte header, 1440 under IPv6's 40 — or as a middlebox rewrote it; null for a
 * segment without one.
 */
export function synMss(t: TcpRepr, v6: boolean): number | null {
  if (!(t.flags & TCP_FLAG.SYN)) return null;
  return t.mss ?? (v6 ? 1440 : 1460);
}

/** tcpdump's way of writing the flags: `[S]`, `[S.]`, `[R.]`, `[F.]`, `[P.]`. */
export function tcpFlagsText(flags: number): string {
  let s = '';
  if (flags & TCP_FLAG.SYN) s += 'S';
  if (flags & TCP_FLAG.FIN) s += 'F';
  if (flags & TCP_FLAG.PSH) s += 'P';
  if (flags & TCP_FLAG.RST) s += 'R';
  if (flags & TCP_FLAG.ACK) s += '.';
  return `[${s}]`;
}

/** The window each segment advertises: Linux's first SYN and SYN-ACK windows, then 502 (×128 scaled). */
const WINDOW_SYN = 64240;
const WINDOW_SYNACK = 65160;
const WINDOW = 502;

/**
 * The segment's bytes as Linux sends it (for pcap files): the header with the options the
 * simulator counts in its length — MSS 1460 (1440 over IPv6), SACK permitted, timestamps, window scale 7 on a
 * SYN (20 bytes), two NOPs and the timestamps on any other (12) — the payload (its text, or
 * zeros), and the checksum over the IPv4 pseudo-header — or, for a segment in IPv6, over the
 * sum of its pseudo-header (`pseudo6`, RFC 8200 8.1). Timestamps are written as 0.
 */
export function emitTcp(t: TcpRepr, src: number, dst: number, segmentLen: number, pseudo6?: number): Uint8Array {
  const b = new Uint8Array(Math.max(segmentLen, TCP_HEADER_LEN + t.payloadLen));
  const hdr = b.length - t.payloadLen;
  b[0] = (t.srcPort >>> 8) & 255;
  b[1] = t.srcPort & 255;
  b[2] = (t.dstPort >>> 8) & 255;
  b[3] = t.dstPort & 255;
  for (const [off, v] of [
    [4, t.seq],
    [8, t.ack],
  ] as const) {
    b[off] = (v >>> 24) & 255;
    b[off + 1] = (v >>> 16) & 255;
    b[off + 2] = (v >>> 8) & 255;
    b[off + 3] = v & 255;
  }
  b[12] = (hdr / 4) << 4;
  b[13] = t.flags;
  const win = t.flags & TCP_FLAG.SYN ? (t.flags & TCP_FLAG.ACK ? WINDOW_SYNACK : WINDOW_SYN) : WINDOW;
  b[14] = win >>> 8;
  b[15] = win & 255;
  const opts = hdr - TCP_HEADER_LEN;
  const mss = synMss(t, pseudo6 !== undefined) ?? 0;
  if (opts === 20) b.set([2, 4, mss >>> 8, mss & 255, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7], TCP_HEADER_LEN);
  else if (opts === 12) b.set([1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0], TCP_HEADER_LEN);
  else b.fill(1, TCP_HEADER_LEN, hdr);
  if (t.data) for (let i = 0; i < t.data.length && i < t.payloadLen; i++) b[hdr + i] = t.data.charCodeAt(i) & 255;
  // RFC 9293 3.1: the checksum covers a pseudo-header of the addresses, protocol 6 and the length
  let sum = pseudo6 ?? (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + 6 + b.length;
  for (let i = 0; i + 1 < b.length; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if (b.length & 1) sum += b[b.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  const ck = ~sum & 0xffff;
  b[16] = ck >>> 8;
  b[17] = ck & 255;
  return b;
}
