/**
 * What travels through the simulator: an Ethernet frame carrying ARP or an IPv4 packet, kept as
 * parsed `Repr`s (bytes are made only for captures). A packet is one mutable object along its
 * path (TTL decreases in place); a bridge that floods copies the frame shell, not the packet,
 * because nothing after a flood rewrites it before the next copy is taken.
 */
import type { ArpRepr } from './wire/arp.js';
import type { EthernetRepr } from './wire/ethernet.js';
import { icmpLength, isEcho, type IcmpEchoRepr, type IcmpRepr } from './wire/icmp.js';
import { ip4ToString } from '../src/model/ip.js';
import { IP_PROTO, type Ipv4Repr } from './wire/ipv4.js';
import type { UdpRepr } from './wire/udp.js';
import type { PacketNf } from './netfilter/skb.js';

export interface IpPacket {
  ip: Ipv4Repr;
  icmp: IcmpRepr | null;
  udp: UdpRepr | null;
  /** a tunnel's payload (the encapsulated frame), for the tunnel hooks */
  inner: Frame | null;
  /** the VXLAN header's network id, when `inner` is a VXLAN payload */
  vni?: number;
  /** netfilter's state of the packet (conntrack, mark, bridge ports): sim/netfilter/skb.ts */
  nf?: PacketNf;
  /** a fragment (ip.fragOffset, ip.mf): the packet it is a piece of, whole, as its sender made it */
  whole?: IpPacket;
}

export interface Frame {
  eth: EthernetRepr;
  arp: ArpRepr | null;
  pkt: IpPacket | null;
  /** bridges crossed so far: a guard against loops without STP */
  bridgeHops: number;
  /** an IPv6 packet the kernel sends by itself (router solicitation): carried, never routed */
  ip6?: Ip6Stub;
}

/** An IPv6 packet the model does not route, only carries (through tunnels) and counts. */
export interface Ip6Stub {
  src: string;
  dst: string;
  /** bytes after the 40-byte header */
  payloadLen: number;
  /** what it is, for traces: `router solicitation` */
  what: string;
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
export function quote(p: IpPacket): { ip: Ipv4Repr; echo: IcmpEchoRepr | null; udp?: UdpRepr | null } {
  const icmp = p.icmp;
  const q = { ip: { ...p.ip }, echo: icmp && isEcho(icmp) ? { ...icmp } : null };
  // the first 8 bytes of a UDP datagram are its header: the ports a socket is found by (udp_err)
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
  }
  return `${what} ${ip4ToString(pkt.ip.src)} > ${ip4ToString(pkt.ip.dst)} ttl ${pkt.ip.ttl}`;
}
