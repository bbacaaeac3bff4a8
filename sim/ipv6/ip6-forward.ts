/**
 * IPv6 forwarding (net/ipv6/ip6_output.c ip6_forward; RFC 8200, RFC 4443): unlike IPv4 the
 * switch is the namespace's `all.forwarding` (a device's own `forwarding` only makes it a
 * router for neighbour discovery), off: dropped silently. Then: only what was sent to this
 * host's MAC; hop limit 1 answers "time exceeded"; a source that is `::`, a group or
 * loopback is dropped, a link-local one answered "beyond scope" — unless the packet leaves
 * by the interface it came in on (the kernel sends a redirect then, which the model does not
 * send); a packet larger than the way out's MTU answers "packet too big"; the hop limit
 * drops by one and the neighbour layer takes it.
 */
import { formatIp6, IP6_LOOPBACK, isIp6LinkLocal, isIp6Multicast } from '../../src/model/ipv6/ip6.js';
import type { Link } from '../../src/model/link.js';
import type { Rt6Entry } from '../../src/model/ipv6/route6.js';
import type { NsState } from '../ns-state.js';
import { describe6, type Ip6Packet, type PktType } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { IPV6_HEADER_LEN } from '../wire/ipv6.js';
import { icmp6Send } from './icmp6.js';
import { neigh6Output } from './ip6-output.js';
import { nfHook6 } from '../netfilter/hook6.js';

export function ip6Forward(sim: Simulator, st: NsState, inDev: Link, pkt: Ip6Packet, rt: Rt6Entry, pktType: PktType): void {
  const ns = st.ns;
  const h = pkt.ip6;
  if (!ns.inet6.all.forwarding && !inDev.inet6.conf.force_forwarding) {
    if (sim.tracer) sim.stepDrop(ns, 'forwarding-off', `${formatIp6(h.dst)} is not local and IPv6 forwarding is off (net.ipv6.conf.all.forwarding=0)`);
    return;
  }
  if (pktType !== 'host') {
    if (sim.tracer) sim.stepDrop(ns, 'not-for-us', `${describe6(pkt)} was not sent to this host's MAC`);
    return;
  }
  if (h.hopLimit <= 1) {
    if (sim.tracer) sim.stepDrop(ns, 'ttl-exceeded', `hop limit ${h.hopLimit} would reach 0 at this router`);
    icmp6Send(sim, st, pkt, inDev, 3, 0, 0);
    return;
  }
  const out = rt.dev;
  if (out !== inDev) {
    if (h.src === 0n || isIp6Multicast(h.src) || h.src === IP6_LOOPBACK) {
      if (sim.tracer) sim.stepDrop(ns, 'martian-source', `source ${formatIp6(h.src)} is not forwarded`);
      return;
    }
    if (isIp6LinkLocal(h.src)) {
      if (sim.tracer) sim.stepDrop(ns, 'martian-source', `link-local source ${formatIp6(h.src)} is not forwarded`);
      icmp6Send(sim, st, pkt, inDev, 1, 2, 0);
      return;
    }
  }
  const mtu = Math.max(1280, Math.min(rt.pmtu?.mtu ?? Infinity, rt.route.mtu ?? out.mtu, out.mtu));
  const size = pkt.fragMtu ?? IPV6_HEADER_LEN + h.payloadLen;
  if (size > mtu) {
    if (sim.tracer) sim.stepDrop(ns, 'too-big', `${size} bytes do not fit the MTU ${mtu} of ${out.name}`);
    icmp6Send(sim, st, pkt, inDev, 2, 0, mtu);
    return;
  }
  h.hopLimit--;
  const nh = rt.gateway ?? h.dst;
  if (sim.tracer) sim.step(ns, 'forward', `${describe6(pkt)} from ${inDev.name} out ${out.name}${rt.gateway !== null ? ` via ${formatIp6(rt.gateway)}` : ''}`);
  // NF_INET_FORWARD, then ip6_output's NF_INET_POST_ROUTING
  if (!nfHook6(sim, st, pkt, { hook: 'forward', in: inDev, out })) return;
  if (!nfHook6(sim, st, pkt, { hook: 'postrouting', in: null, out })) return;
  neigh6Output(sim, st, out, nh, pkt);
}
