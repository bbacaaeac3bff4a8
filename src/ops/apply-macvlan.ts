/**
 * macvlan devices (drivers/net/macvlan.c macvlan_common_newlink, macvlan_changelink,
 * macvlan_change_mtu): the lower device, the mode, the MTU and the refusals the kernel gives.
 */
import { createLink, setMaster, linkUp, stackOn } from '../model/device.js';
import { KINDS } from '../model/kinds/index.js';
import { hasCarrier, type Link, type MacvlanMode } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { ERRNO, rtnetlinkError } from './errors.js';
import type { OpContext } from './context.js';
import type { LinkAddOp } from './op.js';

/** dev_alloc_name's template for a macvlan made without a name. */
const NAME_TEMPLATE = 'macvlan';

/**
 * macvlan_port_create's refusals of a lower device: not Ethernet (lo, a tun), or its
 * rx_handler is taken (a bridge port). A macvlan given as the lower stands for its own lower.
 */
export function macvlanLower(ctx: OpContext, name: string | null | undefined): Link {
  let lower = name ? ctx.ns.linkByName(name) : undefined;
  if (!lower || KINDS[lower.kind].type !== 'ether') throw rtnetlinkError(ERRNO.EINVAL);
  if (lower.macvlan) lower = lower.macvlan.lower;
  if (lower.master) throw rtnetlinkError(ERRNO.EBUSY);
  return lower;
}

export function applyMacvlanAdd(ctx: OpContext, ns: Netns, op: LinkAddOp, master: Link | null): void {
  const lower = macvlanLower(ctx, op.link);
  const mode: MacvlanMode = op.macvlan?.mode ?? 'vepa';
  if (op.mtu !== null && op.mtu > lower.mtu) throw rtnetlinkError(ERRNO.EINVAL);
  // a passthru port holds one macvlan; a port with macvlans cannot become passthru
  const ups = lower.uppers ?? [];
  if (ups.some((u) => u.macvlan!.mode === 'passthru')) throw rtnetlinkError(ERRNO.EINVAL);
  if (mode === 'passthru' && ups.length > 0) throw rtnetlinkError(ERRNO.EINVAL);
  const name = op.name ?? freeName(ns);
  if (ns.linkByName(name)) throw rtnetlinkError(ERRNO.EEXIST);
  const l = createLink(ns, name, 'macvlan');
  l.macvlan = { mode, lower };
  stackOn(l, lower);
  // netif_stacked_transfer_operstate: a new device has carrier; losing it to the lower's is a linkwatch event
  if (!hasCarrier(lower)) l.operPending = true;
  if (lower.ns !== ns) {
    ns.nsidOf(lower.ns, true);
  }
  l.mtu = op.mtu ?? lower.mtu;
  if (op.address !== null) l.mac = op.address;
  // eth_hw_addr_inherit: a passthru macvlan is its lower device on the wire
  if (mode === 'passthru') l.mac = lower.mac;
  if (master) setMaster(l, master);
  if (op.up) linkUp(l);
}

function freeName(ns: Netns): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`${NAME_TEMPLATE}${i}`)) return `${NAME_TEMPLATE}${i}`;
}

/** macvlan_changelink: the mode may change, but never to or from passthru. */
export function checkMacvlanChange(l: Link, mode: MacvlanMode | null): void {
  if (mode === null) return;
  if (!l.macvlan) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  if ((mode === 'passthru') !== (l.macvlan.mode === 'passthru')) throw rtnetlinkError(ERRNO.EINVAL);
}

/** macvlan_change_mtu: never above the lower device's MTU. */
export function checkMacvlanMtu(l: Link, mtu: number): void {
  if (l.macvlan && mtu > l.macvlan.lower.mtu) throw rtnetlinkError(ERRNO.EINVAL);
}

/** macvlan_device_event NETDEV_CHANGEMTU: a lower device's new MTU caps its macvlans' (it never raises them). */
export function lowerMtuChanged(lower: Link): void {
  for (const u of lower.uppers ?? []) if (u.mtu > lower.mtu) u.mtu = lower.mtu;
}
