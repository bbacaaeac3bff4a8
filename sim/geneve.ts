/**
 * Geneve's data path (RFC 8926; drivers/net/geneve.c geneve_xmit_skb, geneve_udp_encap_recv):
 * a frame the device sends is put in UDP to its one remote's port (6081 by default), from the
 * address the route gives, with a source port hashed from the inner flow, and routed over the
 * underlay of the device's namespace. A datagram to the port of a Geneve device that is up is
 * handed to the device with its id and that remote (geneve_lookup), decapsulated; one no
 * device takes is dropped.
 */
import { ip4ToString } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { routeOutput } from '../src/model/route-output.js';
import { ipOutput } from './ip-output.js';
import type { NsState } from './ns-state.js';
import type { Frame, IpPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import { cloneFrame, l2Length } from './tunnel-frame.js';
import { DEFAULT_TTL, IP_PROTO } from './wire/ipv4.js';
import { UDP_HEADER_LEN } from './wire/udp.js';

/** The Geneve header without options */
const GENEVE_HEADER_LEN = 8;
const SRC_PORT_LOW = 32768;
const SRC_PORT_HIGH = 61000;

/** udp_flow_src_port: a hash of the inner flow, so one flow keeps one source port. */
function srcPort(frame: Frame): number {
  const key = frame.pkt ? `${frame.pkt.ip.src}>${frame.pkt.ip.dst}/${frame.pkt.ip.protocol}` : `${frame.eth.src}>${frame.eth.dst}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return SRC_PORT_LOW + (h % (SRC_PORT_HIGH - SRC_PORT_LOW));
}

/** geneve_xmit_skb: one UDP datagram to the remote. */
export function geneveXmit(sim: Simulator, dev: Link, frame: Frame): void {
  const g = dev.geneve!;
  const st = sim.state(dev.ns);
  const res = routeOutput(st, { dst: g.remote, src: 0, oif: null });
  if (!res.ok) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'no-route', `${dev.name}: no route to the Geneve remote ${ip4ToString(g.remote)} (${res.errno})`);
    return;
  }
  if (res.rt.dev === dev) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'loop', `${dev.name}: the route to the Geneve remote ${ip4ToString(g.remote)} goes through ${dev.name} itself`);
    return;
  }
  const inner = cloneFrame(frame);
  const payload = GENEVE_HEADER_LEN + l2Length(inner);
  const pkt: IpPacket = {
    ip: { src: res.rt.saddr, dst: g.remote, ttl: g.ttl || DEFAULT_TTL, protocol: IP_PROTO.udp, id: st.nextIpId(), tos: 0, df: false, payloadLen: UDP_HEADER_LEN + payload },
    icmp: null,
    udp: { srcPort: srcPort(frame), dstPort: g.dstport, payloadLen: payload },
    inner,
    vni: g.id,
  };
  if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: Geneve id ${g.id} to ${ip4ToString(g.remote)}:${g.dstport} from ${ip4ToString(res.rt.saddr)}`);
  ipOutput(sim, st, pkt, res.rt);
}

/**
 * geneve_udp_encap_recv for a UDP datagram delivered to this namespace: true when a Geneve
 * socket took it (decapsulated or dropped), false when no Geneve device listens on its port.
 */
export function geneveRcv(sim: Simulator, st: NsState, dev: Link, pkt: IpPacket): boolean {
  const u = pkt.udp!;
  const ns = st.ns;
  const listening = ns.linkList().filter((l) => l.geneve && l.up && l.geneve.dstport === u.dstPort);
  if (!listening.length) return false;
  const target = listening.find((l) => l.geneve!.id === pkt.vni && l.geneve!.remote === pkt.ip.src);
  if (!target || !pkt.inner) {
    sim.drop(ns, 'no-socket', `Geneve datagram on port ${u.dstPort} from ${ip4ToString(pkt.ip.src)} with id ${pkt.vni ?? 'none'}: no device here has that id and remote`, pkt, dev);
    return true;
  }
  const frame = cloneFrame(pkt.inner);
  if (sim.tracer) sim.step(ns, 'rx', `${target.name}: Geneve id ${pkt.vni} from ${ip4ToString(pkt.ip.src)} decapsulated (${frame.eth.src} > ${frame.eth.dst})`);
  sim.receive(target, frame);
  return true;
}
