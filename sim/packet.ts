/**
 * What travels through the simulator: an Ethernet frame carrying ARP or an IPv4 packet, kept as
 * parsed `Repr`s (bytes are made only for captures). A packet is one mutable object along its
 * path (TTL decreases in place); a bridge that floods copies the frame shell, not the packet,
 * because nothing after a flood rewrites it before the next copy is taken.
 */
import type { ArpRepr } from './wire/arp.js';
import type { EthernetRepr } from './wire/ethernet.js';
import { icmpLength, isEcho, type IcmpEchoRepr, type IcmpRepr } from './wire/icmp.js';
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import { IP_PROTO, type Ipv4Repr } from './wire/ipv4.js';
import type { UdpRepr } from './wire/udp.js';
import type { Link } from '../src/model/link.js';
import { tcpFlagsText, type TcpRepr } from './wire/tcp.js';
import type { PacketNf } from './netfilter/skb.js';
import { formatIp6, type Ip6 } from '../src/model/ipv6/ip6.js';
import { icmp6Length, type Icmp6Repr } from './wire/icmpv6.js';
import { NEXTHDR, type Ipv6Repr } from './wire/ipv6.js';

export interface IpPacket {
  ip: Ipv4Repr;
  icmp: IcmpRepr | null;
  udp: UdpRepr | null;
  /** a TCP segment (sim/tcp.ts) */
  tcp?: TcpRepr | null;
  /** a tunnel's payload (the encapsulated frame), for the tunnel hooks */
  inner: Frame | null;
  /** the VXLAN header's network id, when `inner` is a VXLAN payload */
  vni?: number;
  /** the GRE header's key, when `inner` is a keyed GRE payload */
  greKey?: number;
  /** netfilter's state of the packet (conntrack, mark, bridge ports): sim/netfilter/skb.ts */
  nf?: PacketNf;
  /** a fragment (ip.fragOffset, ip.mf): the packet it is a piece of, whole, as its sender made it */
  whole?: IpPacket;
  /**
   * the record-route option (`ping -R`: 40 bytes of header, room for RR_SLOTS addresses): the
   * addresses recorded so far. Replaced, never changed in place: clones of a packet share it.
   */
  rr?: readonly Ip4[];
}

/** A record-route option's room: 39 bytes, nine addresses (ping -R asks for the most there is). */
export const RR_SLOTS = 9;

/** The option's 40 bytes (with ping's NOP) in the header, when the packet carries one. */
export function optionsLen(p: IpPacket): number {
  return p.rr ? 40 : 0;
}

/** ip_options_build / ip_forward_options / ip_options_compile on input: one address recorded while there is room. */
export function recordRoute(p: IpPacket, addr: Ip4): void {
  if (p.rr && p.rr.length < RR_SLOTS) p.rr = [...p.rr, addr];
}

export interface Frame {
  eth: EthernetRepr;
  arp: ArpRepr | null;
  pkt: IpPacket | null;
  /** bridges crossed so far: a guard against loops without STP */
  bridgeHops: number;
  /** an IPv6 packet (ethertype 0x86dd) */
  pkt6?: Ip6Packet;
  /** 802.1Q/802.1ad tags, outermost first (between the MACs and `eth.ethertype` on the wire) */
  tags?: VlanTag[];
  /**
   * a tc mirred action sent it on (skb->redirected, skb_iif, from_ingress): the device it was
   * taken from, and whether it was taken on the way in; an ifb sends it back there
   */
  redirected?: { iif: Link; fromIngress: boolean };
  /** tc_skip_classify: an ifb gave it back, so the ingress filters that took it are not run again */
  skipClassify?: boolean;
}

/** One VLAN tag: its TPID (0x8100 for 802.1Q, 0x88a8 for 802.1ad) and its VLAN id. */
export interface VlanTag {
  tpid: number;
  vid: number;
}

/** An IPv6 packet: the header and what the simulator models of its payload. */
export interface Ip6Packet {
  ip6: Ipv6Repr;
  icmp6: Icmp6Repr | null;
  udp: UdpRepr | null;
  /** a TCP segment (sim/tcp.ts, either family) */
  tcp?: TcpRepr | null;
  /** a tunnel's payload (the encapsulated frame) */
  inner: Frame | null;
  /** the VXLAN header's network id, when `inner` is a VXLAN payload */
  vni?: number;
  /** sent in fragments of at most this many bytes (the sender's path MTU was smaller than the packet) */
  fragMtu?: number;
  /** netfilter's state on the packet (sim/netfilter/skb.ts) */
  nf?: PacketNf;
}

/** Either family's packet, as the neighbour layer queues them. */
export type AnyPacket = IpPacket | Ip6Packet;

export function isIp6Packet(p: AnyPacket): p is Ip6Packet {
  return 'ip6' in p;
}

/** An ICMPv6 packet with its header filled in (length from the message). */
export function icmp6Packet(src: Ip6, dst: Ip6, hopLimit: number, icmp6: Icmp6Repr): Ip6Packet {
  return {
    ip6: { src, dst, hopLimit, nextHeader: NEXTHDR.icmpv6, tclass: 0, flowLabel: 0, payloadLen: icmp6Length(icmp6) },
    icmp6,
    udp: null,
    inner: null,
  };
}

/** One-line description of an IPv6 packet for traces. */
export function describe6(pkt: Ip6Packet): string {
  const i = pkt.icmp6;
  let what = `next header ${pkt.ip6.nextHeader}`;
  if (i) what = icmp6Name(i);
  else if (pkt.udp) what = `UDP ${pkt.udp.srcPort} > ${pkt.udp.dstPort}`;
  else if (pkt.tcp) what = `TCP ${pkt.tcp.srcPort} > ${pkt.tcp.dstPort} ${tcpFlagsText(pkt.tcp.flags)}`;
  return `${what} ${formatIp6(pkt.ip6.src)} > ${formatIp6(pkt.ip6.dst)} hlim ${pkt.ip6.hopLimit}`;
}

function icmp6Name(i: Icmp6Repr): string {
  switch (i.type) {
    case 128:
      return `echo request seq ${i.seq}`;
    case 129:
      return `echo reply seq ${i.seq}`;
    case 133:
      return 'router solicitation';
    case 134:
      return 'router advertisement';
    case 135:
      return `neighbour solicitation for ${formatIp6(i.target)}`;
    case 136:
      return `neighbour advertisement for ${formatIp6(i.target)}`;
    case 143:
      return 'MLDv2 report';
    default:
      return `ICMPv6 type ${i.type} code ${i.code}`;
  }
}

/** An ICMP packet with its IP header filled in (length from the message). */
export function icmpPacket(src: number, dst: number, ttl: number, id: number, icmp: IcmpRepr): IpPacket {
  return {
    ip: { src, dst, ttl, protocol: IP_PROTO.icmp, id, tos: 0, df: false, payloadLen: icmpLength(icmp) },
    icmp,
    udp: null,
    inner: null,
  };
}

/** A copy of the header and the echo or UDP header it carries: what an ICMP error quotes. */
export function quote(p: IpPacket): { ip: Ipv4Repr; echo: IcmpEchoRepr | null; udp?: UdpRepr | null; tcp?: TcpRepr | null } {
  const icmp = p.icmp;
  const q = { ip: { ...p.ip }, echo: icmp && isEcho(icmp) ? { ...icmp } : null };
  // the first 8 bytes of a UDP datagram are its header: the ports a socket is found by (udp_err);
  // of a TCP segment, its ports and sequence number (tcp_v4_err)
  if (p.tcp) return { ...q, tcp: { ...p.tcp, data: undefined } };
  return p.udp ? { ...q, udp: { ...p.udp } } : q;
}

/** skb->pkt_type: what the link layer made of a frame's destination MAC. */
export type PktType = 'host' | 'broadcast' | 'multicast' | 'otherhost';

/** One-line description of a packet for traces. */
export function describe(pkt: IpPacket): string {
  const i = pkt.icmp;
  let what = `proto ${pkt.ip.protocol}`;
  if (i) {
    if (i.type === 8) what = `echo request seq ${i.seq}`;
    else if (i.type === 0) what = `echo reply seq ${i.seq}`;
    else if (i.type === 3) what = `ICMP unreachable code ${i.code}`;
    else if (i.type === 11) what = `ICMP time exceeded`;
    else if (i.type === 5) what = `ICMP redirect`;
    else what = `ICMP type ${i.type}`;
  } else if (pkt.udp) {
    what = `UDP ${pkt.udp.srcPort} > ${pkt.udp.dstPort}`;
  } else if (pkt.tcp) {
    what = `TCP ${pkt.tcp.srcPort} > ${pkt.tcp.dstPort} ${tcpFlagsText(pkt.tcp.flags)}`;
  }
  return `${what} ${ip4ToString(pkt.ip.src)} > ${ip4ToString(pkt.ip.dst)} ttl ${pkt.ip.ttl}`;
}
