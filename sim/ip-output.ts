/**
 * Sending a locally generated IPv4 packet along its output route (net/ipv4/ip_output.c
 * ip_finish_output2): local destinations loop back through `lo` (dropped when lo is down, with
 * no error), broadcast and multicast go out without resolution, unicast goes to the neighbour
 * layer toward the gateway or the destination itself. A packet larger than the route's path MTU
 * (src/model/pmtu.ts) is fragmented first (ip_finish_output → ip_fragment): a socket that
 * refuses fragmentation (IP_PMTUDISC_DO) has already failed with EMSGSIZE, and the others'
 * packets may be cut whatever their DF bit says (skb->ignore_df).
 */
import { ip4ToString } from '../src/model/ip.js';
import { localDeliver } from './ip-deliver.js';
import { neighOutput } from './neighbor.js';
import { nfHook, nfLocalOut } from './netfilter/hook.js';
import type { NsState } from './ns-state.js';
import { describe, type IpPacket } from './packet.js';
import { ipFragment, ipTotalLen } from './ip-fragment.js';
import { pathMtu } from '../src/model/pmtu.js';
import { loopsBack, type RtEntry } from '../src/model/route-output.js';
import type { Simulator } from './simulator.js';
import { BROADCAST, ETHERTYPE, multicastMac } from './wire/ethernet.js';

export function ipOutput(sim: Simulator, st: NsState, pkt: IpPacket, route: RtEntry): void {
  const ns = st.ns;
  const rt = nfLocalOut(sim, st, pkt, route);
  if (!rt) return;
  if (!nfHook(sim, st, pkt, { hook: 'postrouting', in: null, out: rt.dev, nexthop: rt.gateway ?? pkt.ip.dst })) return;
  if (loopsBack(rt)) {
    const lo = rt.dev;
    if (!lo.up) {
      sim.drop(ns, 'lo-down', `${ip4ToString(pkt.ip.dst)} is local but lo is down`, pkt, lo);
      return;
    }
    if (sim.tracer) sim.step(ns, 'xmit', `${describe(pkt)} to local ${ip4ToString(pkt.ip.dst)} through lo`);
    const iif = rt.localDev ?? lo;
    sim.counters.loopback(lo, ipTotalLen(pkt));
    sim.queue.after(sim.latency, () => {
      if (!sim.isLive(lo) || !lo.up) {
        sim.drop(ns, 'lo-down', 'lo went down', pkt, lo);
        return;
      }
      // loopback_xmit → netif_rx: what a capture on lo sees
      if (sim.events.wants('frame:rx')) {
        const eth = { src: lo.mac, dst: lo.mac, ethertype: ETHERTYPE.ipv4 };
        sim.events.emit('frame:rx', { t: sim.now, ns: ns.path, dev: lo.name, src: eth.src, dst: eth.dst, ethertype: eth.ethertype, frame: { eth, arp: null, pkt, bridgeHops: 0 } });
      }
      if (!nfHook(sim, st, pkt, { hook: 'prerouting', in: lo, out: null })) return;
      localDeliver(sim, st, lo, iif, pkt, false);
    });
    return;
  }
  const mtu = pathMtu(ns, rt.daddr, rt.route, rt.dev, sim.now);
  if (ipTotalLen(pkt) > mtu) {
    const frags = ipFragment(pkt, mtu);
    if (sim.tracer) sim.step(ns, 'xmit', `${describe(pkt)}: ${ipTotalLen(pkt)} bytes, MTU ${mtu}: sent in ${frags.length} fragments`);
    for (const f of frags) ipOutputOne(sim, st, f, rt);
    return;
  }
  ipOutputOne(sim, st, pkt, rt);
}

/** ip_finish_output2 for one packet or fragment that fits the MTU. */
function ipOutputOne(sim: Simulator, st: NsState, pkt: IpPacket, rt: RtEntry): void {
  const ns = st.ns;
  if (rt.type === 'broadcast' || rt.type === 'multicast') {
    const mac = rt.type === 'broadcast' ? BROADCAST : multicastMac(pkt.ip.dst);
    if (sim.tracer) sim.step(ns, 'xmit', `${describe(pkt)} ${rt.type} on ${rt.dev.name}`);
    sim.xmit(rt.dev, { eth: { src: rt.dev.mac, dst: mac, ethertype: ETHERTYPE.ipv4 }, arp: null, pkt, bridgeHops: 0 });
    return;
  }
  const nh = rt.gateway ?? pkt.ip.dst;
  if (sim.tracer) sim.step(ns, 'route', `${describe(pkt)} out ${rt.dev.name}${rt.gateway !== null ? ` via ${ip4ToString(rt.gateway)}` : ''} src ${ip4ToString(pkt.ip.src)}`);
  neighOutput(sim, st, rt.dev, nh, pkt);
}
