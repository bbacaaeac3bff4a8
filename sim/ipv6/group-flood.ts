/**
 * A bridge flooding an IPv6 group packet (neighbour solicitations, MLD reports, router
 * solicitations) to many veth ports: on a bridge of N namespaces every one of them sends a few
 * at start, so N² deliveries that almost all end in ipv6_rcv's "not a member of the group" drop.
 * The ports whose copy goes straight over a plain veth are held in one event queue entry
 * (EventQueue.batch) instead of one each, in the same order; each copy is still judged when it
 * arrives, and one that the far end would drop without a trace — the device gone or down, or
 * IPv6 multicast to a group it has not joined, with nothing that could see it first (a capture,
 * netfilter, a bridge or macvlan above it) — is not built at all. Every other copy is received
 * as the veth driver would deliver it, one step of the batch at a time.
 */
import type { Link } from '../../src/model/link.js';
import { isIp6Multicast, type Ip6 } from '../../src/model/ipv6/ip6.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { isGroupMac } from '../wire/ethernet.js';
import { joined6 } from './mld.js';

/** Whether a flood of `frame` may be batched: an untagged IPv6 group packet nobody traces. */
export function batchableFlood6(sim: Simulator, frame: Frame): boolean {
  return !sim.tracer && frame.pkt === null && !!frame.pkt6 && !frame.tags?.length && isGroupMac(frame.eth.dst) && isIp6Multicast(frame.pkt6.ip6.dst) && !sim.events.wants('frame:tx');
}

/** What receive → ip6Rcv does with a copy to `group` on `to` is a silent drop (nothing traces or captures: the caller checks). */
function unheard(sim: Simulator, to: Link, group: Ip6): boolean {
  if (!to.up) return true;
  const nf = to.ns.nf;
  // a plain device not in the group drops it whether or not it is still there: only a copy it
  // would take needs the (dearer) check that it is
  if (!to.master && !to.uppers?.length && !to.noarp && to.kind !== 'loopback' && (!nf || nf.empty) && !joined6(to, group)) return true;
  return !sim.isLive(to);
}

/** The veth ports of one flood, batched (see the file's comment). */
export class GroupFlood6 {
  private peers: Link[] = [];
  private readonly template: Frame;

  constructor(
    private readonly sim: Simulator,
    frame: Frame,
    private readonly copy: (f: Frame) => Frame,
  ) {
    this.template = copy(frame);
  }

  /**
   * Takes a port that forwards (sim.portForwards: live, up, with carrier — dev_queue_xmit's
   * checks) into the batch when its copy would go straight over a veth: no qdisc holds it.
   */
  add(p: Link): boolean {
    if (p.kind !== 'veth' || !p.peer || p.qdisc) return false;
    this.peers.push(p.peer);
    return true;
  }

  /** Schedules the ports taken so far (before a port that is sent the ordinary way, and at the end). */
  flush(): void {
    if (!this.peers.length) return;
    const { sim, template, copy } = this;
    const peers = this.peers;
    this.peers = [];
    let i = 0;
    const group = template.pkt6!.ip6.dst;
    sim.queue.batch(sim.latency, () => {
      // a tracer or a capture sees every copy arrive: then each is received
      const quiet = !sim.tracer && !sim.events.wants('frame:rx');
      while (i < peers.length) {
        const to = peers[i++]!;
        if (quiet && unheard(sim, to, group)) continue;
        sim.receive(to, copy(template));
        return i < peers.length;
      }
      return false;
    });
  }
}
