/**
 * ipvlan devices (drivers/net/ipvlan/ipvlan_main.c ipvlan_link_new, ipvlan_nl_changelink): the
 * lower device and its port, the MAC and MTU taken from it, and the refusals the kernel gives.
 */
import { createLink, setMaster, linkUp, stackOn } from '../model/device.js';
import { KINDS } from '../model/kinds/index.js';
import { allocIpvlanDevId, ipvlansOn, setIpvlanMode } from '../model/kinds/ipvlan-port.js';
import { hasCarrier, type Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { ERRNO, rtnetlinkError } from './errors.js';
import type { OpContext } from './context.js';
import type { IpvlanSpec, LinkAddOp } from './op.js';

/**
 * ipvlan_link_new's lower device: an ipvlan stands for its own lower; a device that is not
 * Ethernet, or is lo, is EINVAL; one whose rx_handler is taken (a bridge or bond port, a
 * macvlan's lower) is EBUSY.
 */
function ipvlanLower(ctx: OpContext, name: string | null | undefined): Link {
  const lower = name ? ctx.ns.linkByName(name) : undefined;
  if (!lower) throw rtnetlinkError(ERRNO.EINVAL);
  if (lower.ipvlan) return lower.ipvlan.lower;
  if (lower.ipvlanPort && ipvlansOn(lower).length > 0) return lower;
  if (KINDS[lower.kind].type !== 'ether') throw rtnetlinkError(ERRNO.EINVAL);
  if (lower.master || lower.uppers?.some((u) => u.macvlan)) throw rtnetlinkError(ERRNO.EBUSY);
  return lower;
}

export function applyIpvlanAdd(ctx: OpContext, ns: Netns, op: LinkAddOp, master: Link | null): void {
  const lower = ipvlanLower(ctx, op.link);
  const name = op.name ?? freeName(ns);
  if (ns.linkByName(name)) throw rtnetlinkError(ERRNO.EEXIST);
  // ipvlan_port_create: a new port starts in l3 mode with no flag (bridge)
  if (ipvlansOn(lower).length === 0) lower.ipvlanPort = { mode: 'l3', flag: 'bridge', devIdStart: 1 };
  const l = createLink(ns, name, 'ipvlan');
  l.devId = allocIpvlanDevId(lower);
  l.ipvlan = { lower, carrier: hasCarrier(lower) };
  l.mtu = op.mtu ?? lower.mtu;
  // the lower's MAC, copied before register_netdevice: its perm_addr, unless an address was
  // given (NET_ADDR_SET), which the copy overwrites all the same
  l.mac = lower.mac;
  if (op.address === null) l.permAddr = lower.mac;
  // the flag, then the mode (l3 when none is given): the port's, set before this ipvlan joins it
  if (op.ipvlan?.flag) lower.ipvlanPort!.flag = op.ipvlan.flag;
  setIpvlanMode(lower, op.ipvlan?.mode ?? 'l3');
  stackOn(l, lower);
  if (!l.ipvlan.carrier) l.operPending = true;
  if (lower.ns !== ns) ns.nsidOf(lower.ns, true);
  if (master) setMaster(l, master);
  if (op.up) linkUp(l);
}

/** dev_alloc_name's template for an ipvlan made without a name (rtnl_create_link: the kind's name). */
function freeName(ns: Netns): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`ipvlan${i}`)) return `ipvlan${i}`;
}

/** ipvlan_nl_changelink: the port's mode, then its flag. */
export function applyIpvlanChange(l: Link, spec: IpvlanSpec): void {
  if (!l.ipvlan) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  const lower = l.ipvlan.lower;
  if (spec.mode !== null) setIpvlanMode(lower, spec.mode);
  if (spec.flag !== null) lower.ipvlanPort!.flag = spec.flag;
}
