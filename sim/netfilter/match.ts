/**
 * Whether a rule matches a packet (net/ipv4/netfilter/ip_tables.c ip_packet_match, then each
 * extension's match function: xt_tcpudp, xt_conntrack, xt_addrtype, xt_mark, xt_connmark,
 * xt_multiport, xt_physdev, xt_statistic, icmp_match). Port matches read whatever L4 header the
 * packet carries (UDP today, TCP once it exists): a rule for another protocol never matches.
 */
import { synMss } from '../wire/tcp.js';
import type { Ip4 } from '../../src/model/ip.js';
import type { Link } from '../../src/model/link.js';
import { CT_STATE, type FieldMatch, type ConntrackMatch, type CtAddr, type NfMatch, type PhysdevMatch, type PortRange, type SetRefMatch, type VmapMatch } from '../../src/model/netfilter/match.js';
import { setHas } from '../../src/model/netfilter/nft-set.js';
import type { NfTable } from '../../src/model/netfilter/table.js';
import { IPS } from '../../src/model/netfilter/conntrack.js';
import { ifaceMatches, type IpPart, type NfRule } from '../../src/model/netfilter/rule.js';
import { optionsLen, type IpPacket } from '../packet.js';
import { fieldCompare, ifsetMatch, limitMatch, macMatch, pktType, recentMatch } from './field-match.js';
import type { PacketNf } from './skb.js';
import type { NfRuntime } from './runtime.js';

/** What a rule is matched against: the packet, its devices and the namespace's answers. */
export interface MatchState {
  pkt: IpPacket;
  meta: PacketNf;
  in: Link | null;
  out: Link | null;
  runtime: NfRuntime;
  /** inet_dev_addr_type: an address's route type index (RTN_*) in the namespace, limited to a device */
  addrType(addr: Ip4, dev: Link | null): number;
  /** the table being walked: its named sets answer `@NAME` tests */
  table?: NfTable;
  /** virtual time (µs) and the kernel's HZ, for rate limits */
  now?: number;
  hz?: number;
}

/**
 * nft's lookup of a packet field in a named set of the table (nft_lookup); no such field in
 * the packet (no ports, no device) is no match, whatever `!=` says.
 */
export function setRefMatch(
  m: SetRefMatch,
  table: NfTable | undefined,
  f: { saddr?: number; daddr?: number; ports: { sport: number; dport: number; proto: number } | null; proto: number; in: Link | null; out: Link | null; mark: number },
): boolean {
  const set = table?.sets?.find((x) => x.name === m.set);
  if (!set) return false;
  let key: number | string | undefined;
  switch (m.key) {
    case 'saddr':
      key = f.saddr;
      break;
    case 'daddr':
      key = f.daddr;
      break;
    case 'sport':
    case 'dport':
      if (!f.ports || (m.proto !== undefined && f.ports.proto !== m.proto)) return false;
      key = m.key === 'sport' ? f.ports.sport : f.ports.dport;
      break;
    case 'l4proto':
      key = f.proto;
      break;
    case 'iifname':
      key = f.in?.name;
      break;
    case 'oifname':
      key = f.out?.name;
      break;
    case 'mark':
      key = f.mark;
      break;
  }
  if (key === undefined) return false;
  return setHas(set, key) !== m.invert;
}

/** L4 ports of the packet (TCP or UDP), or null when it carries neither. */
export function l4Ports(pkt: IpPacket): { sport: number; dport: number; proto: number } | null {
  const tcp = (pkt as { tcp?: { srcPort: number; dstPort: number } | null }).tcp;
  if (tcp) return { sport: tcp.srcPort, dport: tcp.dstPort, proto: 6 };
  if (pkt.udp) return { sport: pkt.udp.srcPort, dport: pkt.udp.dstPort, proto: 17 };
  return null;
}

function inRange(p: number, r: PortRange): boolean {
  return p >= r[0] && p <= r[1];
}

/** ip_packet_match: addresses under masks, interfaces, protocol, fragments. */
export function ipMatch(ip: IpPart, pkt: IpPacket, inDev: Link | null, outDev: Link | null): boolean {
  const h = pkt.ip;
  if ((((h.src & ip.src.mask) >>> 0 === ip.src.addr) as boolean) === ip.srcInvert) return false;
  if ((((h.dst & ip.dst.mask) >>> 0 === ip.dst.addr) as boolean) === ip.dstInvert) return false;
  if (ip.in && ifaceMatches(ip.in.name, inDev?.name ?? '') === ip.in.invert) return false;
  if (ip.out && ifaceMatches(ip.out.name, outDev?.name ?? '') === ip.out.invert) return false;
  if (ip.proto && (h.protocol === ip.proto) === ip.protoInvert) return false;
  // the simulator never fragments: no packet is a second fragment
  if (ip.fragment && !ip.fragment.invert) return false;
  return true;
}

function ctAddr(a: CtAddr | null, v: Ip4): boolean {
  return !a || (((v & a.mask) >>> 0 === a.addr) as boolean) !== a.invert;
}

/** xt_conntrack's state bits of the packet: INVALID without a connection, else its state and NAT. */
function ctStateBits(meta: PacketNf): number {
  const ct = meta.ct;
  if (meta.untracked) return CT_STATE.UNTRACKED;
  if (!ct) return CT_STATE.INVALID;
  let bits = meta.info === 'new' ? CT_STATE.NEW : meta.info === 'related' ? CT_STATE.RELATED : CT_STATE.ESTABLISHED;
  if (ct.status & IPS.SRC_NAT) bits |= CT_STATE.SNAT;
  if (ct.status & IPS.DST_NAT) bits |= CT_STATE.DNAT;
  return bits;
}

function conntrackMatch(m: ConntrackMatch, s: MatchState): boolean {
  const ct = s.meta.ct;
  if (m.state && ((ctStateBits(s.meta) & m.state.mask) !== 0) === m.state.invert) return false;
  if (!ct) {
    // only the state can be tested without a connection
    return !(m.proto || m.origsrc || m.origdst || m.replsrc || m.repldst || m.origsrcport || m.origdstport || m.replsrcport || m.repldstport || m.status || m.expires || m.dir);
  }
  if (m.dir && (s.meta.dir === 'reply') !== (m.dir === 'REPLY')) return false;
  if (m.proto && (ct.orig.proto === m.proto.num) === m.proto.invert) return false;
  if (!ctAddr(m.origsrc, ct.orig.src) || !ctAddr(m.origdst, ct.orig.dst) || !ctAddr(m.replsrc, ct.reply.src) || !ctAddr(m.repldst, ct.reply.dst)) return false;
  const port = (p: { range: PortRange; invert: boolean } | null, v: number) => !p || inRange(v, p.range) !== p.invert;
  if (!port(m.origsrcport, ct.orig.sport) || !port(m.origdstport, ct.orig.dport) || !port(m.replsrcport, ct.reply.sport) || !port(m.repldstport, ct.reply.dport)) return false;
  if (m.status && ((ct.status & m.status.mask) !== 0) === m.status.invert) return false;
  return true;
}

/** physdev_mt */
function physdevMatch(m: PhysdevMatch, meta: PacketNf): boolean {
  const physIn = meta.physIn;
  const physOut = meta.physOut;
  if (!physIn && !physOut) {
    // not a bridged packet: only inverted tests can match
    for (const t of [m.isBridged, m.isIn, m.isOut, m.in, m.out]) if (t && !t.invert) return false;
    return true;
  }
  if (m.isBridged && !!physOut === m.isBridged.invert) return false;
  if (m.isIn && !physIn !== m.isIn.invert) return false;
  if (m.isOut && !physOut !== m.isOut.invert) return false;
  if (m.in && physIn && ifaceMatches(m.in.name, physIn.name) === m.in.invert) return false;
  if (m.out) return ifaceMatches(m.out.name, physOut?.name ?? '') !== m.out.invert;
  return true;
}

/** One match extension. */
export function extMatch(m: NfMatch, s: MatchState): boolean {
  const pkt = s.pkt;
  switch (m.kind) {
    case 'vmap': {
      const p = l4Ports(pkt);
      if ((m.key === 'sport' || m.key === 'dport') && (!p || (m.proto !== undefined && p.proto !== m.proto))) return false;
      const key =
        m.key === 'ctstate' ? ctStateBits(s.meta) : m.key === 'saddr' ? pkt.ip.src : m.key === 'daddr' ? pkt.ip.dst : m.key === 'l4proto' ? pkt.ip.protocol : m.key === 'sport' ? p!.sport : p!.dport;
      return vmapPick(m, s.meta, key);
    }
    case 'setref':
      return setRefMatch(m, s.table, { saddr: pkt.ip.src, daddr: pkt.ip.dst, ports: l4Ports(pkt), proto: pkt.ip.protocol, in: s.in, out: s.out, mark: s.meta.mark });
    case 'tcp': {
      const p = l4Ports(pkt);
      if (!p || p.proto !== 6) return false;
      const tcp = (pkt as { tcp?: { flags?: number } }).tcp;
      const flags = tcp?.flags ?? 0;
      return (
        inRange(p.sport, m.sport) !== m.sportInvert &&
        inRange(p.dport, m.dport) !== m.dportInvert &&
        ((flags & m.flagMask) === m.flagCmp) !== m.flagsInvert &&
        // options are not carried: only an inverted option test matches
        (m.option === 0 || m.optionInvert)
      );
    }
    case 'udp': {
      const p = l4Ports(pkt);
      if (!p || p.proto !== 17) return false;
      return inRange(p.sport, m.sport) !== m.sportInvert && inRange(p.dport, m.dport) !== m.dportInvert;
    }
    case 'icmp': {
      const i = pkt.icmp;
      if (!i) return false;
      const hit = m.type === 0xff || (i.type === m.type && i.code >= m.codeMin && i.code <= m.codeMax);
      return hit !== m.invert;
    }
    case 'icmp6':
      // an ip6tables match: an IPv4 packet never carries ICMPv6
      return false;
    case 'conntrack':
      return conntrackMatch(m, s);
    case 'addrtype': {
      const dev = m.limitIn ? s.in : m.limitOut ? s.out : null;
      if (m.src && ((m.src & (1 << s.addrType(pkt.ip.src, dev))) !== 0) === m.srcInvert) return false;
      if (m.dst && ((m.dst & (1 << s.addrType(pkt.ip.dst, dev))) !== 0) === m.dstInvert) return false;
      return true;
    }
    case 'comment':
      return true;
    case 'mark':
      return (((s.meta.mark & m.mask) >>> 0 === m.value) as boolean) !== m.invert;
    case 'connmark': {
      const ct = s.meta.ct;
      if (!ct) return false;
      return (((ct.mark & m.mask) >>> 0 === m.value) as boolean) !== m.invert;
    }
    case 'multiport': {
      const p = l4Ports(pkt);
      if (!p) return false;
      const hit = m.ports.some((r) => (m.dir !== 'dst' && inRange(p.sport, r)) || (m.dir !== 'src' && inRange(p.dport, r)));
      return hit !== m.invert;
    }
    case 'physdev':
      return physdevMatch(m, s.meta);
    case 'addrset': {
      const a = m.field === 'src' ? pkt.ip.src : pkt.ip.dst;
      return m.addrs.some((x) => (a & x.mask) >>> 0 === x.addr) !== m.invert;
    }
    case 'icmptypes': {
      if (m.v6) return false;
      const i = pkt.icmp;
      if (!i) return false;
      return m.types.includes(i.type) !== m.invert;
    }
    case 'statistic': {
      const hit = m.mode === 'random' ? s.runtime.random31() < m.probability : s.runtime.nth(m);
      return hit !== m.invert;
    }
    case 'limit':
      return limitMatch(m, s, ipLen(pkt));
    case 'iprange':
      return (!m.src || (pkt.ip.src >= m.src.lo && pkt.ip.src <= m.src.hi) !== m.src.invert) && (!m.dst || (pkt.ip.dst >= m.dst.lo && pkt.ip.dst <= m.dst.hi) !== m.dst.invert);
    case 'mac':
      return macMatch(m, s.meta);
    case 'field':
      return fieldMatch4(m, s);
    case 'recent':
      return recentMatch(m, s, { addr: BigInt(m.side === 'source' ? pkt.ip.src : pkt.ip.dst), ttl: pkt.ip.ttl, forwarded: s.out !== null && s.meta.l2 !== undefined }, BigInt(m.mask >>> 0));
    case 'ifset':
      return ifsetMatch(m, s.in, s.out);
  }
}

/** The IPv4 packet's length as skb->len is at the hooks (tot_len). */
function ipLen(pkt: IpPacket): number {
  return 20 + optionsLen(pkt) + pkt.ip.payloadLen;
}

function fieldMatch4(m: FieldMatch, s: MatchState): boolean {
  const pkt = s.pkt;
  switch (m.field) {
    case 'length':
      return fieldCompare(m, ipLen(pkt));
    case 'ttl':
      return fieldCompare(m, pkt.ip.ttl);
    // xt_dscp / nft's `ip dscp`: the TOS byte's top six bits
    case 'dscp':
      return fieldCompare(m, (pkt.ip.tos >> 2) & 0x3f);
    case 'hoplimit':
      return false;
    case 'pkttype': {
      // xt_pkttype / nft meta: a looped-back copy is multicast or broadcast by its address (not modelled: none is made)
      return fieldCompare(m, pktType(s.meta));
    }
    case 'tcpflags': {
      const t = pkt.tcp;
      return !!t && pkt.ip.protocol === 6 && fieldCompare(m, t.flags ?? 0);
    }
    case 'tcpmss': {
      // tcpmss_mt: only a segment with the MSS option (a SYN) is tested
      const mss = pkt.tcp && pkt.ip.protocol === 6 ? synMss(pkt.tcp, false) : null;
      return mss !== null && fieldCompare(m, mss);
    }
    case 'thsport':
    case 'thdport': {
      // nft's `th` reads bytes 0–3 of whatever transport header there is; only ports are modelled (ICMP's are its type, code and checksum)
      const p = l4Ports(pkt);
      return !!p && fieldCompare(m, m.field === 'thsport' ? p.sport : p.dport);
    }
  }
}

/** The whole rule: its IP part, then every extension in order. */
export function ruleMatches(r: NfRule, s: MatchState): boolean {
  // a rule whose tests are IPv6's (ip6tables', or nft's `ip6 …` / `icmpv6 …` in an inet table)
  if (r.ip6 || r.family === 'ip6') return false;
  if (!ipMatch(r.ip, s.pkt, s.in, s.out)) return false;
  for (const m of r.matches) if (!extMatch(m, s)) return false;
  return true;
}

/** The verdict map's entry for `key`, kept on the packet for the walk; false when it has none. */
export function vmapPick(m: VmapMatch, meta: PacketNf, key: number): boolean {
  for (const e of m.entries) {
    if (key >= e.lo && key <= e.hi) {
      meta.vmapHit = e.verdict;
      return true;
    }
  }
  return false;
}
