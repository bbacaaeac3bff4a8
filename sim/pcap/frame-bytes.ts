/**
 * The bytes of a simulated frame, as a capture on the device would hold them. The forwarding
 * engine carries parsed `Repr`s; only a capture pays for emitting them (STYLE: sim/wire/).
 * A packet is one mutable object along its path (TTL drops in place), so a capture must take
 * the bytes when it sees the frame, not later.
 */
import type { Frame, Ip6Packet, IpPacket } from '../packet.js';
import { emitIcmp6 } from '../wire/icmpv6.js';
import { emitIpv6, NEXTHDR, pseudoHeaderSum } from '../wire/ipv6.js';
import { emitArp } from '../wire/arp.js';
import { emitEthernet, ETHERTYPE } from '../wire/ethernet.js';
import { emitIcmp } from '../wire/icmp.js';
import { emitIpv4, IPV4_HEADER_LEN } from '../wire/ipv4.js';
import { emitUdp } from '../wire/udp.js';
import { emitTcp } from '../wire/tcp.js';

/**
 * The IPv4 packet (header and payload). A UDP tunnel's payload is its inner frame's IP packet
 * when the simulator carries one; a payload the engine does not model is zeros of its length.
 */
export function packetBytes(p: IpPacket): Uint8Array {
  let payload: Uint8Array;
  if (p.whole) {
    // a fragment: its slice of the whole packet's payload
    const off = IPV4_HEADER_LEN + (p.ip.fragOffset ?? 0);
    payload = packetBytes(p.whole).subarray(off, off + p.ip.payloadLen);
  } else if (p.icmp) payload = emitIcmp(p.icmp);
  else if (p.udp) {
    const inner = p.inner?.pkt ? packetBytes(p.inner.pkt) : new Uint8Array(p.udp.payloadLen);
    payload = emitUdp(p.udp, inner);
  } else if (p.tcp) payload = emitTcp(p.tcp, p.ip.src, p.ip.dst, p.ip.payloadLen);
  else if (p.inner && (p.inner.pkt || p.inner.pkt6)) payload = tunnelPayload(p, p.inner.pkt ? packetBytes(p.inner.pkt) : packetBytes6(p.inner.pkt6!));
  else payload = new Uint8Array(p.ip.payloadLen);
  return emitIpv4(p.ip, payload);
}

/** An IP tunnel's payload (sim/iptnl.ts): the inner packet, behind a GRE header (RFC 2890: K bit and key) for GRE. */
function tunnelPayload(p: IpPacket, inner: Uint8Array): Uint8Array {
  if (p.ip.protocol !== 47) return inner;
  const keyed = p.greKey !== undefined;
  const out = new Uint8Array((keyed ? 8 : 4) + inner.length);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, keyed ? 0x2000 : 0);
  dv.setUint16(2, p.inner!.pkt ? ETHERTYPE.ipv4 : ETHERTYPE.ipv6);
  if (keyed) dv.setUint32(4, p.greKey! >>> 0);
  out.set(inner, keyed ? 8 : 4);
  return out;
}

/**
 * The IPv6 packet: header, the hop-by-hop router alert an MLD report carries, then ICMPv6,
 * UDP (a tunnel's inner packet as its payload) or TCP; a payload the engine does not model is zeros.
 */
export function packetBytes6(p: Ip6Packet): Uint8Array {
  const h = p.ip6;
  let payload: Uint8Array;
  if (p.icmp6) payload = emitIcmp6(p.icmp6, h.src, h.dst);
  else if (p.udp) {
    const inner = p.inner?.pkt ? packetBytes(p.inner.pkt) : p.inner?.pkt6 ? packetBytes6(p.inner.pkt6) : new Uint8Array(p.udp.payloadLen);
    payload = emitUdp(p.udp, inner);
  } else if (p.tcp) payload = emitTcp(p.tcp, 0, 0, h.payloadLen, pseudoHeaderSum(h.src, h.dst, h.payloadLen, NEXTHDR.tcp));
  else payload = new Uint8Array(h.payloadLen);
  if (h.nextHeader === NEXTHDR.hopopts) {
    // next header ICMPv6, length 0 (8 bytes), router alert (MLD), PadN
    const hbh = new Uint8Array(8 + payload.length);
    hbh.set([58, 0, 5, 2, 0, 0, 1, 0]);
    hbh.set(payload, 8);
    payload = hbh;
  }
  return emitIpv6(h, payload);
}

/**
 * An Ethernet frame: header, then ARP, IPv4 or IPv6. No padding to 60 bytes: veth and bridges do not
 * pad, and a capture on the sender never shows padding.
 *
 * @example
 * frameBytes(frame).length; // 42 for an ARP request
 */
export function frameBytes(f: Frame): Uint8Array {
  const b = untaggedBytes(f);
  if (!f.tags?.length) return b;
  // the tags sit between the source MAC and the ethertype, outermost first
  const out = new Uint8Array(b.length + 4 * f.tags.length);
  out.set(b.subarray(0, 12));
  for (const [i, t] of f.tags.entries()) out.set([t.tpid >> 8, t.tpid & 0xff, (t.vid >> 8) & 0x0f, t.vid & 0xff], 12 + 4 * i);
  out.set(b.subarray(12), 12 + 4 * f.tags.length);
  return out;
}

function untaggedBytes(f: Frame): Uint8Array {
  if (f.arp && f.eth.ethertype === ETHERTYPE.arp) return emitEthernet(f.eth, emitArp(f.arp));
  if (f.pkt && f.eth.ethertype === ETHERTYPE.ipv4) return emitEthernet(f.eth, packetBytes(f.pkt));
  if (f.pkt6 && f.eth.ethertype === ETHERTYPE.ipv6) return emitEthernet(f.eth, packetBytes6(f.pkt6));
  return emitEthernet(f.eth, new Uint8Array(0));
}
