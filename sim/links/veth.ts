/**
 * veth (drivers/net/veth.c): what one end sends, the other end receives, if it is up and the
 * frame is not larger than it takes (veth_forward_skb → is_skb_forwardable: its MTU plus the
 * Ethernet header and a VLAN tag).
 */
import type { LinkDriver } from './driver.js';
import { ipTotalLen } from '../ip-fragment.js';
import { frameLen } from '../dev-stats.js';
import { IPV6_HEADER_LEN } from '../wire/ipv6.js';

/** VLAN_HLEN: the slack is_skb_forwardable allows beyond the MTU and the link header */
const VLAN_HLEN = 4;

export const vethDriver: LinkDriver = {
  plainL2: true,
  xmit(sim, dev, frame) {
    const peer = dev.peer;
    if (!peer) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'device-gone', `${dev.name} has no peer`);
      return;
    }
    // a second tag (QinQ) takes the slack is_skb_forwardable allows
    if (frame.pkt && ipTotalLen(frame.pkt) + VLAN_HLEN * Math.max(0, (frame.tags?.length ?? 0) - 1) > peer.mtu + VLAN_HLEN) {
      if (sim.tracer) sim.stepDrop(peer.ns, 'too-big', `${ipTotalLen(frame.pkt)}-byte packet is larger than the MTU ${peer.mtu} of ${peer.name}`);
      sim.txDropped++;
      return;
    }
    // the same for IPv6: its largest frame, a fragment when the packet leaves in fragments
    const size6 = frame.pkt6 ? (frame.pkt6.fragMtu ?? IPV6_HEADER_LEN + frame.pkt6.ip6.payloadLen) : 0;
    if (size6 + VLAN_HLEN * Math.max(0, (frame.tags?.length ?? 0) - 1) > peer.mtu + VLAN_HLEN) {
      const size = size6;
      if (sim.tracer) sim.stepDrop(peer.ns, 'too-big', `${size}-byte packet is larger than the MTU ${peer.mtu} of ${peer.name}`);
      sim.txDropped++;
      return;
    }
    sim.counters.tx(dev, frameLen(frame));
    if (frame.pkt6) sim.counters.saw6(dev);
    sim.wire(dev, peer, frame);
  },
};
