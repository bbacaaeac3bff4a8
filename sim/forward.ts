/**
 * Forwarding (net/ipv4/ip_forward.c ip_forward; RFC 1812 §5.2–5.3): the input route already
 * chose the egress and checked forwarding and the source. Here: TTL (time exceeded from the
 * router when it would reach 0), decrement, ICMP redirect when the packet leaves through the
 * interface it came in on toward an on-link source, then the neighbour layer.
 */
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { icmpSend } from './icmp.js';
import { neighOutput } from './neighbor.js';
import { nfHook } from './netfilter/hook.js';
import type { NsState } from './ns-state.js';
import { describe, type IpPacket } from './packet.js';
import { PARAMS } from './params.js';
import type { Simulator } from './simulator.js';
import { ICMP_EXC, ICMP_REDIRECT, ICMP_TYPE } from './wire/icmp.js';

/**
 * ip_forward for a packet the input route sends out of `out` toward next hop `nh` (rt_nexthop:
 * the gateway — a learned redirect's when there is one — or the destination itself).
 */
export function ipForward(sim: Simulator, st: NsState, inDev: Link, pkt: IpPacket, out: Link, nh: Ip4, redirect: boolean): void {
  const ns = st.ns;
  if (pkt.ip.ttl <= 1) {
    sim.drop(ns, 'ttl-exceeded', `TTL ${pkt.ip.ttl} would reach 0 at this router`, pkt, inDev);
    icmpSend(sim, st, pkt, ICMP_TYPE.timeExceeded, ICMP_EXC.ttl, 0, false);
    return;
  }
  pkt.ip.ttl--;
  if (redirect) sendRedirect(sim, st, pkt, nh);
  if (!nfHook(sim, st, pkt, { hook: 'forward', in: inDev, out })) return;
  if (sim.tracer) sim.step(ns, 'forward', `${describe(pkt)} from ${inDev.name} out ${out.name}${nh !== pkt.ip.dst ? ` via ${ip4ToString(nh)}` : ''}`);
  if (sim.events.wants('packet:forward')) {
    sim.events.emit('packet:forward', { t: sim.now, ns: ns.path, src: pkt.ip.src, dst: pkt.ip.dst, ttl: pkt.ip.ttl, protocol: pkt.ip.protocol, dev: out.name });
  }
  if (!nfHook(sim, st, pkt, { hook: 'postrouting', in: null, out, nexthop: nh })) return;
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
