/**
 * VXLAN over an IPv6 underlay (drivers/net/vxlan/vxlan_core.c vxlan_xmit_one with
 * vxlan6_get_route, vxlan_rcv through the device's v6only UDP socket): each copy of a frame is
 * put in UDP to the remote's port from `local` or the source the route picks, with the route's
 * hop limit (1 toward a multicast group unless `ttl` says otherwise), and routed over the
 * namespace's IPv6 FIB; a datagram delivered here to a port a VXLAN device listens on goes to
 * the family-blind decapsulation of sim/vxlan.ts (vxlanRcv6, registered by the simulator). The outer header is 20 bytes longer than
 * IPv4's, which is why such a device's MTU is its lower device's less 70 (apply-vxlan.ts).
 */
import { route6Output } from '../../src/model/ipv6/route6.js';
import { formatIp6, isIp6Multicast, type Ip6 } from '../../src/model/ipv6/ip6.js';
import type { Link } from '../../src/model/link.js';
import type { Frame, Ip6Packet } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { cloneFrame, l2Length } from '../tunnel-frame.js';
import { NEXTHDR } from '../wire/ipv6.js';
import { UDP_HEADER_LEN } from '../wire/udp.js';
import { VXLAN_HEADER_LEN } from '../wire/vxlan.js';
import { ip6Output } from './ip6-output.js';
import { simView6 } from './view6.js';

/** vxlan_xmit_one toward one IPv6 remote. */
export function vxlanXmit6(sim: Simulator, dev: Link, lower: Link | null, remote: Ip6, frame: Frame, sport: number): void {
  const v = dev.vxlan!;
  const st = sim.state(dev.vxlan?.net ?? dev.ns);
  const local = typeof v.local === 'bigint' ? v.local : 0n;
  const res = route6Output(simView6(sim, st), { dst: remote, src: local, oif: lower, now: sim.now });
  if (!res.ok) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'no-route', `${dev.name}: no route to remote VTEP ${formatIp6(remote)} (${res.errno})`);
    return;
  }
  const rt = res.rt;
  const saddr = rt.saddr;
  if (saddr === null) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'no-route', `${dev.name}: no source address toward remote VTEP ${formatIp6(remote)}`);
    return;
  }
  if (rt.dev === dev) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'loop', `${dev.name}: the route to remote VTEP ${formatIp6(remote)} goes through ${dev.name} itself`);
    return;
  }
  const inner = cloneFrame(frame);
  const payload = VXLAN_HEADER_LEN + l2Length(inner);
  const hopLimit = v.ttl || (isIp6Multicast(remote) ? 1 : (rt.route.hoplimit ?? rt.dev.inet6.conf.hop_limit));
  const pkt: Ip6Packet = {
    ip6: { src: saddr, dst: remote, hopLimit, nextHeader: NEXTHDR.udp, tclass: 0, flowLabel: 0, payloadLen: UDP_HEADER_LEN + payload },
    icmp6: null,
    udp: { srcPort: sport, dstPort: v.dstport, payloadLen: payload },
    inner,
    vni: v.id,
  };
  if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: VXLAN id ${v.id} to [${formatIp6(remote)}]:${v.dstport} from ${formatIp6(saddr)}`);
  // the socket does not loop multicast back to this host (IPV6_MULTICAST_LOOP off)
  ip6Output(sim, st, pkt, rt, false);
}
