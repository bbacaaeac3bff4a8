/**
 * IPv6 local delivery (net/ipv6/ip6_input.c ip6_input_finish, protocol.c inet6_protos[]): a
 * packet for this host goes to the handler of its next header — ICMPv6, UDP — found in a
 * table, so that IPv6 input knows nothing of what sits above it. A UDP datagram nobody
 * listens for is answered with ICMPv6 port unreachable (udpv6_rcv → icmpv6_send).
 */
import type { Link } from '../../src/model/link.js';
import type { NsState } from '../ns-state.js';
import { describe6, type Ip6Packet } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { nfHook6 } from '../netfilter/hook6.js';

/** A next header's receive handler: `dev` the device it came in on (lo when looped back), `iif` the one it is accounted to. */
export type Inet6Protocol = (sim: Simulator, st: NsState, dev: Link, iif: Link, pkt: Ip6Packet) => void;

const tables = new WeakMap<Simulator, Partial<Record<number, Inet6Protocol>>>();

/** inet6_protos[] of a simulator: handlers by next header. */
export function inet6Protos(sim: Simulator): Partial<Record<number, Inet6Protocol>> {
  let t = tables.get(sim);
  if (!t) {
    t = {};
    tables.set(sim, t);
  }
  return t;
}

/** A UDP encapsulation socket's receive (a VXLAN device's): true when it took the datagram. */
export type Udp6Encap = (sim: Simulator, st: NsState, pkt: Ip6Packet) => boolean;

const encaps = new WeakMap<Simulator, Udp6Encap[]>();

/** The UDP encapsulation sockets of a simulator, asked before any other socket (the simulator fills it). */
export function udp6Encaps(sim: Simulator): Udp6Encap[] {
  let e = encaps.get(sim);
  if (!e) encaps.set(sim, (e = []));
  return e;
}

/** ip6_input_finish. */
export function ip6LocalDeliver(sim: Simulator, st: NsState, dev: Link, iif: Link, pkt: Ip6Packet): void {
  // ip6_input: NF_INET_LOCAL_IN on the device it came in by
  if (!nfHook6(sim, st, pkt, { hook: 'input', in: dev, out: null })) return;
  // a VXLAN device's UDP socket takes its datagrams before any other (udp6 encap sockets)
  if (pkt.udp) for (const rcv of udp6Encaps(sim)) if (rcv(sim, st, pkt)) return;
  const handler = inet6Protos(sim)[pkt.icmp6 ? 58 : pkt.udp ? 17 : pkt.ip6.nextHeader];
  if (handler) {
    handler(sim, st, dev, iif, pkt);
    return;
  }
  if (sim.tracer) sim.stepDrop(st.ns, 'no-socket', `nothing listens for ${describe6(pkt)}`);
}
