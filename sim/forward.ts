/**
 * Forwarding (net/ipv4/ip_forward.c ip_forward; RFC 1812 §5.2–5.3): the input route already
 * chose the egress and checked forwarding and the source. Here: TTL (time exceeded from the
 * router when it would reach 0), decrement, ICMP redirect when the packet leaves through the
 * interface it came in on toward an on-link source, then the neighbour layer. A packet larger
 * than the route's MTU (its `mtu` metric, else the device's: forwarding ignores learned PMTUs)
 * is refused with "fragmentation needed" when it has DF, else fragmented.
 */
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { icmpSend } from './icmp.js';
import { neighOutput } from './neighbor.js';
import { nfHook } from './netfilter/hook.js';
import type { NsState } from './ns-state.js';
import { describe, recordRoute, type IpPacket } from './packet.js';
import { inetSelectAddr } from '../src/model/source-address.js';
import { SCOPE } from '../src/model/address.js';
import { ipFragment, ipTotalLen } from './ip-fragment.js';
import { routeMtu } from '../src/model/pmtu.js';
import type { Route } from '../src/model/route.js';
import { PARAMS } from './params.js';
import type { Simulator } from './simulator.js';
import { ICMP_EXC, ICMP_REDIRECT, ICMP_TYPE, ICMP_UNREACH } from './wire/icmp.js';

/**
 * ip_forward for a packet the input route sends out of `out` toward next hop `nh` (rt_nexthop:
 * the gateway — a learned redirect's when there is one — or the destination itself).
 */
export function ipForward(sim: Simulator, st: NsState, inDev: Link, pkt: IpPacket, route: Route, out: Link, nh: Ip4, redirect: boolean): void {
  const ns = st.ns;
  if (pkt.ip.ttl <= 1) {
    sim.drop(ns, 'ttl-exceeded', `TTL ${pkt.ip.ttl} would reach 0 at this router`, pkt, inDev);
    icmpSend(sim, st, pkt, ICMP_TYPE.timeExceeded, ICMP_EXC.ttl, 0, false);
    return;
  }
  // ip_dst_mtu_maybe_forward, ip_exceeds_mtu: checked before the TTL drops, so the error quotes it as it came
  const mtu = routeMtu(route, out);
  const len = ipTotalLen(pkt);
  if (len > mtu && pkt.ip.df) {
    sim.drop(ns, 'frag-needed', `${len} bytes with DF set, MTU of ${out.name} is ${mtu}`, pkt, inDev);
    icmpSend(sim, st, pkt, ICMP_TYPE.destUnreachable, ICMP_UNREACH.fragNeeded, mtu, false);
    return;
  }
  pkt.ip.ttl--;
  // ip_forward_options: the router records the address it sends from (ip_rt_get_source)
  if (pkt.rr) recordRoute(pkt, route.prefsrc ?? inetSelectAddr(out, nh, SCOPE.global));
  if (redirect) sendRedirect(sim, st, pkt, nh);
  if (!nfHook(sim, st, pkt, { hook: 'forward', in: inDev, out })) return;
  if (sim.tracer) sim.step(ns, 'forward', `${describe(pkt)} from ${inDev.name} out ${out.name}${nh !== pkt.ip.dst ? ` via ${ip4ToString(nh)}` : ''}`);
  if (sim.events.wants('packet:forward')) {
    sim.events.emit('packet:forward', { t: sim.now, ns: ns.path, src: pkt.ip.src, dst: pkt.ip.dst, ttl: pkt.ip.ttl, protocol: pkt.ip.protocol, dev: out.name });
  }
  if (!nfHook(sim, st, pkt, { hook: 'postrouting', in: null, out, nexthop: nh })) return;
  if (len > mtu) {
    const frags = ipFragment(pkt, mtu);
    if (sim.tracer) sim.step(ns, 'forward', `${len} bytes, MTU of ${out.name} is ${mtu}: sent in ${frags.length} fragments`);
    for (const f of frags) neighOutput(sim, st, out, nh, f);
    return;
  }
  neighOutput(sim, st, out, nh, pkt);
}

/** ip_rt_send_redirect: exponential backoff per source, silence resets it. */
function sendRedirect(sim: Simulator, st: NsState, pkt: IpPacket, gw: Ip4): void {
  const now = sim.now;
  const I = PARAMS.icmp;
  const peer = st.peers.get(pkt.ip.src, now);
  if (now > peer.last + I.redirectSilenceUs) {
    peer.tokens = 0;
    peer.redirects = 0;
  }
  if (peer.redirects >= I.redirectNumber) {
    peer.last = now;
    return;
  }
  if (peer.redirects === 0 || now > peer.last + I.redirectLoadUs * 2 ** peer.redirects) {
    icmpSend(sim, st, pkt, ICMP_TYPE.redirect, ICMP_REDIRECT.host, gw, false);
    peer.last = now;
    peer.redirects++;
  }
}
