/**
 * VLAN sub-interfaces (net/8021q): a VLAN sends through its lower device with its tag pushed
 * outermost (vlan_dev_hard_start_xmit); a frame received on a device whose outer tag names one
 * of its VLANs goes to that VLAN untagged (vlan_do_receive), before any rx_handler (a bridge)
 * sees it. A tagged frame no VLAN takes, and no bridge either, is another host's
 * (PACKET_OTHERHOST: IP and ARP drop it); a priority tag (id 0) is stripped.
 */
import type { Link } from '../../src/model/link.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import type { LinkDriver } from './driver.js';

export const TPID = { '802.1Q': 0x8100, '802.1ad': 0x88a8 } as const;

/** vlan_find_dev: the VLAN on `dev` with this tag. */
function vlanOf(dev: Link, tpid: number, vid: number): Link | null {
  for (const u of dev.uppers ?? []) if (u.vlan && TPID[u.vlan.proto] === tpid && u.vlan.id === vid) return u;
  return null;
}

/** vlan_do_receive: true when a VLAN of `dev` took the frame (or dropped it, being down). */
export function vlanReceive(sim: Simulator, dev: Link, frame: Frame): boolean {
  const [outer, ...rest] = frame.tags!;
  const u = vlanOf(dev, outer!.tpid, outer!.vid);
  if (!u) return false;
  if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name} -> ${u.name}: VLAN ${outer!.vid}${outer!.tpid === TPID['802.1ad'] ? ' (802.1ad)' : ''} untagged`);
  sim.receive(u, { ...frame, tags: rest.length ? rest : undefined });
  return true;
}

/** A tagged frame left to `dev`'s own stack: with id 0 its tag goes; any other is not for this host. */
export function untagged(sim: Simulator, dev: Link, frame: Frame): Frame | null {
  const [outer, ...rest] = frame.tags!;
  if (outer!.vid === 0) return { ...frame, tags: rest.length ? rest : undefined };
  if (sim.tracer) sim.stepDrop(dev.ns, 'vlan-unknown', `${dev.name} has no VLAN ${outer!.vid}: the frame is another host's`);
  return null;
}

export const vlanDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    const v = dev.vlan!;
    if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: tagged VLAN ${v.id} (${v.proto}) out through ${v.lower.name}`);
    sim.xmit(v.lower, { ...frame, tags: [{ tpid: TPID[v.proto], vid: v.id }, ...(frame.tags ?? [])] });
  },
};
