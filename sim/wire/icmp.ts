/**
 * ICMP for IPv4 (RFC 792; RFC 1812 §4.3 for what routers send): echo request/reply, destination
 * unreachable (with its codes), redirect, time exceeded. An error carries the offending packet's
 * IP header and first 8 payload bytes (RFC 792), which for an echo are type, code, id and sequence:
 * that is how ping matches errors to its probes.
 */
import { get16, get32, internetChecksum, put16, put32 } from './bytes.js';
import { emitIpv4, IPV4_HEADER_LEN, parseIpv4, type Ipv4Repr } from './ipv4.js';
import { UDP_HEADER_LEN, type UdpRepr } from './udp.js';
import type { TcpRepr } from './tcp.js';

export const ICMP_TYPE = { echoReply: 0, destUnreachable: 3, redirect: 5, echoRequest: 8, timeExceeded: 11, paramProblem: 12 } as const;

/** Destination unreachable codes (RFC 792, RFC 1122, RFC 1812). */
export const ICMP_UNREACH = {
  net: 0,
  host: 1,
  protocol: 2,
  port: 3,
  fragNeeded: 4,
  srFailed: 5,
  netUnknown: 6,
  hostUnknown: 7,
  hostIsolated: 8,
  netProhibited: 9,
  hostProhibited: 10,
  netTos: 11,
  hostTos: 12,
  pktFiltered: 13,
  precedenceViolation: 14,
  precedenceCutoff: 15,
} as const;

export const ICMP_EXC = { ttl: 0, fragtime: 1 } as const;
export const ICMP_REDIRECT = { net: 0, host: 1, netTos: 2, hostTos: 3 } as const;

/** Echo request (8) or reply (0). `sentAt` stands for the timeval ping writes into the data. */
export interface IcmpEchoRepr {
  type: 0 | 8;
  code: 0;
  ident: number;
  seq: number;
  /** bytes of data after the 8-byte header (ping -s) */
  dataLen: number;
  /** the sender's clock when it sent the request, in µs (ping's timestamp in the data) */
  sentAt: number;
}

/** An error about `original`: unreachable, redirect, time exceeded, parameter problem. */
export interface IcmpErrorRepr {
  type: 3 | 5 | 11 | 12;
  code: number;
  /** redirect: the new gateway; frag needed: the next-hop MTU; else 0 */
  info: number;
  original: { ip: Ipv4Repr; echo: IcmpEchoRepr | null; udp?: UdpRepr | null; tcp?: TcpRepr | null };
}

export type IcmpRepr = IcmpEchoRepr | IcmpErrorRepr;

export function isEcho(m: IcmpRepr): m is IcmpEchoRepr {
  return m.type === 0 || m.type === 8;
}

/** Bytes of the ICMP message (header, data) as it follows the IP header. */
/** icmp_send quotes as much of the packet as fits in 576 bytes with its own two headers. */
const QUOTE_ROOM = 576 - IPV4_HEADER_LEN - 8;

export function icmpLength(m: IcmpRepr): number {
  return isEcho(m) ? 8 + m.dataLen : 8 + Math.min(IPV4_HEADER_LEN + m.original.ip.payloadLen, QUOTE_ROOM);
}

export function emitIcmp(m: IcmpRepr): Uint8Array {
  const b = new Uint8Array(icmpLength(m));
  b[0] = m.type;
  b[1] = m.code;
  if (isEcho(m)) {
    put16(b, 4, m.ident);
    put16(b, 6, m.seq);
    // iputils: a struct timeval, then bytes counting up from 8 (the fill pattern i, for i >= 16)
    if (m.dataLen >= 16) {
      put32(b, 12, Math.floor(m.sentAt / 1e6));
      put32(b, 20, m.sentAt % 1e6);
    }
    for (let i = 16; i < m.dataLen; i++) b[8 + i] = i & 255;
  } else {
    if (m.type === ICMP_TYPE.redirect) put32(b, 4, m.info);
    else if (m.type === ICMP_TYPE.destUnreachable && m.code === ICMP_UNREACH.fragNeeded) put16(b, 6, m.info);
    const quoted = b.length - 8 - IPV4_HEADER_LEN;
    const inner = new Uint8Array(Math.max(8, quoted));
    if (m.original.echo) inner.set(emitIcmp(m.original.echo).subarray(0, inner.length));
    const u = m.original.udp;
    if (!m.original.echo && u) {
      put16(inner, 0, u.srcPort);
      put16(inner, 2, u.dstPort);
      put16(inner, 4, UDP_HEADER_LEN + u.payloadLen);
    }
    const ip = emitIpv4({ ...m.original.ip, payloadLen: inner.length }, inner);
    // the quote is the original header: its total length is the original packet's
    put16(ip, 2, IPV4_HEADER_LEN + m.original.ip.payloadLen);
    put16(ip, 10, 0);
    put16(ip, 10, internetChecksum(ip, 0, IPV4_HEADER_LEN));
    b.set(ip.subarray(0, IPV4_HEADER_LEN + quoted), 8);
  }
  put16(b, 2, internetChecksum(b));
  return b;
}

/** The message, or null when it is too short or of a type the simulator does not model. */
export function parseIcmp(b: Uint8Array): IcmpRepr | null {
  if (b.length < 8) return null;
  const type = b[0]!;
  const code = b[1]!;
  if (type === 0 || type === 8) {
    const dataLen = b.length - 8;
    const sentAt = dataLen >= 16 ? get32(b, 12) * 1e6 + get32(b, 20) : 0;
    return { type, code: 0, ident: get16(b, 4), seq: get16(b, 6), dataLen, sentAt };
  }
  if (type !== 3 && type !== 5 && type !== 11 && type !== 12) return null;
  const info = type === 5 ? get32(b, 4) : type === 3 && code === 4 ? get16(b, 6) : 0;
  const inner = b.subarray(8);
  if (inner.length < IPV4_HEADER_LEN + 8) return null;
  // The quoted header's total length describes the original packet, not the quote: parse leniently.
  const fake = new Uint8Array(inner);
  put16(fake, 2, inner.length);
  put16(fake, 10, 0);
  put16(fake, 10, internetChecksum(fake, 0, (fake[0]! & 15) * 4));
  const p = parseIpv4(fake);
  if (!p) return null;
  const ip = { ...p.ip, payloadLen: get16(inner, 2) - (inner[0]! & 15) * 4 };
  let echo: IcmpEchoRepr | null = null;
  if (ip.protocol === 1 && (p.payload[0] === 8 || p.payload[0] === 0)) {
    echo = { type: p.payload[0] as 0 | 8, code: 0, ident: get16(p.payload, 4), seq: get16(p.payload, 6), dataLen: Math.max(0, ip.payloadLen - 8), sentAt: 0 };
  }
  if (ip.protocol === 17 && p.payload.length >= UDP_HEADER_LEN) {
    const udp = { srcPort: get16(p.payload, 0), dstPort: get16(p.payload, 2), payloadLen: Math.max(0, get16(p.payload, 4) - UDP_HEADER_LEN) };
    return { type, code, info, original: { ip, echo, udp } };
  }
  return { type, code, info, original: { ip, echo } };
}
