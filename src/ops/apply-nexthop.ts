/**
 * `ip nexthop add|replace|del` (net/ipv4/nexthop.c rtm_to_nh_config, nh_check_attr_group,
 * nh_create_ipv4, insert_nexthop, replace_nexthop, rtm_del_nexthop), checked in the kernel's
 * order, with its words.
 */
import { SCOPE } from '../model/address.js';
import { hasCarrier } from '../model/link.js';
import { nexthopChanged, removeNexthop, unusedNexthopId, type GroupMember, type Nexthop } from '../model/nexthop.js';
import { PROTO, TABLE, type Route } from '../model/route.js';
import { checkNexthop } from './apply-route.js';
import { findDev, type OpContext } from './context.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import type { NexthopAddOp, NexthopDelOp } from './op.js';

/** rtm_to_nh_config and nh_create: the nexthop the request describes (its id not yet given). */
function buildNexthop(ctx: OpContext, op: NexthopAddOp): Nexthop {
  const ns = ctx.ns;
  const nh: Nexthop = { id: 0, dev: null, gateway: null, onlink: op.onlink, blackhole: false, scope: SCOPE.global, protocol: op.protocol, group: null };
  if (op.group) {
    const ids = op.group.map((m) => m.id);
    if (ids.some((id, i) => ids.indexOf(id) !== i)) throw kernelError('Nexthop id can not be used twice in a group');
    if (op.dev !== null || op.gateway !== null || op.blackhole) throw kernelError('No other attributes can be set in nexthop groups');
    const members: GroupMember[] = [];
    for (const m of op.group) {
      const x = ns.nexthops.get(m.id);
      if (!x) throw kernelError('Invalid nexthop id');
      if (x.group) throw kernelError('Hash-threshold group can not be a nexthop within a group');
      if (x.blackhole && op.group.length > 1) throw kernelError('Blackhole nexthop can not be used in a group with more than 1 path');
      members.push({ nh: x, weight: m.weight });
    }
    nh.group = members;
    return nh;
  }
  if (op.blackhole) {
    if (op.gateway !== null || op.dev !== null) throw kernelError('Blackhole attribute can not be used with other attributes');
    nh.blackhole = true;
    return nh;
  }
  if (op.dev === null) throw kernelError('Device attribute required for non-blackhole and non-fdb nexthops');
  const dev = findDev(ctx, op.dev);
  if (!dev.up) throw kernelError('Nexthop device is not up');
  if (!hasCarrier(dev)) throw kernelError('Carrier for nexthop device is down');
  // fib_check_nh with the scope of a route of universe scope, in table main
  const probe: Route = {
    table: TABLE.main,
    type: 'unicast',
    dst: 0,
    dstLen: 0,
    tos: 0,
    protocol: PROTO.unspec,
    scope: SCOPE.global,
    metric: 0,
    dev,
    gateway: op.gateway,
    prefsrc: null,
    onlink: op.onlink,
    nhScope: SCOPE.host,
  };
  checkNexthop(ns, probe, dev, TABLE.main, SCOPE.global);
  nh.dev = probe.dev;
  nh.gateway = op.gateway;
  nh.scope = op.gateway !== null ? SCOPE.link : SCOPE.host;
  return nh;
}

/** insert_nexthop: a new id, the same id replaced in place, or EEXIST. */
export function applyNexthopAdd(ctx: OpContext, op: NexthopAddOp): void {
  const ns = ctx.ns;
  const nh = buildNexthop(ctx, op);
  const old = op.id ? ns.nexthops.get(op.id) : undefined;
  if (old) {
    if (!op.replace) throw rtnetlinkError(ERRNO.EEXIST);
    // replace_nexthop: a group stays a group, a nexthop a nexthop
    if (old.group && !nh.group) throw kernelError('Can not replace a nexthop group with a nexthop.');
    if (!old.group && nh.group) throw kernelError('Can not replace a nexthop with a nexthop group.');
    Object.assign(old, { ...nh, id: old.id });
    nexthopChanged(ns, old);
    return;
  }
  nh.id = op.id || unusedNexthopId(ns);
  if (!nh.id) throw rtnetlinkError('No space left on device');
  ns.nexthops.set(nh.id, nh);
  ns.touch();
}

/** rtm_del_nexthop. */
export function applyNexthopDel(ctx: OpContext, op: NexthopDelOp): void {
  if (op.id === null) throw kernelError('Nexthop id is missing');
  if (op.id === 0) throw kernelError('Invalid nexthop id');
  const nh = ctx.ns.nexthops.get(op.id);
  if (!nh) throw rtnetlinkError(ERRNO.ENOENT);
  removeNexthop(ctx.ns, nh);
}
