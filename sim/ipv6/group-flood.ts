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
import { isIp6Multicast } from '../../src/model/ipv6/ip6.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { isGroupMac } from '../wire/ethernet.js';
import { groupKey, joinedKey, type GroupKey } from './mld.js';

/** Whether a flood of `frame` may be batched: an untagged IPv6 group packet nobody traces. */
export function batchableFlood6(sim: Simulator, frame: Frame): boolean {
  return !sim.tracer && frame.pkt === null && !!frame.pkt6 && !frame.tags?.length && isGroupMac(frame.eth.dst) && isIp6Multicast(frame.pkt6.ip6.dst) && !sim.events.wants('frame:tx');
}

/** What receive → ip6Rcv does with a copy to `group` on `to` is a silent drop (nothing traces or captures: the caller checks). */
function unheard(sim: Simulator, to: Link, group: GroupKey): boolean {
  if (!to.up) return true;
  const nf = to.ns.nf;
  // a plain device not in the group drops it whether or not it is still there: only a copy it
  // would take needs the (dearer) check that it is
  if (!to.master && !to.uppers?.length && !to.noarp && to.kind !== 'loopback' && (!nf || nf.empty) && !joinedKey(to, group)) return true;
  return !sim.isLive(to);
}

/** A bridge's forwarding ports for one version of the model, each marked when plain. */
interface PortList {
  version: number;
  ports: Link[];
  /** 1: a veth with a peer and no qdisc — its copy goes straight over (dev_queue_xmit's checks are portForwards') */
  plain: Uint8Array;
}

const portLists = new WeakMap<Link, PortList>();

/**
 * The ports of `br` that forward (sim.portForwards: live, up, with carrier), in order, for the
 * model as it is: what they depend on changes only with the lab's version, as the simulator's
 * own port and carrier caches assume.
 */
export function forwardingPorts(sim: Simulator, br: Link): PortList {
  const version = sim.lab.version;
  let c = portLists.get(br);
  if (c && c.version === version) return c;
  const ports = sim.ports(br).filter((p) => sim.portForwards(p));
  c = { version, ports, plain: Uint8Array.from(ports, (p) => (p.kind === 'veth' && p.peer && !p.qdisc ? 1 : 0)) };
  portLists.set(br, c);
  return c;
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

  /** Takes the far end of a plain port (forwardingPorts) into the batch. */
  add(peer: Link): void {
    this.peers.push(peer);
  }

  /** Schedules the ports taken so far (before a port that is sent the ordinary way, and at the end). */
  flush(): void {
    if (!this.peers.length) return;
    const { sim, template, copy } = this;
    const peers = this.peers;
    this.peers = [];
    let i = 0;
    const group = groupKey(template.pkt6!.ip6.dst);
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
