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
import { hearers, mayHear, type PortList } from './flood-ports.js';
import { groupKey, type GroupKey } from './mld.js';

export { forwardingPorts } from './flood-ports.js';

/** Whether a flood of `frame` may be batched: an untagged IPv6 group packet nobody traces. */
export function batchableFlood6(sim: Simulator, frame: Frame): boolean {
  return !sim.tracer && frame.pkt === null && !!frame.pkt6 && !frame.tags?.length && isGroupMac(frame.eth.dst) && isIp6Multicast(frame.pkt6.ip6.dst) && !sim.events.wants('frame:tx');
}

/** What receive → ip6Rcv does with a copy to `group` on `to` is a silent drop (nothing traces or captures: the caller checks). */
function unheard(sim: Simulator, to: Link, group: GroupKey): boolean {
  // a plain device not in the group drops it whether or not it is still there: only a copy it
  // would take needs the (dearer) check that it is
  return !mayHear(to, group) || !sim.isLive(to);
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

/**
 * A flood to ports that are all plain (PortList.allPlain), in one queue entry: while the lab is
 * at the version the flood saw and nothing listens, only the ports whose far end could take a
 * copy (hearers) are visited; after a change, every port from where it got to, as GroupFlood6.
 */
export function floodAllPlain(sim: Simulator, list: PortList, except: Link | null, frame: Frame, copy: (f: Frame) => Frame): void {
  const template = copy(frame);
  const group = groupKey(template.pkt6!.ip6.dst);
  const ports = list.ports;
  // the last port index dealt with, and where the hearers list was left
  let pos = -1;
  let k = 0;
  sim.queue.batch(sim.latency, () => {
    const quiet = !sim.tracer && !sim.events.wants('frame:rx');
    for (;;) {
      let i: number;
      if (quiet && sim.lab.version === list.version) {
        const h = hearers(list, group);
        while (k < h.length && h[k]! <= pos) k++;
        if (k >= h.length) return false;
        i = h[k++]!;
      } else if ((i = pos + 1) >= ports.length) return false;
      pos = i;
      const p = ports[i]!;
      if (p === except && !p.hairpin) continue;
      const to = p.peer!;
      if (quiet && unheard(sim, to, group)) continue;
      sim.receive(to, copy(template));
      return pos < ports.length - 1;
    }
  });
}
