/**
 * Connection tracking of an IPv6 packet (nf_conntrack_in with NFPROTO_IPV6,
 * nf_conntrack_proto_icmpv6.c, _udp.c, _tcp.c, _generic.c), for the state tests of inet and
 * ip6 chains: found in the original direction a packet is NEW until a reply was seen,
 * ESTABLISHED after; in the reply direction ESTABLISHED; an ICMPv6 error quoting a known
 * connection is RELATED. Neighbour discovery and MLD are UNTRACKED (icmpv6_error's
 * noct_valid_new); an ICMPv6 message that cannot open a connection (an echo reply nobody
 * asked for, an error about nothing known) and a TCP segment other than a SYN that finds no
 * connection stay without one, which rules see as INVALID. A new entry joins the table when
 * its first packet is confirmed (INPUT or POSTROUTING). TCP follows IPv4's tracker
 * (conntrack.ts tcpTrack): states, ASSURED and their timeouts.
 */
import { invertTuple6, type Ct6Entry, type Ct6Tuple } from '../../src/model/netfilter/conntrack6.js';
import { CT_STATE } from '../../src/model/netfilter/match.js';
import { IPS } from '../../src/model/netfilter/conntrack.js';
import { tcpTrack } from './conntrack.js';
import type { Netns } from '../../src/model/netns.js';
import type { Ip6Packet } from '../packet.js';
import type { NfRuntime } from './runtime.js';
import type { PacketNf } from './skb.js';

/** nf_conntrack_*_timeout defaults, µs */
const TIMEOUT = { icmpv6: 30_000_000, udp: 30_000_000, udpReplied: 120_000_000, tcpSynSent: 120_000_000, tcpEstablished: 432_000_000_000, generic: 600_000_000 };

/** types 130..143 that never start a connection and are left untracked (noct_valid_new[]) */
const UNTRACKED = new Set([130, 131, 132, 133, 134, 135, 136, 137, 143]);
/** valid_new[]: echo request, node information query */
const ICMP6_NEW = new Set([128, 139]);

type Quoted = { ip6: Ip6Packet['ip6']; icmp6?: Ip6Packet['icmp6']; echo?: { type: number; ident: number } | null; udp?: Ip6Packet['udp'] };

function tuple(p: Quoted): Ct6Tuple {
  const h = p.ip6;
  const echo = p.echo ?? (p.icmp6 && (p.icmp6.type === 128 || p.icmp6.type === 129) ? p.icmp6 : null);
  if (echo) return { src: h.src, dst: h.dst, proto: 58, sport: echo.ident, dport: 0, type: echo.type };
  const tcp = (p as { tcp?: { srcPort: number; dstPort: number } | null }).tcp;
  if (tcp) return { src: h.src, dst: h.dst, proto: 6, sport: tcp.srcPort, dport: tcp.dstPort, type: 0 };
  if (p.udp) return { src: h.src, dst: h.dst, proto: 17, sport: p.udp.srcPort, dport: p.udp.dstPort, type: 0 };
  const proto = p.icmp6 ? 58 : h.nextHeader;
  return { src: h.src, dst: h.dst, proto, sport: 0, dport: 0, type: p.icmp6?.type ?? 0 };
}

/** nf_conntrack_in for IPv6: the packet's state bits, kept on its netfilter state. */
export function conntrackIn6(rt: NfRuntime, ns: Netns, pkt: Ip6Packet, meta: PacketNf, now: number): void {
  // looped back through lo: tracked already
  if (meta.ct6State !== undefined) return;
  meta.ct6State = CT_STATE.INVALID;
  meta.ct6New = null;
  meta.ct6 = null;
  meta.ct6Dir = 'original';
  const table = rt.conntrack6(ns);
  const m = pkt.icmp6;
  if (m && UNTRACKED.has(m.type)) {
    meta.ct6State = CT_STATE.UNTRACKED;
    return;
  }
  if (m && m.type < 128) {
    // an error: RELATED to the connection its quote belongs to
    if (!('original' in m)) return;
    const hit = table.find(invertTuple6(tuple(m.original)), now);
    if (hit) {
      meta.ct6State = CT_STATE.RELATED;
      meta.ct6 = hit.entry;
      meta.ct6Dir = hit.dir;
    }
    return;
  }
  const t = tuple(pkt);
  const hit = table.find(t, now);
  if (hit) {
    const ct = hit.entry;
    meta.ct6 = ct;
    meta.ct6Dir = hit.dir;
    const flags = pkt.tcp?.flags ?? 0;
    if (hit.dir === 'reply') {
      // tcp_packet: a connection whose only reply is a RST is deleted at once
      // (the RST itself passes as part of it)
      if (t.proto === 6 && !ct.seenReply && flags & 0x04) {
        table.remove(ct);
        meta.ct6State = CT_STATE.ESTABLISHED;
        return;
      }
      ct.seenReply = true;
      ct.status |= IPS.SEEN_REPLY;
    }
    meta.ct6State = hit.dir === 'reply' || ct.seenReply ? CT_STATE.ESTABLISHED : CT_STATE.NEW;
    if (t.proto === 6) tcpTrack(ct, now, flags, hit.dir);
    else refresh(ct, now);
    return;
  }
  if (t.proto === 58 && !ICMP6_NEW.has(t.type)) return;
  const flags = pkt.tcp?.flags ?? 0;
  // tcp_new: only a SYN without RST or ACK opens a connection (nf_conntrack_tcp_loose picks up an ACK too)
  if (t.proto === 6 && flags & 0x04) return;
  const timeout = t.proto === 58 ? TIMEOUT.icmpv6 : t.proto === 17 ? TIMEOUT.udp : t.proto === 6 ? TIMEOUT.tcpSynSent : TIMEOUT.generic;
  meta.ct6New = table.create(t, now, timeout);
  meta.ct6 = meta.ct6New;
  meta.ct6State = CT_STATE.NEW;
}

function refresh(ct: Ct6Entry, now: number): void {
  const p = ct.orig.proto;
  const t = p === 58 ? TIMEOUT.icmpv6 : p === 17 ? (ct.seenReply ? TIMEOUT.udpReplied : TIMEOUT.udp) : p === 6 ? (ct.seenReply ? TIMEOUT.tcpEstablished : TIMEOUT.tcpSynSent) : TIMEOUT.generic;
  ct.expires = now + t;
}

/** __nf_conntrack_confirm: a new entry joins the table (a clash drops the packet: false). */
export function conntrackConfirm6(rt: NfRuntime, ns: Netns, meta: PacketNf): boolean {
  const e = meta.ct6New;
  if (!e) return true;
  meta.ct6New = null;
  return rt.conntrack6(ns).confirm(e);
}
