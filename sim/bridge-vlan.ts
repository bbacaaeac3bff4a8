/**
 * A VLAN-filtering bridge's data path (net/bridge/br_vlan.c br_allowed_ingress,
 * br_allowed_egress, br_handle_vlan), used only by a bridge with `vlan_filtering 1`: a frame
 * entering the bridge — on a port, or from the bridge's own stack — belongs to the VLAN of its
 * 802.1Q tag, or, untagged (or priority tagged), to the PVID of where it entered; it is dropped
 * when that VLAN is not there. Inside the bridge the frame carries its VLAN as an outer tag;
 * leaving by a port, or up to the bridge's own stack, it is dropped where the VLAN is not, and
 * sent untagged where the VLAN is "Egress Untagged".
 *
 * Learning stays by MAC alone (the kernel's FDB is by MAC and VLAN): a MAC seen in two VLANs
 * is where it was last seen.
 */
import { egressUntagged, ingressVid } from '../src/model/bridge-vlan.js';
import type { Link } from '../src/model/link.js';
import type { Frame } from './packet.js';
import type { Simulator } from './simulator.js';
import { TPID } from './links/vlan.js';

const Q = TPID['802.1Q'];

/** br_allowed_ingress: the frame tagged with its VLAN, or null when `dev` (a port, or the bridge for its own stack's frames) does not have it. */
export function vlanIngress(sim: Simulator, br: Link, dev: Link, frame: Frame): Frame | null {
  const outer = frame.tags?.[0];
  const tagged = outer !== undefined && outer.tpid === Q;
  const vid = ingressVid(dev, tagged ? outer.vid : null);
  if (vid === null) {
    const what = tagged && outer.vid ? `VLAN ${outer.vid}` : 'an untagged frame (no PVID there)';
    if (sim.tracer) sim.stepDrop(br.ns, 'vlan-filter', `${br.name}: ${dev.name} does not take ${what}`);
    return null;
  }
  const rest = tagged ? frame.tags!.slice(1) : (frame.tags ?? []);
  return { ...frame, tags: [{ tpid: Q, vid }, ...rest] };
}

/** br_allowed_egress + br_handle_vlan: the frame as `dev` sends it (its tag gone when untagged there), or null when `dev` does not have its VLAN. */
export function vlanEgress(sim: Simulator, br: Link, dev: Link, frame: Frame): Frame | null {
  const [inner, ...rest] = frame.tags!;
  const untagged = egressUntagged(dev, inner!.vid);
  if (untagged === null) {
    if (sim.tracer) sim.stepDrop(br.ns, 'vlan-filter', `${br.name}: VLAN ${inner!.vid} is not on ${dev.name}`);
    return null;
  }
  if (!untagged) return frame;
  return { ...frame, tags: rest.length ? rest : undefined };
}
