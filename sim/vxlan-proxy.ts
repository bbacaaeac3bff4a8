/**
 * A VXLAN device with `proxy` (VXLAN_F_PROXY, drivers/net/vxlan/vxlan_core.c vxlan_xmit):
 * ARP never leaves it. arp_reduce answers a request from the device's own neighbour table (a
 * connected entry: permanent, noarp or reachable) with a reply received on the device, as if
 * the remote host had sent it, and drops every other ARP frame; neigh_reduce drops IPv6
 * neighbour solicitations the same way (answering them from the table is not modelled).
 */
import { ip4ToString, isMulticast } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { neighLookup } from './neighbor.js';
import type { Frame } from './packet.js';
import type { Simulator } from './simulator.js';
import { ARP_OP } from './wire/arp.js';
import { ETHERTYPE } from './wire/ethernet.js';

/** The neighbour's MAC when its entry is NUD_CONNECTED, else null. */
function connectedMac(sim: Simulator, dev: Link, ip: number): string | null {
  const fixed = dev.ns.staticNeigh.get(`${dev.ifindex}:${ip}`);
  if (fixed && (fixed.state === 'permanent' || fixed.state === 'noarp') && fixed.lladdr) return fixed.lladdr;
  const e = neighLookup(sim.state(dev.ns), dev, ip);
  return e && e.mac && (e.state === 'reachable' || e.state === 'permanent' || e.state === 'noarp') ? e.mac : null;
}

/** vxlan_xmit's proxy branch: true when the frame was ARP (or an NS) and is consumed here. */
export function vxlanProxy(sim: Simulator, dev: Link, frame: Frame): boolean {
  if (frame.pkt6?.icmp6?.type === 135) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'vxlan-proxy', `${dev.name}: neighbour solicitation kept back (proxy)`);
    return true;
  }
  if (frame.eth.ethertype !== ETHERTYPE.arp || !frame.arp) return false;
  const a = frame.arp;
  if (dev.noarp || a.op !== ARP_OP.request || a.tpa >>> 24 === 127 || isMulticast(a.tpa)) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'vxlan-proxy', `${dev.name}: ARP frame kept back (proxy)`);
    return true;
  }
  const mac = connectedMac(sim, dev, a.tpa);
  if (!mac) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'vxlan-proxy', `${dev.name}: who-has ${ip4ToString(a.tpa)}: no connected neighbour entry, not sent (proxy)`);
    return true;
  }
  // arp_create(ARPOP_REPLY, …, sip, dev, tip, sha, n->ha, sha), then netif_rx on the device
  const reply: Frame = {
    eth: { src: mac, dst: a.sha, ethertype: ETHERTYPE.arp },
    arp: { op: ARP_OP.reply, sha: mac, spa: a.tpa, tha: a.sha, tpa: a.spa },
    pkt: null,
    bridgeHops: 0,
  };
  if (sim.tracer) sim.step(dev.ns, 'arp', `${dev.name}: ${ip4ToString(a.tpa)} is-at ${mac}, answered by the proxy`);
  sim.receive(dev, reply);
  return true;
}
