/**
 * A frame's headers, layer by layer, as a packet analyser lists them (Ethernet, 802.1Q, ARP,
 * IPv4/IPv6, ICMP/ICMPv6/UDP/TCP, and a tunnel's inner frame after its VXLAN or GRE header):
 * what `explain --json` attaches to each frame a step sees cross a link, and what the web
 * view's step panel shows. Values are the wire's (TTL after this hop's decrement, lengths with
 * headers), taken from the same reprs the pcap writer encodes, so a capture of the kernel's run
 * (test/real/pcap*.test.ts) holds the same fields.
 */
import { ip4ToString } from '../src/model/ip.js';
import { formatIp6 } from '../src/model/ipv6/ip6.js';
import { optionsLen, type Frame, type Ip6Packet, type IpPacket } from './packet.js';
import { icmpLength, isEcho, type IcmpRepr } from './wire/icmp.js';
import type { Icmp6Repr } from './wire/icmpv6.js';
import { tcpFlagsText, type TcpRepr } from './wire/tcp.js';
import type { UdpRepr } from './wire/udp.js';

/** One protocol layer: its name and its fields in wire order. */
export interface HeaderLayer {
  layer: string;
  fields: Record<string, string | number | boolean>;
}

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/**
 * The layers of `frame`, outermost first.
 *
 * @example
 * frameHeaders(frame).map((l) => l.layer); // ['Ethernet', 'IPv4', 'ICMP']
 */
export function frameHeaders(frame: Frame): HeaderLayer[] {
  const out: HeaderLayer[] = [{ layer: 'Ethernet', fields: { src: frame.eth.src, dst: frame.eth.dst, type: hex4(frame.tags?.[0]?.tpid ?? frame.eth.ethertype) } }];
  const tags = frame.tags ?? [];
  tags.forEach((t, i) => {
    out.push({ layer: t.tpid === 0x88a8 ? '802.1ad' : '802.1Q', fields: { vid: t.vid, type: hex4(tags[i + 1]?.tpid ?? frame.eth.ethertype) } });
  });
  if (frame.arp) {
    const a = frame.arp;
    out.push({ layer: 'ARP', fields: { op: a.op === 1 ? 'request' : 'reply', sha: a.sha, spa: ip4ToString(a.spa), tha: a.tha, tpa: ip4ToString(a.tpa) } });
  } else if (frame.pkt) ip4Layers(frame.pkt, out);
  else if (frame.pkt6) ip6Layers(frame.pkt6, out);
  return out;
}

function ip4Layers(p: IpPacket, out: HeaderLayer[]): void {
  const ip = p.ip;
  const fields: HeaderLayer['fields'] = {
    src: ip4ToString(ip.src),
    dst: ip4ToString(ip.dst),
    ttl: ip.ttl,
    protocol: ip.protocol,
    id: ip.id,
    tos: ip.tos,
    df: ip.df,
    length: 20 + optionsLen(p) + ip.payloadLen,
  };
  if (ip.fragOffset || ip.mf) Object.assign(fields, { fragOffset: ip.fragOffset ?? 0, mf: !!ip.mf });
  if (p.rr) fields.recordRoute = p.rr.map(ip4ToString).join(' ');
  out.push({ layer: 'IPv4', fields });
  if (ip.fragOffset) return;
  if (p.icmp) out.push(icmpLayer(p.icmp));
  else if (p.tcp) out.push(tcpLayer(p.tcp));
  else if (p.udp) out.push(udpLayer(p.udp));
  tunnelLayers(p, ip.protocol === 47 ? 'GRE' : 'VXLAN', out);
}

function ip6Layers(p: Ip6Packet, out: HeaderLayer[]): void {
  const h = p.ip6;
  out.push({
    layer: 'IPv6',
    fields: { src: formatIp6(h.src), dst: formatIp6(h.dst), hopLimit: h.hopLimit, nextHeader: h.nextHeader, tclass: h.tclass, flowLabel: h.flowLabel, payloadLength: h.payloadLen },
  });
  const tcp = (p as { tcp?: TcpRepr | null }).tcp;
  if (p.icmp6) out.push(icmp6Layer(p.icmp6));
  else if (tcp) out.push(tcpLayer(tcp));
  else if (p.udp) out.push(udpLayer(p.udp));
  tunnelLayers(p, 'VXLAN', out);
}

/** A tunnel's own header and the frame it carries (VXLAN's inner frame has its Ethernet header, GRE's IP payload too as the simulator keeps it). */
function tunnelLayers(p: IpPacket | Ip6Packet, kind: 'VXLAN' | 'GRE', out: HeaderLayer[]): void {
  if (!p.inner) return;
  if (kind === 'VXLAN' && p.vni !== undefined) out.push({ layer: 'VXLAN', fields: { vni: p.vni } });
  else if (kind === 'GRE' && 'greKey' in p && p.greKey !== undefined) out.push({ layer: 'GRE', fields: { key: p.greKey } });
  else if (kind === 'GRE') out.push({ layer: 'GRE', fields: {} });
  for (const l of frameHeaders(p.inner)) out.push({ layer: `inner ${l.layer}`, fields: l.fields });
}

function icmpLayer(i: IcmpRepr): HeaderLayer {
  if (isEcho(i)) return { layer: 'ICMP', fields: { type: i.type, name: i.type === 8 ? 'echo request' : 'echo reply', code: 0, id: i.ident, seq: i.seq, length: icmpLength(i) } };
  const name = i.type === 3 ? 'destination unreachable' : i.type === 11 ? 'time exceeded' : i.type === 5 ? 'redirect' : 'parameter problem';
  return { layer: 'ICMP', fields: { type: i.type, name, code: i.code, quoting: `${ip4ToString(i.original.ip.src)} > ${ip4ToString(i.original.ip.dst)} protocol ${i.original.ip.protocol}` } };
}

const ICMP6_NAMES: Record<number, string> = {
  1: 'destination unreachable',
  2: 'packet too big',
  3: 'time exceeded',
  4: 'parameter problem',
  128: 'echo request',
  129: 'echo reply',
  133: 'router solicitation',
  134: 'router advertisement',
  135: 'neighbour solicitation',
  136: 'neighbour advertisement',
  143: 'MLDv2 report',
};

function icmp6Layer(i: Icmp6Repr): HeaderLayer {
  const fields: HeaderLayer['fields'] = { type: i.type, name: ICMP6_NAMES[i.type] ?? 'other', code: i.code };
  if ('seq' in i && 'ident' in i) Object.assign(fields, { id: i.ident, seq: i.seq });
  if ('target' in i && i.target) fields.target = formatIp6(i.target);
  return { layer: 'ICMPv6', fields };
}

function udpLayer(u: UdpRepr): HeaderLayer {
  return { layer: 'UDP', fields: { srcPort: u.srcPort, dstPort: u.dstPort, length: 8 + u.payloadLen } };
}

function tcpLayer(t: TcpRepr): HeaderLayer {
  return { layer: 'TCP', fields: { srcPort: t.srcPort, dstPort: t.dstPort, flags: tcpFlagsText(t.flags) || '.', seq: t.seq, ack: t.ack, payload: t.payloadLen } };
}
