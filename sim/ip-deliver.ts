/**
 * Local delivery (net/ipv4/ip_input.c ip_local_deliver_finish, protocol.c inet_protos[]): a
 * packet for this host goes to the handler registered for its protocol — ICMP, UDP — found in
 * a table the simulator fills, so that IP delivery knows nothing of what sits above it; with
 * no handler it is dropped (the kernel answers a protocol unreachable only for raw-less
 * protocols, which the model does not send).
 */
import type { Link } from '../src/model/link.js';
import type { NsState } from './ns-state.js';
import { describe, recordRoute, type IpPacket } from './packet.js';
import { inetSelectAddr } from '../src/model/source-address.js';
import { SCOPE } from '../src/model/address.js';
import { isFragment } from './ip-fragment.js';
import type { Simulator } from './simulator.js';
import { nfHook } from './netfilter/hook.js';

/**
 * A protocol's receive handler (struct net_protocol's handler): `dev` is the device the
 * packet came in on (lo when looped back), `iif` inet_iif, `broadcast` whether it was sent to
 * a broadcast or multicast address.
 */
export type InetProtocol = (sim: Simulator, st: NsState, dev: Link, iif: Link, pkt: IpPacket, broadcast: boolean) => void;

/** inet_protos[]: handlers by IP protocol number. */
export type InetProtos = Partial<Record<number, InetProtocol>>;

/** ip_local_deliver: `dev` is the device it came in on (lo when looped back), `iif` inet_iif. */
export function localDeliver(sim: Simulator, st: NsState, dev: Link, iif: Link, pkt: IpPacket, broadcast: boolean): void {
  if (isFragment(pkt)) {
    // ip_defrag: the protocols see only whole packets
    const whole = st.reassembly.add(pkt, sim.now);
    if (!whole) {
      if (sim.tracer) sim.step(st.ns, 'deliver', `fragment at ${pkt.ip.fragOffset ?? 0} of ${describe(pkt)} queued for reassembly`);
      return;
    }
    pkt = whole;
  }
  // ip_options_compile on input: the receiver records spec_dst (the address the packet was sent to)
  if (pkt.rr) recordRoute(pkt, broadcast ? inetSelectAddr(dev, pkt.ip.src, SCOPE.link) : pkt.ip.dst);
  if (!nfHook(sim, st, pkt, { hook: 'input', in: dev, out: null })) return;
  if (sim.events.wants('packet:deliver')) {
    sim.events.emit('packet:deliver', { t: sim.now, ns: st.ns.path, src: pkt.ip.src, dst: pkt.ip.dst, ttl: pkt.ip.ttl, protocol: pkt.ip.protocol, dev: dev.name });
  }
  const handler = sim.inetProtos[pkt.ip.protocol];
  if (handler) {
    handler(sim, st, dev, iif, pkt, broadcast);
    return;
  }
  sim.drop(st.ns, 'no-socket', `nothing listens for ${describe(pkt)}`, pkt, dev);
}
