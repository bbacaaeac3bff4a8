/**
 * VLAN devices (net/8021q/vlan_netlink.c vlan_validate, vlan_newlink, vlan_changelink;
 * vlan_dev.c vlan_dev_change_mtu, vlan_dev_open): the lower device, the tag, the flags, the
 * MTU and the refusals the kernel gives, in its words ("8021q: …").
 */
import { createLink, linkUp, setMaster, stackOn } from '../model/device.js';
import { hasCarrier, type Link, type VlanFlags } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import type { OpContext } from './context.js';
import type { LinkAddOp, VlanSpec } from './op.js';

/** VLAN_VID_MASK: ids run 0–4094 (4095 is reserved). */
const VLAN_VID_MASK = 4095;

/** Kinds that refuse VLANs (NETIF_F_VLAN_CHALLENGED): loopback. */
const CHALLENGED = new Set(['loopback']);

/** vlan_newlink's and vlan_dev_change_mtu's maximum: the lower's MTU (only a MACsec lower, netif_reduces_vlan_mtu, would take a tag's 4 bytes off). */
function maxMtu(lower: Link): number {
  return lower.mtu;
}

export function applyVlanAdd(ctx: OpContext, ns: Netns, op: LinkAddOp, master: Link | null): void {
  const spec = op.vlan;
  // vlan_validate
  if (!spec || (spec.id === null && spec.proto === null && Object.keys(spec.flags).length === 0)) throw kernelError('8021q: VLAN properties not specified');
  if (spec.id !== null && spec.id >= VLAN_VID_MASK) throw kernelError('8021q: Invalid VLAN id');
  // vlan_newlink
  if (spec.id === null) throw kernelError('8021q: VLAN id not specified');
  if (!op.link) throw kernelError('8021q: link not specified');
  const lower = ctx.ns.linkByName(op.link);
  if (!lower) throw kernelError('8021q: link does not exist');
  const proto = spec.proto ?? '802.1Q';
  if (CHALLENGED.has(lower.kind)) throw kernelError('8021q: VLANs not supported on device');
  if ((lower.uppers ?? []).some((u) => u.vlan && u.vlan.id === spec.id && u.vlan.proto === proto)) throw kernelError('8021q: VLAN device already exists');
  const max = maxMtu(lower);
  if (op.mtu !== null && op.mtu > max) throw rtnetlinkError(ERRNO.EINVAL);
  const name = op.name ?? freeName(ns);
  const l = createLink(ns, name, 'vlan');
  const flags: VlanFlags = { reorderHdr: true, gvrp: false, mvrp: false, looseBinding: false, bridgeBinding: false, ...spec.flags };
  l.vlan = { proto, id: spec.id, lower, flags };
  stackOn(l, lower);
  // vlan_dev_init: the lower's flags (NOARP, MULTICAST), its MAC unless one is given, its MTU
  l.noarp = lower.noarp;
  if (lower.multicastOff || lower.kind === 'dummy') l.multicastOff = true;
  l.mac = op.address ?? lower.mac;
  l.mtu = op.mtu ?? max;
  if (!hasCarrier(lower)) l.operPending = true;
  if (lower.ns !== ns) ns.nsidOf(lower.ns, true);
  if (master) setMaster(l, master);
  if (op.up) linkUp(l);
}

function freeName(ns: Netns): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`vlan${i}`)) return `vlan${i}`;
}

/** vlan_changelink on an existing VLAN: the flags given change; the id and protocol stay as made. */
export function applyVlanChange(l: Link, spec: VlanSpec): void {
  if (!l.vlan) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  if (spec.id !== null && spec.id >= VLAN_VID_MASK) throw kernelError('8021q: Invalid VLAN id');
  Object.assign(l.vlan.flags, spec.flags);
}

/** vlan_dev_change_mtu: never above what the lower device carries. */
export function checkVlanMtu(l: Link, mtu: number): void {
  if (l.vlan && mtu > maxMtu(l.vlan.lower)) throw rtnetlinkError(ERRNO.ERANGE);
}

/** vlan_dev_open: a VLAN bound to its lower device cannot come up while the lower is down. */
export function checkVlanOpen(l: Link): void {
  if (l.vlan && !l.up && !l.vlan.lower.up && !l.vlan.flags.looseBinding) throw rtnetlinkError(ERRNO.ENETDOWN);
}
