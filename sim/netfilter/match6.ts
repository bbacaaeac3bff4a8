/**
 * Whether a rule matches an IPv6 packet (net/ipv6/netfilter/ip6_tables.c ip6_packet_match,
 * then the extensions that apply to IPv6: xt_tcpudp, ip6t_icmp6's icmp6_match, xt_mark,
 * xt_multiport, xt_statistic, xt_comment). The protocol a rule tests is the packet's upper
 * layer (the simulator's IPv6 packets carry no extension headers); `-p all` matches any.
 */
import { synMss } from '../wire/tcp.js';
import type { Link } from '../../src/model/link.js';
import { CT_STATE, type FieldMatch, type NfMatch, type PortRange } from '../../src/model/netfilter/match.js';
import { fieldCompare, ifsetMatch, limitMatch, macMatch, pktType, recentMatch } from './field-match.js';
import { ifaceMatches, type NfRule } from '../../src/model/netfilter/rule.js';
import type { Ip6Packet } from '../packet.js';
import type { NfRuntime } from './runtime.js';
import { setRefMatch, vmapPick } from './match.js';
import type { NfTable } from '../../src/model/netfilter/table.js';
import type { PacketNf } from './skb.js';

export interface Match6State {
  pkt: Ip6Packet;
  meta: PacketNf;
  in: Link | null;
  out: Link | null;
  runtime: NfRuntime;
  /** the table being walked: its named sets answer `@NAME` tests */
  table?: NfTable;
  /** virtual time (µs) and the kernel's HZ, for rate limits */
  now?: number;
  hz?: number;
}

/** The packet's upper-layer protocol (ipv6_find_hdr's answer). */
export function l4Proto6(pkt: Ip6Packet): number {
  if (pkt.icmp6) return 58;
  if (pkt.udp) return 17;
  if ((pkt as { tcp?: unknown }).tcp) return 6;
  return pkt.ip6.nextHeader;
}

function ports6(pkt: Ip6Packet): { sport: number; dport: number; proto: number } | null {
  const tcp = (pkt as { tcp?: { srcPort: number; dstPort: number } | null }).tcp;
  if (tcp) return { sport: tcp.srcPort, dport: tcp.dstPort, proto: 6 };
  if (pkt.udp) return { sport: pkt.udp.srcPort, dport: pkt.udp.dstPort, proto: 17 };
  return null;
}

function inRange(p: number, r: PortRange): boolean {
  return p >= r[0] && p <= r[1];
}

function extMatch6(m: NfMatch, s: Match6State): boolean {
  const pkt = s.pkt;
  switch (m.kind) {
    case 'vmap': {
      if (m.key === 'saddr' || m.key === 'daddr') return false;
      const p = ports6(pkt);
      if ((m.key === 'sport' || m.key === 'dport') && (!p || (m.proto !== undefined && p.proto !== m.proto))) return false;
      const key = m.key === 'ctstate' ? (s.meta.ct6State ?? CT_STATE.INVALID) : m.key === 'l4proto' ? l4Proto6(pkt) : m.key === 'sport' ? p!.sport : p!.dport;
      return vmapPick(m, s.meta, key);
    }
    case 'setref':
      // an IPv4 address set never holds an IPv6 packet's address
      if (m.key === 'saddr' || m.key === 'daddr') return false;
      return setRefMatch(m, s.table, { ports: ports6(pkt), proto: l4Proto6(pkt), in: s.in, out: s.out, mark: s.meta.mark });
    case 'tcp': {
      const p = ports6(pkt);
      if (!p || p.proto !== 6) return false;
      const flags = (pkt as { tcp?: { flags?: number } }).tcp?.flags ?? 0;
      return inRange(p.sport, m.sport) !== m.sportInvert && inRange(p.dport, m.dport) !== m.dportInvert && ((flags & m.flagMask) === m.flagCmp) !== m.flagsInvert && (m.option === 0 || m.optionInvert);
    }
    case 'udp': {
      const p = ports6(pkt);
      if (!p || p.proto !== 17) return false;
      return inRange(p.sport, m.sport) !== m.sportInvert && inRange(p.dport, m.dport) !== m.dportInvert;
    }
    case 'icmp6': {
      const i = pkt.icmp6;
      if (!i) return false;
      return (i.type === m.type && i.code >= m.codeMin && i.code <= m.codeMax) !== m.invert;
    }
    case 'icmptypes': {
      const i = pkt.icmp6;
      if (!m.v6 || !i) return false;
      return m.types.includes(i.type) !== m.invert;
    }
    case 'conntrack': {
      // the front ends make only state tests for IPv6 packets
      const bits = s.meta.ct6State ?? CT_STATE.INVALID;
      if (!m.state) return false;
      return ((bits & m.state.mask) !== 0) !== m.state.invert;
    }
    case 'connmark': {
      const ct = s.meta.ct6;
      if (!ct) return false;
      return (((ct.mark & m.mask) >>> 0 === m.value) as boolean) !== m.invert;
    }
    case 'comment':
      return true;
    case 'mark':
      return (((s.meta.mark & m.mask) >>> 0 === m.value) as boolean) !== m.invert;
    case 'multiport': {
      const p = ports6(pkt);
      if (!p) return false;
      const hit = m.ports.some((r) => (m.dir !== 'src' && inRange(p.dport, r)) || (m.dir !== 'dst' && inRange(p.sport, r)));
      return hit !== m.invert;
    }
    case 'statistic': {
      const hit = m.mode === 'random' ? s.runtime.random31() < m.probability : s.runtime.nth(m);
      return hit !== m.invert;
    }
    case 'limit':
      return limitMatch(m, s, IPV6_HEADER + pkt.ip6.payloadLen);
    case 'mac':
      return macMatch(m, s.meta);
    case 'field':
      return fieldMatch6(m, s);
    case 'ifset':
      return ifsetMatch(m, s.in, s.out);
    case 'recent':
      return recentMatch(m, s, { addr: m.side === 'source' ? pkt.ip6.src : pkt.ip6.dst, ttl: pkt.ip6.hopLimit, forwarded: s.out !== null && s.meta.l2 !== undefined }, m.mask6 ?? (1n << 128n) - 1n);
    default:
      // IPv4's own tests (icmp, address sets) never match an IPv6 packet; the front ends make no other kind for IPv6
      return false;
  }
}

const IPV6_HEADER = 40;

function fieldMatch6(m: FieldMatch, s: Match6State): boolean {
  const pkt = s.pkt;
  switch (m.field) {
    case 'length':
      return fieldCompare(m, IPV6_HEADER + pkt.ip6.payloadLen);
    case 'hoplimit':
      return fieldCompare(m, pkt.ip6.hopLimit);
    // IPv4 header fields (the front ends make dscp tests for IPv4 packets only)
    case 'ttl':
    case 'dscp':
      return false;
    case 'pkttype':
      return fieldCompare(m, pktType(s.meta));
    case 'tcpflags':
      return !!pkt.tcp && l4Proto6(pkt) === 6 && fieldCompare(m, pkt.tcp.flags ?? 0);
    case 'tcpmss': {
      const mss = pkt.tcp && l4Proto6(pkt) === 6 ? synMss(pkt.tcp, true) : null;
      return mss !== null && fieldCompare(m, mss);
    }
    case 'thsport':
    case 'thdport': {
      const p = ports6(pkt);
      return !!p && fieldCompare(m, m.field === 'thsport' ? p.sport : p.dport);
    }
  }
}

/** ip6_packet_match and every extension in order. */
export function ruleMatches6(r: NfRule, s: Match6State): boolean {
  // nft's `ip …` / `icmp …` tests: only IPv4 packets (inet tables)
  if (r.family === 'ip') return false;
  const ip = r.ip;
  const h = s.pkt.ip6;
  const a = r.ip6;
  if (a) {
    if (((h.src & a.src.mask) === a.src.addr) === ip.srcInvert) return false;
    if (((h.dst & a.dst.mask) === a.dst.addr) === ip.dstInvert) return false;
  } else if (ip.src.mask || ip.dst.mask || ip.srcInvert || ip.dstInvert) return false;
  if (ip.in && ifaceMatches(ip.in.name, s.in?.name ?? '') === ip.in.invert) return false;
  if (ip.out && ifaceMatches(ip.out.name, s.out?.name ?? '') === ip.out.invert) return false;
  if (ip.proto && (l4Proto6(s.pkt) === ip.proto) === ip.protoInvert) return false;
  for (const m of r.matches) if (!extMatch6(m, s)) return false;
  return true;
}
