/**
 * Sending a locally generated IPv6 packet along its route (net/ipv6/ip6_output.c ip6_output,
 * ip6_finish_output2, ip6_mc_output): a local destination loops back through lo (dropped when
 * lo is down); a multicast one goes out with its 33:33 group MAC, and a copy is looped back
 * when the device listens to the group and the socket asked for it; a unicast one goes to the
 * neighbour layer toward the gateway or the destination itself (a NOARP device such as a tun
 * sends at once).
 */
import { packetBytes6 } from '../pcap/frame-bytes.js';
import { formatIp6, ip6MulticastMac, isIp6Multicast, type Ip6 } from '../../src/model/ipv6/ip6.js';
import type { Link } from '../../src/model/link.js';
import type { Rt6Entry } from '../../src/model/ipv6/route6.js';
import { neighResolve } from '../neighbor.js';
import type { NsState } from '../ns-state.js';
import { describe6, type Ip6Packet } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { ETHERTYPE } from '../wire/ethernet.js';
import { IPV6_HEADER_LEN } from '../wire/ipv6.js';
import { ip6LocalDeliver } from './ip6-deliver.js';
import { joined6 } from './mld.js';
import { nfHook6, nfLocalOutRoute6, type Verdict6 } from '../netfilter/hook6.js';

/** Hands a frame with `pkt` to `dev` addressed to `mac` (the device's broadcast for a NOARP one). */
export function xmit6(sim: Simulator, dev: Link, mac: string, pkt: Ip6Packet): void {
  sim.xmit(dev, { eth: { src: dev.mac, dst: mac, ethertype: ETHERTYPE.ipv6 }, arp: null, pkt: null, pkt6: pkt, bridgeHops: 0 });
}

/** Loops `pkt` back to this host through lo (loopback_xmit), to be received on `iif`. */
function loopBack(sim: Simulator, st: NsState, lo: Link, iif: Link, pkt: Ip6Packet): void {
  const ns = st.ns;
  if (!lo.up) {
    if (sim.tracer) sim.stepDrop(ns, 'lo-down', `${formatIp6(pkt.ip6.dst)} is local but lo is down`);
    return;
  }
  if (sim.tracer) sim.step(ns, 'xmit', `${describe6(pkt)} to local ${formatIp6(pkt.ip6.dst)} through lo`);
  sim.counters.loopback(lo, packetBytes6(pkt).length);
  sim.queue.after(sim.latency, () => {
    if (!sim.isLive(lo) || !lo.up) {
      if (sim.tracer) sim.stepDrop(ns, 'lo-down', 'lo went down');
      return;
    }
    if (sim.events.wants('frame:rx')) {
      const eth = { src: lo.mac, dst: lo.mac, ethertype: ETHERTYPE.ipv6 };
      sim.events.emit('frame:rx', { t: sim.now, ns: ns.path, dev: lo.name, src: eth.src, dst: eth.dst, ethertype: eth.ethertype, frame: { eth, arp: null, pkt: null, pkt6: pkt, bridgeHops: 0 } });
    }
    // received again through lo: NF_INET_PRE_ROUTING (in lo), then local delivery's LOCAL_IN
    if (!nfHook6(sim, st, pkt, { hook: 'prerouting', in: lo, out: null })) return;
    ip6LocalDeliver(sim, st, lo, iif, pkt);
  });
}

/**
 * ip6_local_out for a packet on its resolved route: netfilter's OUTPUT and POSTROUTING, then
 * ip6_output; what netfilter did is returned. `mcLoop`: a multicast copy for this host too
 * (a socket's IPV6_MULTICAST_LOOP; the kernel's own neighbour discovery never loops).
 */
export function ip6Output(sim: Simulator, st: NsState, pkt: Ip6Packet, rt: Rt6Entry, mcLoop = true): Verdict6 {
  const ns = st.ns;
  const out = nfLocalOutRoute6(sim, st, pkt, rt);
  if (out.verdict !== 'accept') return out.verdict;
  send6(sim, st, ns, pkt.ip6.dst, pkt, out.rt, mcLoop);
  return 'accept';
}

function send6(sim: Simulator, st: NsState, ns: NsState['ns'], dst: Ip6, pkt: Ip6Packet, rt: Rt6Entry, mcLoop: boolean): void {
  if (rt.dev.kind === 'loopback' && !isIp6Multicast(dst)) {
    loopBack(sim, st, rt.dev, rt.localDev ?? rt.dev, pkt);
    return;
  }
  const dev = rt.dev;
  if (isIp6Multicast(dst)) {
    if (mcLoop && joined6(dev, dst)) {
      const lo = ns.linkList().find((l) => l.kind === 'loopback');
      if (lo) loopBack(sim, st, lo, dev, { ...pkt, ip6: { ...pkt.ip6 } });
    }
    if (sim.tracer) sim.step(ns, 'xmit', `${describe6(pkt)} multicast on ${dev.name}`);
    xmit6(sim, dev, dev.noarp ? dev.brd : ip6MulticastMac(dst), pkt);
    return;
  }
  // ip6_fragment: a packet larger than the path MTU leaves in fragments
  const mtu = Math.min(rt.pmtu?.mtu ?? Infinity, rt.route.mtu ?? dev.mtu, dev.mtu);
  if (IPV6_HEADER_LEN + pkt.ip6.payloadLen > mtu) pkt.fragMtu = mtu;
  const nh: Ip6 = rt.gateway ?? dst;
  if (sim.tracer) sim.step(ns, 'route', `${describe6(pkt)} out ${dev.name}${rt.gateway !== null ? ` via ${formatIp6(rt.gateway)}` : ''}`);
  neigh6Output(sim, st, dev, nh, pkt);
}

/** The neighbour layer for IPv6: NOARP devices and entries added by hand need no discovery. */
export function neigh6Output(sim: Simulator, st: NsState, dev: Link, nh: Ip6, pkt: Ip6Packet): void {
  if (dev.noarp || dev.kind === 'loopback') {
    xmit6(sim, dev, dev.brd, pkt);
    return;
  }
  const fixed = st.ns.inet6.neigh.get(`${dev.ifindex}|${nh}`);
  if (fixed && (fixed.state === 'permanent' || fixed.state === 'noarp') && fixed.lladdr) {
    xmit6(sim, dev, fixed.lladdr, pkt);
    return;
  }
  neighResolve(sim, st, dev, nh, pkt);
}
