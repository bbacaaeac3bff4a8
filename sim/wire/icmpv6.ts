/**
 * ICMPv6 (RFC 4443) with neighbour discovery (RFC 4861) and MLDv2 reports (RFC 3810): echo
 * request/reply, the four errors (destination unreachable, packet too big, time exceeded,
 * parameter problem — each quoting the offending packet's header and the start of its payload),
 * router and neighbour solicitations and advertisements with their link-layer address options,
 * and the multicast listener reports the kernel sends when it joins a group.
 */
import { ip6Bytes, ip6FromBytes, type Ip6 } from '../../src/model/ipv6/ip6.js';
import { get16, get32, getMac, put16, put32, putMac } from './bytes.js';
import { emitIpv6, IPV6_HEADER_LEN, parseIpv6, pseudoHeaderSum, type Ipv6Repr } from './ipv6.js';
import { UDP_HEADER_LEN, type UdpRepr } from './udp.js';
import type { TcpRepr } from './tcp.js';

export const ICMP6 = {
  destUnreach: 1,
  packetTooBig: 2,
  timeExceeded: 3,
  paramProblem: 4,
  echoRequest: 128,
  echoReply: 129,
  rs: 133,
  ra: 134,
  ns: 135,
  na: 136,
  redirect: 137,
  mld2Report: 143,
} as const;

/** Destination unreachable codes (RFC 4443 §3.1). */
export const ICMP6_UNREACH = { noRoute: 0, adminProhibited: 1, beyondScope: 2, addr: 3, port: 4, policyFail: 5, rejectRoute: 6 } as const;

export interface Icmp6EchoRepr {
  type: 128 | 129;
  code: 0;
  ident: number;
  seq: number;
  dataLen: number;
  /** the sender's clock when it sent the request, µs (ping's timestamp in the data) */
  sentAt: number;
}

/** An error about `original`: as much of it as the model keeps (header, an echo's or UDP's header). */
export interface Icmp6ErrorRepr {
  type: 1 | 2 | 3 | 4;
  code: number;
  /** packet too big: the MTU; parameter problem: the pointer; else 0 */
  info: number;
  original: { ip6: Ipv6Repr; echo: Icmp6EchoRepr | null; udp?: UdpRepr | null; tcp?: TcpRepr | null };
}

export interface NdpRsRepr {
  type: 133;
  code: 0;
  /** source link-layer address option */
  slla: string | null;
}

export interface NdpPrefixInfo {
  prefix: Ip6;
  len: number;
  onLink: boolean;
  autonomous: boolean;
  validLft: number;
  preferredLft: number;
}

export interface NdpRaRepr {
  type: 134;
  code: 0;
  curHopLimit: number;
  managed: boolean;
  other: boolean;
  /** router preference (RFC 4191): 1 high, 0 medium, 3 low */
  prf: number;
  /** seconds; 0: not a default router */
  routerLifetime: number;
  reachableMs: number;
  retransMs: number;
  slla: string | null;
  mtu: number | null;
  prefixes: NdpPrefixInfo[];
}

export interface NdpNsRepr {
  type: 135;
  code: 0;
  target: Ip6;
  slla: string | null;
  /** the enhanced-DAD nonce option (RFC 7527), 0 for none */
  nonce: number;
}

export interface NdpNaRepr {
  type: 136;
  code: 0;
  router: boolean;
  solicited: boolean;
  override: boolean;
  target: Ip6;
  tlla: string | null;
}

/** An MLDv2 report: one record per group (type 3 CHANGE_TO_INCLUDE leaves, 4 CHANGE_TO_EXCLUDE joins). */
export interface Mld2ReportRepr {
  type: 143;
  code: 0;
  records: { type: number; group: Ip6 }[];
}

export type Icmp6Repr = Icmp6EchoRepr | Icmp6ErrorRepr | NdpRsRepr | NdpRaRepr | NdpNsRepr | NdpNaRepr | Mld2ReportRepr;

export function isEcho6(m: Icmp6Repr): m is Icmp6EchoRepr {
  return m.type === 128 || m.type === 129;
}

export function isError6(m: Icmp6Repr): m is Icmp6ErrorRepr {
  return m.type < 128;
}

/** RFC 4443 §2.4: an error carries as much of the offending packet as fits in the minimum MTU. */
function quotedLen(m: Icmp6ErrorRepr): number {
  const full = IPV6_HEADER_LEN + m.original.ip6.payloadLen;
  return Math.min(full, 1280 - IPV6_HEADER_LEN - 8);
}

/** Bytes of the message as it follows the IPv6 header. */
export function icmp6Length(m: Icmp6Repr): number {
  switch (m.type) {
    case 128:
    case 129:
      return 8 + m.dataLen;
    case 133:
      return 8 + (m.slla ? 8 : 0);
    case 134:
      return 16 + (m.slla ? 8 : 0) + (m.mtu !== null ? 8 : 0) + 32 * m.prefixes.length;
    case 135:
      return 24 + (m.slla ? 8 : 0) + (m.nonce ? 8 : 0);
    case 136:
      return 24 + (m.tlla ? 8 : 0);
    case 143:
      return 8 + 20 * m.records.length;
    default:
      return 8 + quotedLen(m);
  }
}

function putLla(b: Uint8Array, off: number, type: number, mac: string): void {
  b[off] = type;
  b[off + 1] = 1;
  putMac(b, off + 2, mac);
}

/** The message's bytes with its checksum over the pseudo-header of `src`, `dst`. */
export function emitIcmp6(m: Icmp6Repr, src: Ip6, dst: Ip6): Uint8Array {
  const b = new Uint8Array(icmp6Length(m));
  b[0] = m.type;
  b[1] = m.code;
  switch (m.type) {
    case 128:
    case 129:
      put16(b, 4, m.ident);
      put16(b, 6, m.seq);
      if (m.dataLen >= 16) {
        put32(b, 8, Math.floor(m.sentAt / 1e6));
        put32(b, 16, m.sentAt % 1e6);
      }
      for (let i = 16; i < m.dataLen; i++) b[8 + i] = i & 255;
      break;
    case 133:
      if (m.slla) putLla(b, 8, 1, m.slla);
      break;
    case 134: {
      b[4] = m.curHopLimit;
      b[5] = (m.managed ? 0x80 : 0) | (m.other ? 0x40 : 0) | ((m.prf & 3) << 3);
      put16(b, 6, m.routerLifetime);
      put32(b, 8, m.reachableMs);
      put32(b, 12, m.retransMs);
      let off = 16;
      if (m.slla) {
        putLla(b, off, 1, m.slla);
        off += 8;
      }
      if (m.mtu !== null) {
        b[off] = 5;
        b[off + 1] = 1;
        put32(b, off + 4, m.mtu);
        off += 8;
      }
      for (const p of m.prefixes) {
        b[off] = 3;
        b[off + 1] = 4;
        b[off + 2] = p.len;
        b[off + 3] = (p.onLink ? 0x80 : 0) | (p.autonomous ? 0x40 : 0);
        put32(b, off + 4, p.validLft);
        put32(b, off + 8, p.preferredLft);
        b.set(ip6Bytes(p.prefix), off + 16);
        off += 32;
      }
      break;
    }
    case 135:
    case 136: {
      if (m.type === 136) b[4] = (m.router ? 0x80 : 0) | (m.solicited ? 0x40 : 0) | (m.override ? 0x20 : 0);
      b.set(ip6Bytes(m.target), 8);
      const lla = m.type === 135 ? m.slla : m.tlla;
      if (lla) putLla(b, 24, m.type === 135 ? 1 : 2, lla);
      if (m.type === 135 && m.nonce) {
        const off = 24 + (m.slla ? 8 : 0);
        b[off] = 14;
        b[off + 1] = 1;
        put32(b, off + 4, m.nonce >>> 0);
      }
      break;
    }
    case 143:
      put16(b, 6, m.records.length);
      m.records.forEach((r, i) => {
        b[8 + 20 * i] = r.type;
        b.set(ip6Bytes(r.group), 8 + 20 * i + 4);
      });
      break;
    default: {
      if (m.type === 2 || m.type === 4) put32(b, 4, m.info);
      const o = m.original;
      const inner = new Uint8Array(o.ip6.payloadLen);
      if (o.echo) inner.set(emitIcmp6(o.echo, o.ip6.src, o.ip6.dst).subarray(0, Math.min(inner.length, 8 + o.echo.dataLen)));
      else if (o.udp && inner.length >= UDP_HEADER_LEN) {
        put16(inner, 0, o.udp.srcPort);
        put16(inner, 2, o.udp.dstPort);
        put16(inner, 4, UDP_HEADER_LEN + o.udp.payloadLen);
      }
      b.set(emitIpv6(o.ip6, inner).subarray(0, quotedLen(m)), 8);
    }
  }
  let sum = pseudoHeaderSum(src, dst, b.length, 58);
  for (let i = 0; i + 1 < b.length; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if (b.length & 1) sum += b[b.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  put16(b, 2, ~sum & 0xffff);
  return b;
}

function readLla(b: Uint8Array, from: number, want: number): string | null {
  for (let off = from; off + 8 <= b.length; ) {
    const len = b[off + 1]! * 8;
    if (len === 0) return null;
    if (b[off] === want) return getMac(b, off + 2);
    off += len;
  }
  return null;
}

/** The message, or null when it is malformed or of a type the simulator does not model. */
export function parseIcmp6(b: Uint8Array): Icmp6Repr | null {
  if (b.length < 8) return null;
  const type = b[0]!;
  const code = b[1]!;
  switch (type) {
    case 128:
    case 129: {
      const dataLen = b.length - 8;
      const sentAt = dataLen >= 16 ? get32(b, 8) * 1e6 + get32(b, 16) : 0;
      return { type, code: 0, ident: get16(b, 4), seq: get16(b, 6), dataLen, sentAt };
    }
    case 133:
      return { type, code: 0, slla: readLla(b, 8, 1) };
    case 134: {
      if (b.length < 16) return null;
      const prefixes: NdpPrefixInfo[] = [];
      let mtu: number | null = null;
      for (let off = 16; off + 8 <= b.length; ) {
        const len = b[off + 1]! * 8;
        if (len === 0) return null;
        if (b[off] === 5) mtu = get32(b, off + 4);
        if (b[off] === 3 && len >= 32 && off + 32 <= b.length) {
          prefixes.push({
            len: b[off + 2]!,
            onLink: (b[off + 3]! & 0x80) !== 0,
            autonomous: (b[off + 3]! & 0x40) !== 0,
            validLft: get32(b, off + 4),
            preferredLft: get32(b, off + 8),
            prefix: ip6FromBytes([...b.subarray(off + 16, off + 32)]),
          });
        }
        off += len;
      }
      return {
        type,
        code: 0,
        curHopLimit: b[4]!,
        managed: (b[5]! & 0x80) !== 0,
        other: (b[5]! & 0x40) !== 0,
        prf: (b[5]! >>> 3) & 3,
        routerLifetime: get16(b, 6),
        reachableMs: get32(b, 8),
        retransMs: get32(b, 12),
        slla: readLla(b, 16, 1),
        mtu,
        prefixes,
      };
    }
    case 135:
    case 136: {
      if (b.length < 24) return null;
      const target = ip6FromBytes([...b.subarray(8, 24)]);
      if (type === 135) {
        let nonce = 0;
        for (let off = 24; off + 8 <= b.length; ) {
          const len = b[off + 1]! * 8;
          if (len === 0) break;
          if (b[off] === 14) nonce = get32(b, off + 4);
          off += len;
        }
        return { type, code: 0, target, slla: readLla(b, 24, 1), nonce };
      }
      return { type, code: 0, router: (b[4]! & 0x80) !== 0, solicited: (b[4]! & 0x40) !== 0, override: (b[4]! & 0x20) !== 0, target, tlla: readLla(b, 24, 2) };
    }
    case 143: {
      const n = get16(b, 6);
      const records: { type: number; group: Ip6 }[] = [];
      for (let i = 0, off = 8; i < n && off + 20 <= b.length; i++) {
        records.push({ type: b[off]!, group: ip6FromBytes([...b.subarray(off + 4, off + 20)]) });
        off += 20 + b[off + 1]! * 4 + get16(b, off + 2) * 16;
      }
      return { type, code: 0, records };
    }
    case 1:
    case 2:
    case 3:
    case 4: {
      const info = type === 2 || type === 4 ? get32(b, 4) : 0;
      const inner = b.subarray(8);
      if (inner.length < IPV6_HEADER_LEN) return null;
      const fake = new Uint8Array(inner);
      put16(fake, 4, inner.length - IPV6_HEADER_LEN);
      const p = parseIpv6(fake);
      if (!p) return null;
      const ip6 = { ...p.ip6, payloadLen: get16(inner, 4) };
      let echo: Icmp6EchoRepr | null = null;
      let udp: UdpRepr | null = null;
      if (ip6.nextHeader === 58 && p.payload.length >= 8 && (p.payload[0] === 128 || p.payload[0] === 129)) {
        echo = { type: p.payload[0] as 128 | 129, code: 0, ident: get16(p.payload, 4), seq: get16(p.payload, 6), dataLen: Math.max(0, ip6.payloadLen - 8), sentAt: 0 };
      }
      if (ip6.nextHeader === 17 && p.payload.length >= UDP_HEADER_LEN) {
        udp = { srcPort: get16(p.payload, 0), dstPort: get16(p.payload, 2), payloadLen: Math.max(0, get16(p.payload, 4) - UDP_HEADER_LEN) };
      }
      return { type, code, info, original: { ip6, echo, udp } };
    }
    default:
      return null;
  }
}

/** The checksum of a received message is right (it sums to zero over the pseudo-header). */
export function icmp6ChecksumOk(b: Uint8Array, src: Ip6, dst: Ip6): boolean {
  let sum = pseudoHeaderSum(src, dst, b.length, 58);
  for (let i = 0; i + 1 < b.length; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if (b.length & 1) sum += b[b.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum === 0xffff;
}
