/**
 * ipvlan (drivers/net/ipvlan/ipvlan_core.c). Every ipvlan of a port has its lower device's MAC,
 * so the port tells them apart by their IP addresses (ipvlan_addr_lookup: an ARP's target, an
 * IPv4 or IPv6 destination, whichever namespace the ipvlan is in).
 * - l2 (ipvlan_xmit_mode_l2): a frame to the shared MAC goes to the ipvlan holding its
 *   destination (dropped in private mode), else to the lower device's own stack
 *   (dev_forward_skb); a broadcast or multicast is copied to the port's other ipvlans that are
 *   up and sent out; anything else leaves through the lower device. Vepa mode sends all unicast
 *   out.
 * - l3 (ipvlan_xmit_mode_l3): a packet for another ipvlan goes to it (not in vepa mode; dropped
 *   in private mode); any other loses its Ethernet header (a multicast one is dropped) and is
 *   routed in the lower device's namespace out of the lower device (ipvlan_process_outbound:
 *   FLOWI_FLAG_ANYSRC, so the source needs not be local there).
 * - On the lower device (ipvlan_handle_frame): a broadcast or multicast from outside reaches the
 *   ipvlans in l2 mode and the lower device too; a unicast one for an ipvlan's address goes to
 *   it (l2 and l3); anything else is the lower device's. An l3s port leaves every frame to the
 *   lower device's stack, which the model does not route into the ipvlans (netfilter's l3mdev
 *   hooks): such frames are dropped with a trace.
 */
import type { Link } from '../../src/model/link.js';
import { ipvlansOn } from '../../src/model/kinds/ipvlan-port.js';
import { routeOutput } from '../../src/model/route-output.js';
import { ip4ToString } from '../../src/model/ip.js';
import { copyFrame } from '../bridge.js';
import { ipOutput } from '../ip-output.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { BROADCAST, isGroupMac } from '../wire/ethernet.js';
import type { LinkDriver } from './driver.js';

/** ICMPv6 neighbour solicitation: its target, not its destination, names the ipvlan. */
const ND_NEIGHBOR_SOLICIT = 135;

/** ipvlan_addr_lookup: the ipvlan of the port holding the frame's destination address. */
function owner(lower: Link, frame: Frame): Link | null {
  if (frame.arp) {
    const tpa = frame.arp.tpa;
    return ipvlansOn(lower).find((u) => u.addrs.some((a) => a.local === tpa)) ?? null;
  }
  if (frame.pkt) {
    const dst = frame.pkt.ip.dst;
    return ipvlansOn(lower).find((u) => u.addrs.some((a) => a.local === dst)) ?? null;
  }
  if (frame.pkt6) {
    const icmp6 = frame.pkt6.icmp6;
    const dst = icmp6?.type === ND_NEIGHBOR_SOLICIT && 'target' in icmp6 ? icmp6.target : frame.pkt6.ip6.dst;
    return ipvlansOn(lower).find((u) => u.inet6.addrs.some((a) => a.addr === dst)) ?? null;
  }
  return null;
}

/** NET_XMIT_DROP from ipvlan_queue_xmit: the sender's sendmsg reads ENOBUFS. */
function dropOnXmit(sim: Simulator, dev: Link, why: string): void {
  sim.txDropped++;
  if (sim.tracer) sim.stepDrop(dev.ns, 'ipvlan', why);
}

/** ipvlan_rcv_frame(local): to another ipvlan of the port, if it is up. */
function toSibling(sim: Simulator, from: Link, to: Link, frame: Frame): void {
  if (!to.up) {
    if (sim.tracer) sim.stepDrop(from.ns, 'link-down', `${to.name} (ipvlan on ${from.ipvlan!.lower.name}) is down`);
    return;
  }
  if (sim.tracer) sim.step(from.ns, 'xmit', `${from.name} -> ${to.name}${to.ns !== from.ns ? ` in ${to.ns.path}` : ''}: ipvlan, by its address`);
  sim.wire(from, to, frame);
}

/** ipvlan_multicast_enqueue / ipvlan_process_multicast: a copy to each ipvlan of the port that is up, other than `src`. */
function multicast(sim: Simulator, lower: Link, src: Link | null, frame: Frame): void {
  const pktType = frame.eth.dst === BROADCAST ? 'broadcast' : 'multicast';
  for (const u of ipvlansOn(lower)) {
    if (u === src || !u.up) continue;
    if (sim.tracer) sim.step(lower.ns, 'xmit', `${lower.name} -> ${u.name}: ipvlan ${pktType}`);
    sim.receive(u, copyFrame(frame), pktType);
  }
}

/**
 * ipvlan_xmit_mode_l2/l3's first step: a frame to an address a sibling holds goes to it (a
 * private port drops it instead); false when no sibling holds it.
 */
function toOwner(sim: Simulator, dev: Link, frame: Frame): boolean {
  const lower = dev.ipvlan!.lower;
  const to = owner(lower, frame);
  if (!to) return false;
  if (lower.ipvlanPort!.flag === 'private') dropOnXmit(sim, dev, `${dev.name}: private ipvlan port, ${to.name} is not reached`);
  else toSibling(sim, dev, to, frame);
  return true;
}

function xmitL2(sim: Simulator, dev: Link, frame: Frame): void {
  const lower = dev.ipvlan!.lower;
  const port = lower.ipvlanPort!;
  if (port.flag !== 'vepa' && frame.eth.dst === frame.eth.src) {
    if (toOwner(sim, dev, frame)) return;
    // dev_forward_skb to the lower device: its own stack (the rx_handler passes it)
    if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name} -> ${lower.name}: ipvlan, to the lower device's stack`);
    sim.wire(dev, lower, frame);
    return;
  }
  if (isGroupMac(frame.eth.dst)) multicast(sim, lower, dev, frame);
  sim.xmit(lower, frame);
}

function xmitL3(sim: Simulator, dev: Link, frame: Frame): void {
  const lower = dev.ipvlan!.lower;
  const port = lower.ipvlanPort!;
  if (port.flag !== 'vepa' && toOwner(sim, dev, frame)) return;
  if (isGroupMac(frame.eth.dst)) {
    dropOnXmit(sim, dev, `${dev.name}: an l3 ipvlan sends no broadcast or multicast`);
    return;
  }
  const pkt = frame.pkt;
  if (!pkt) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'ipvlan', `${dev.name}: the model routes only IPv4 out of an l3 ipvlan's lower device`);
    return;
  }
  const st = sim.state(lower.ns);
  const res = routeOutput(st, { dst: pkt.ip.dst, src: 0, oif: lower });
  if (!res.ok) {
    sim.txDropped++;
    if (sim.tracer) sim.stepDrop(lower.ns, 'no-route', `${dev.name}: no route to ${ip4ToString(pkt.ip.dst)} out of ${lower.name} (${res.errno})`);
    return;
  }
  if (sim.tracer) sim.step(lower.ns, 'route', `${dev.name}: routed in ${lower.ns.path} out of ${res.rt.dev.name}`);
  ipOutput(sim, st, pkt, res.rt);
}

export const ipvlanDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    if (dev.ipvlan!.lower.ipvlanPort!.mode === 'l2') xmitL2(sim, dev, frame);
    else xmitL3(sim, dev, frame);
  },
  rx(sim, lower, frame) {
    const mode = lower.ipvlanPort!.mode;
    if (mode === 'l3s') return false;
    if (isGroupMac(frame.eth.dst)) {
      // ipvlan_external_frame: the port's own frames, back from the wire, are not copied again
      if (mode === 'l2' && frame.eth.src !== lower.mac) multicast(sim, lower, null, frame);
      return false;
    }
    const to = owner(lower, frame);
    if (!to) return false;
    if (sim.tracer) sim.step(lower.ns, 'xmit', `${lower.name} -> ${to.name}${to.ns !== lower.ns ? ` in ${to.ns.path}` : ''}: ipvlan, by its address`);
    sim.receive(to, frame);
    return true;
  },
};
