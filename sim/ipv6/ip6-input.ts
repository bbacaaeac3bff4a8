/**
 * IPv6 receive (net/ipv6/ip6_input.c ipv6_rcv, ip6_rcv_finish; route.c ip6_route_input,
 * ip6_pkt_discard; RFC 8200, RFC 4291 §2.7): a device with IPv6 disabled takes nothing; a
 * packet from a group, or to or from ::1 off lo, or to an interface- or reserved-scope group
 * is dropped; a group the device listens to is delivered, any other dropped; a unicast packet
 * takes its input route — local delivery, forwarding (ip6-forward.ts), or a reject: no route
 * and `unreachable` answer ICMPv6 "no route" (whether or not the namespace forwards),
 * `prohibit` "administratively prohibited", `blackhole` nothing.
 */
import { formatIp6, IP6_LOOPBACK, isIp6Multicast } from '../../src/model/ipv6/ip6.js';
import type { Link } from '../../src/model/link.js';
import { route6Input } from '../../src/model/ipv6/route6.js';
import type { NsState } from '../ns-state.js';
import { describe6, type Ip6Packet, type PktType } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { icmp6Send } from './icmp6.js';
import { ip6Forward } from './ip6-forward.js';
import { ip6LocalDeliver } from './ip6-deliver.js';
import { joined6 } from './mld.js';
import { simView6 } from './view6.js';
import { nfHook6 } from '../netfilter/hook6.js';

/** `srcMac`: the frame's source address (netfilter's mac match reads it) */
export function ip6Rcv(sim: Simulator, st: NsState, dev: Link, pkt: Ip6Packet, pktType: PktType, srcMac?: string): void {
  const ns = st.ns;
  const h = pkt.ip6;
  const drop = (reason: Parameters<Simulator['stepDrop']>[1], why: string) => {
    if (sim.tracer) sim.stepDrop(ns, reason, `${describe6(pkt)} on ${dev.name}: ${why}`);
  };
  if (pktType === 'otherhost') {
    drop('not-for-us', "addressed to another host's MAC");
    return;
  }
  if (dev.inet6.conf.disable_ipv6) {
    drop('not-for-us', 'IPv6 is disabled on the device');
    return;
  }
  if (isIp6Multicast(h.src)) {
    drop('martian-source', 'source is a group');
    return;
  }
  if (dev.kind !== 'loopback' && (h.src === IP6_LOOPBACK || h.dst === IP6_LOOPBACK)) {
    drop('martian-source', '::1 off lo');
    return;
  }
  if (isIp6Multicast(h.dst)) {
    const scope = Number((h.dst >> 112n) & 0xfn);
    if (scope === 0 || (scope === 1 && dev.kind !== 'loopback')) {
      drop('martian-destination', 'a group of reserved or interface scope');
      return;
    }
  }
  // ipv6_rcv: NF_INET_PRE_ROUTING, before the route is looked up
  // a frame br_netfilter ran PREROUTING for on the bridge does not run it again
  const bridged = pkt.nf?.bridgedPre && pkt.nf.ns === st.ns;
  if (!bridged && !nfHook6(sim, st, pkt, { hook: 'prerouting', in: dev, out: null, l2: { pktType, src: srcMac ?? null } })) return;
  if (isIp6Multicast(h.dst)) {
    if (!joined6(dev, h.dst)) {
      // every device of a bridge hears each group packet: its words are built only for a tracer
      if (sim.tracer) drop('not-for-us', `not a member of ${formatIp6(h.dst)}`);
      return;
    }
    ip6LocalDeliver(sim, st, dev, dev, pkt);
    return;
  }
  // the firewall mark PREROUTING set here (mangle MARK, CONNMARK restore) steers `fwmark` rules
  const res = route6Input(simView6(sim, st), { dst: h.dst, src: h.src, iif: dev, now: sim.now, mark: pkt.nf?.ns === st.ns ? pkt.nf.mark : 0 });
  if (!res.ok) {
    if (res.errno === 'EINVAL') {
      drop('blackhole', `blackhole route to ${formatIp6(h.dst)}`);
      return;
    }
    if (sim.tracer) sim.stepDrop(ns, res.errno === 'EACCES' ? 'prohibit' : 'no-route', `${res.route ? `${res.route.type} route` : 'no route'} to ${formatIp6(h.dst)}`);
    if (h.dst !== 0n) icmp6Send(sim, st, pkt, dev, 1, res.errno === 'EACCES' ? 1 : 0, 0, pktType === 'host');
    return;
  }
  const rt = res.rt;
  if (rt.type === 'local' || rt.type === 'anycast') {
    if (sim.tracer) sim.step(ns, 'input', `${describe6(pkt)} arrived on ${dev.name}: local address`);
    ip6LocalDeliver(sim, st, dev, dev, pkt);
    return;
  }
  ip6Forward(sim, st, dev, pkt, rt, pktType);
}
