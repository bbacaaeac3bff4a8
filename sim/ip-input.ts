/**
 * IPv4 receive (net/ipv4/ip_input.c ip_rcv): frames not addressed to this host are dropped, then
 * the input route decides: deliver locally (ip-deliver.ts), forward, answer with an ICMP error
 * (ip_error), or drop with a reason.
 */
import { isEcho } from './wire/icmp.js';
import { ip4ToString } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { ipForward } from './forward.js';
import { ipError } from './icmp.js';
import { inputDecision } from './input-decision.js';
import { localDeliver } from './ip-deliver.js';
import { nfHook } from './netfilter/hook.js';
import type { NsState } from './ns-state.js';
import { describe, type IpPacket, type PktType } from './packet.js';
import type { Simulator } from './simulator.js';

/** `srcMac`: the frame's source address (netfilter's mac match reads it) */
export function ipRcv(sim: Simulator, st: NsState, dev: Link, pkt: IpPacket, pktType: PktType, srcMac?: string): void {
  const ns = st.ns;
  if (pktType === 'otherhost') {
    sim.drop(ns, 'not-for-us', `frame on ${dev.name} addressed to another host's MAC`, pkt, dev);
    return;
  }
  // a frame br_netfilter already ran through PREROUTING at the bridge does not run it again (ip_sabotage_in)
  if (!(pkt.nf?.bridgedPre && pkt.nf.ns === ns) && !nfHook(sim, st, pkt, { hook: 'prerouting', in: dev, out: null, l2: { pktType, src: srcMac ?? null } })) return;
  // ip_multipath_l3_keys: an ICMP error is hashed by the packet it is about; the firewall mark
  // PREROUTING set here (mangle MARK, CONNMARK restore) steers `fwmark` rules
  const d = inputDecision(st, dev, pkt.ip.dst, pkt.ip.src, pkt.ip.tos, pkt.icmp && !isEcho(pkt.icmp) ? pkt.icmp.original.ip : pkt.ip, pkt.nf?.ns === ns ? pkt.nf.mark : 0);
  switch (d.kind) {
    case 'local':
      if (sim.tracer) sim.step(ns, 'input', `${describe(pkt)} arrived on ${dev.name}: ${d.broadcast ? 'broadcast' : 'local address'}`);
      localDeliver(sim, st, dev, dev, pkt, d.broadcast);
      return;
    case 'forward':
      if (pktType !== 'host') {
        sim.drop(ns, 'not-for-us', `link-layer broadcast of ${ip4ToString(pkt.ip.dst)} is not forwarded`, pkt, dev);
        return;
      }
      ipForward(sim, st, dev, pkt, d.route, d.dev, d.gateway ?? pkt.ip.dst, d.redirect);
      return;
    case 'error':
      ipError(sim, st, dev, pkt, d.errno, d.reason, d.detail);
      return;
    case 'drop':
      sim.drop(ns, d.reason, d.detail, pkt, dev);
  }
}
