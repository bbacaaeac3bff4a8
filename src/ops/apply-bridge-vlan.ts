/**
 * `bridge vlan add|del` as the kernel takes it (rtnl_bridge_setlink / rtnl_bridge_dellink,
 * br_setlink → br_afspec → br_process_vlan_info → br_vlan_info): without flags or with
 * `master` the request goes to the device's bridge (a device that is no bridge port: EOPNOTSUPP),
 * with `self` to the device itself (only a bridge takes it). Each VLAN id must be 1–4094; a
 * kernel built without VLAN filtering then refuses every add (EOPNOTSUPP) and ignores deletes,
 * as deleting a VLAN the device does not have is ignored.
 */
import { kernelHasBridgeVlans, vlanAdd, vlanDel } from '../model/bridge-vlan.js';
import type { Link } from '../model/link.js';
import { findDev, type OpContext } from './context.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import type { BridgeVlanOp } from './op.js';

/** VLAN_VID_MASK: 4095 is reserved. */
const VID_MAX = 4094;

export function applyBridgeVlan(ctx: OpContext, op: BridgeVlanOp): void {
  const dev = findDev(ctx, op.dev);
  if (!op.self || op.master) {
    if (dev.master?.kind !== 'bridge') throw rtnetlinkError(ERRNO.EOPNOTSUPP);
    apply(dev, op);
  }
  if (op.self) {
    if (dev.kind !== 'bridge') throw rtnetlinkError(ERRNO.EOPNOTSUPP);
    apply(dev, op);
  }
}

function apply(l: Link, op: BridgeVlanOp): void {
  const last = op.vidEnd ?? op.vid;
  for (const v of [op.vid, last]) if (v < 1 || v > VID_MAX) throw kernelError('bridge: Vlan id is invalid');
  if (op.mode === 'del') {
    for (let v = op.vid; v <= last; v++) vlanDel(l, v);
  } else {
    if (!kernelHasBridgeVlans(l)) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
    for (let v = op.vid; v <= last; v++) vlanAdd(l, v, { pvid: op.pvid, untagged: op.untagged });
  }
  l.ns.touch();
}
