/**
 * A frame as a tunnel carries it: its size on the wire (what the outer headers are added to)
 * and a deep copy, because the far end of a tunnel may forward it (TTL decremented in place)
 * while the same frame is still travelling to another remote.
 */
import type { Frame, IpPacket } from './packet.js';
import { ETH_HEADER_LEN } from './wire/ethernet.js';
import { IPV4_HEADER_LEN } from './wire/ipv4.js';

const ARP_LEN = 28;
const IP6_HEADER_LEN = 40;

/** Bytes of the layer-3 packet (what a tun device reads and writes). */
export function l3Length(f: Frame): number {
  if (f.pkt) return IPV4_HEADER_LEN + f.pkt.ip.payloadLen;
  if (f.arp) return ARP_LEN;
  if (f.pkt6) return IP6_HEADER_LEN + f.pkt6.ip6.payloadLen;
  return 0;
}

/** Bytes of the Ethernet frame without FCS (what a VXLAN carries). */
export function l2Length(f: Frame): number {
  return ETH_HEADER_LEN + l3Length(f);
}

function clonePacket(p: IpPacket): IpPacket {
  return {
    ...p,
    ip: { ...p.ip },
    icmp: p.icmp ? { ...p.icmp } : null,
    udp: p.udp ? { ...p.udp } : null,
    inner: p.inner ? cloneFrame(p.inner) : null,
  };
}

/** A copy that shares nothing mutable with the original. */
export function cloneFrame(f: Frame): Frame {
  const c: Frame = { eth: { ...f.eth }, arp: f.arp ? { ...f.arp } : null, pkt: f.pkt ? clonePacket(f.pkt) : null, bridgeHops: 0 };
  if (f.pkt6) {
    const p = f.pkt6;
    c.pkt6 = { ...p, ip6: { ...p.ip6 }, icmp6: p.icmp6 ? { ...p.icmp6 } : null, udp: p.udp ? { ...p.udp } : null, inner: p.inner ? cloneFrame(p.inner) : null };
  }
  return c;
}
