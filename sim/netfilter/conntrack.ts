/**
 * Connection tracking of a packet (net/netfilter/nf_conntrack_core.c nf_conntrack_in and
 * __nf_conntrack_confirm; nf_conntrack_proto_icmp.c, _udp.c, _generic.c): the packet's tuple
 * is looked up; found in the original direction it is NEW until a reply was seen, ESTABLISHED
 * after; in the reply direction ESTABLISHED; an ICMP error quoting a known connection is
 * RELATED to it; an ICMP message that cannot start a connection (an echo reply nobody asked
 * for, an error about nothing known) stays untracked, which rules see as INVALID. A new entry
 * joins the table only when its first packet is confirmed (INPUT or POSTROUTING): a packet
 * dropped on the way leaves nothing. Timeouts run on the virtual clock.
 */
import { ICMP_INVERT, invertTuple, IPS, type CtEntry, type CtTuple } from '../../src/model/netfilter/conntrack.js';
import type { IpPacket } from '../packet.js';
import type { NfRuntime } from './runtime.js';
import type { PacketNf } from './skb.js';
import type { Netns } from '../../src/model/netns.js';

/** nf_conntrack_*_timeout defaults, µs. */
export const CT_TIMEOUT = {
  icmp: 30_000_000,
  udpUnreplied: 30_000_000,
  udpReplied: 120_000_000,
  /** a UDP flow still alive this long after it began is a stream (ASSURED, the long timeout) */
  udpStream: 2_000_000,
  generic: 600_000_000,
  /** nf_conntrack_tcp_timeout_syn_sent, _established, _close (after a RST), _time_wait */
  tcpSynSent: 120_000_000,
  tcpEstablished: 432_000_000_000,
  tcpClose: 10_000_000,
  tcpTimeWait: 120_000_000,
} as const;

const ICMP_ERRORS = new Set([3, 4, 5, 11, 12]);
/** valid_new[] of icmp_packet: the ICMP queries that may start a connection */
const ICMP_NEW = new Set([8, 13, 15, 17]);

/** The tuple of a packet's headers (nf_ct_get_tuple), or null for an ICMP error. */
export function packetTuple(pkt: { ip: IpPacket['ip']; icmp?: IpPacket['icmp']; udp?: IpPacket['udp']; tcp?: IpPacket['tcp']; echo?: IpPacket['icmp'] }): CtTuple {
  const h = pkt.ip;
  const icmp = pkt.icmp ?? pkt.echo ?? null;
  if (h.protocol === 1 && icmp) {
    const ident = 'ident' in icmp ? icmp.ident : 0;
    return { src: h.src, dst: h.dst, proto: 1, sport: ident, dport: 0, type: icmp.type, code: icmp.code };
  }
  const l4 = l4Of(pkt);
  if (l4) return { src: h.src, dst: h.dst, proto: h.protocol, sport: l4.sport, dport: l4.dport, type: 0, code: 0 };
  return { src: h.src, dst: h.dst, proto: h.protocol, sport: 0, dport: 0, type: 0, code: 0 };
}

function l4Of(pkt: { udp?: IpPacket['udp'] }): { sport: number; dport: number } | null {
  const tcp = (pkt as { tcp?: { srcPort: number; dstPort: number } | null }).tcp;
  if (tcp) return { sport: tcp.srcPort, dport: tcp.dstPort };
  if (pkt.udp) return { sport: pkt.udp.srcPort, dport: pkt.udp.dstPort };
  return null;
}

/** nf_conntrack_in: attach the packet to its connection (or leave it untracked). */
export function conntrackIn(rt: NfRuntime, ns: Netns, pkt: IpPacket, meta: PacketNf, now: number): void {
  // already tracked here (looped back through lo, or bridged and then passed up), or NOTRACK'd in raw
  if (meta.ct || meta.untracked) return;
  const table = rt.conntrack(ns);
  const icmp = pkt.icmp;
  if (pkt.ip.protocol === 1 && icmp && ICMP_ERRORS.has(icmp.type)) {
    relatedError(table, pkt, meta, now);
    return;
  }
  const t = packetTuple(pkt);
  const hit = table.find(t, now);
  if (hit) {
    const ct = hit.entry;
    meta.ct = ct;
    meta.dir = hit.dir;
    meta.unconfirmed = false;
    if (hit.dir === 'reply') {
      meta.info = 'established';
      // tcp_packet: a connection whose only reply is a RST is deleted at once
      if (t.proto === 6 && !(ct.status & IPS.SEEN_REPLY) && (pkt.tcp?.flags ?? 0) & 0x04) {
        table.remove(ct);
        return;
      }
      ct.status |= IPS.SEEN_REPLY;
    } else meta.info = ct.status & IPS.SEEN_REPLY ? 'established' : 'new';
    refresh(ct, t.proto, now, pkt, hit.dir);
    return;
  }
  // an ICMP message other than a query cannot open a connection
  if (t.proto === 1 && !ICMP_NEW.has(t.type)) return;
  // tcp_new: only a SYN (without ACK or RST) opens a TCP connection (nf_conntrack_tcp_loose=1 lets a mid-stream ACK pick one up too)
  if (t.proto === 6 && pkt.tcp && pkt.tcp.flags & 0x04) return;
  const timeout = t.proto === 1 ? CT_TIMEOUT.icmp : t.proto === 17 ? CT_TIMEOUT.udpUnreplied : t.proto === 6 ? CT_TIMEOUT.tcpSynSent : CT_TIMEOUT.generic;
  const ct = table.create(t, now, timeout);
  if (t.proto === 17) ct.streamUs = now + CT_TIMEOUT.udpStream;
  if (t.proto === 6) ct.tcpState = 'SYN_SENT';
  meta.ct = ct;
  meta.dir = 'original';
  meta.info = 'new';
  meta.unconfirmed = true;
}

/** The protocol's packet handler: the entry lives on (icmp_packet, udp_packet, generic). */
function refresh(ct: CtEntry, proto: number, now: number, pkt: IpPacket, dir: 'original' | 'reply'): void {
  if (proto === 1) ct.expires = now + CT_TIMEOUT.icmp;
  else if (proto === 6) refreshTcp(ct, now, pkt, dir);
  else if (proto === 17) {
    if (ct.status & IPS.SEEN_REPLY) {
      const stream = now > (ct.streamUs ?? 0);
      ct.expires = now + (stream ? CT_TIMEOUT.udpReplied : CT_TIMEOUT.udpUnreplied);
      if (stream) ct.status |= IPS.ASSURED;
    } else ct.expires = now + CT_TIMEOUT.udpUnreplied;
  } else ct.expires = now + CT_TIMEOUT.generic;
}

/** nf_conntrack_tcp_timeout_* by state, µs. */
const TCP_STATE_TIMEOUT: Record<string, number> = {
  SYN_SENT: 120_000_000,
  SYN_RECV: 60_000_000,
  ESTABLISHED: 432_000_000_000,
  FIN_WAIT: 120_000_000,
  CLOSE_WAIT: 60_000_000,
  LAST_ACK: 30_000_000,
  TIME_WAIT: 120_000_000,
  CLOSE: 10_000_000,
};

/** What the TCP tracker keeps of a connection, in either family's entry. */
export type TcpCt = Pick<CtEntry, 'status' | 'expires' | 'tcpState' | 'tcpFinDir'>;

function refreshTcp(ct: CtEntry, now: number, pkt: IpPacket, dir: 'original' | 'reply'): void {
  tcpTrack(ct, now, pkt.tcp?.flags ?? 0, dir);
}

/**
 * tcp_packet's state table (tcp_conntracks[]), for the segments a connection's life is made of:
 * SYN, SYN-ACK, the third ACK (ASSURED from SYN_RECV to ESTABLISHED), FIN from either side,
 * the ACKs of the close, RST. One tracker for IPv4 and IPv6 (nf_conntrack_proto_tcp.c serves both).
 */
export function tcpTrack(ct: TcpCt, now: number, f: number, dir: 'original' | 'reply'): void {
  const SYN = 0x02;
  const ACK = 0x10;
  const FIN = 0x01;
  const RST = 0x04;
  const old = ct.tcpState ?? 'SYN_SENT';
  let next = old;
  if (f & RST) next = 'CLOSE';
  else if (f & SYN && f & ACK) next = dir === 'reply' && old === 'SYN_SENT' ? 'SYN_RECV' : old;
  else if (f & FIN) {
    if (old === 'ESTABLISHED' || old === 'SYN_RECV') next = 'FIN_WAIT';
    else if (old === 'FIN_WAIT' || old === 'CLOSE_WAIT') next = ct.tcpFinDir !== undefined && ct.tcpFinDir !== dir ? 'LAST_ACK' : old;
    ct.tcpFinDir ??= dir;
  } else if (f & ACK) {
    if (old === 'SYN_RECV' && dir === 'original') {
      next = 'ESTABLISHED';
      ct.status |= IPS.ASSURED;
    } else if (old === 'FIN_WAIT' && ct.tcpFinDir !== dir) next = 'CLOSE_WAIT';
    else if (old === 'LAST_ACK') next = 'TIME_WAIT';
  }
  ct.tcpState = next;
  ct.expires = now + (TCP_STATE_TIMEOUT[next] ?? CT_TIMEOUT.generic);
}

/**
 * icmp_error_message / nf_conntrack_inet_error: an error is RELATED to the connection its quote
 * belongs to — found by the quote's tuple inverted — when its outer destination is where that
 * direction of the connection goes; else it is untracked.
 */
function relatedError(table: ReturnType<NfRuntime['conntrack']>, pkt: IpPacket, meta: PacketNf, now: number): void {
  const err = pkt.icmp;
  if (!err || !('original' in err)) return;
  const q = err.original;
  const inner: CtTuple = packetTuple({ ip: q.ip, echo: q.echo ?? undefined, udp: q.udp ?? undefined, tcp: q.tcp ?? undefined });
  if (inner.proto === 1 && ICMP_ERRORS.has(inner.type)) return;
  const hit = table.find(invertTuple(inner), now);
  if (!hit) return;
  const toward = hit.dir === 'original' ? hit.entry.orig : hit.entry.reply;
  if (toward.dst !== pkt.ip.dst) return;
  meta.ct = hit.entry;
  meta.dir = hit.dir;
  meta.info = 'related';
  meta.unconfirmed = false;
}

/** __nf_conntrack_confirm: a new entry joins the table; false when its tuples are taken (it is dropped). */
export function conntrackConfirm(rt: NfRuntime, ns: Netns, meta: PacketNf): boolean {
  if (!meta.ct || !meta.unconfirmed) return true;
  meta.unconfirmed = false;
  return rt.conntrack(ns).confirm(meta.ct);
}

export { ICMP_INVERT };
