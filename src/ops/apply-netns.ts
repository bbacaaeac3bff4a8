/** ip netns add / del: a namespace file in /run/netns, and what the kernel does at creation. */
import { createLink, deleteLink, moveLink } from '../model/device.js';
import { Netns } from '../model/netns.js';
import { nsidHolders } from '../model/nsid-map.js';
import { KINDS } from '../model/kinds/index.js';
import { kernelError, OpError, OpUnsupported } from './errors.js';
import type { OpContext } from './context.js';
import type { NetnsAddOp, NetnsDelOp, NetnsSetIdOp } from './op.js';

/** A new namespace: only `lo`, down; IPv4 conf copied from the machine's initial namespace. */
export function createNetns(ctx: OpContext, name: string): Netns {
  const host = ctx.ns.host;
  const ns = new Netns(host, name, host.lab.profile);
  createLink(ns, 'lo', 'loopback');
  host.namespaces.set(name, ns);
  host.lab.version++;
  return ns;
}

export function applyNetnsAdd(ctx: OpContext, op: NetnsAddOp): void {
  if (ctx.ns.host.namespaces.has(op.name)) {
    throw new OpError(`Cannot create namespace file "/run/netns/${op.name}": File exists\n`, 1, 'exists');
  }
  createNetns(ctx, op.name);
}

/** Deleting a namespace destroys its virtual devices (veth peers elsewhere too); NICs go home. */
export function applyNetnsDel(ctx: OpContext, op: NetnsDelOp): void {
  const host = ctx.ns.host;
  const ns = host.namespaces.get(op.name);
  if (!ns) {
    throw new OpError(`Cannot remove namespace file "/run/netns/${op.name}": No such file or directory\n`, 1, 'no-netns');
  }
  for (const l of [...ns.linkList()].reverse()) {
    if (!ns.links.has(l.ifindex)) continue;
    const fate = KINDS[l.kind].onNetnsDelete;
    if (fate === 'home') moveLink(l, host.root);
    else if (fate === 'destroy') deleteLink(l);
  }
  // vxlan_exit_batch_rtnl: the VXLAN devices made in the namespace go with it, wherever they are now
  for (const other of host.namespaces.values()) for (const l of [...other.linkList()]) if (l.vxlan?.net === ns && other.links.has(l.ifindex)) deleteLink(l);
  for (const l of [...host.root.linkList()]) if (l.vxlan?.net === ns && host.root.links.has(l.ifindex)) deleteLink(l);
  host.namespaces.delete(op.name);
  // every namespace of the host forgets the id it gave it (only those that gave one have any)
  for (const other of nsidHolders(ns)) {
    if (other.host === host && (other === host.root || host.namespaces.get(other.name!) === other)) other.nsids.delete(ns);
  }
  host.lab.version++;
}

/**
 * `ip netns set NAME NSID|auto` (RTM_NEWNSID, rtnl_net_newid): the current namespace gives NAME
 * an id, once — a second one, or an id already given, is refused with the kernel's extack.
 */
export function applyNetnsSetId(ctx: OpContext, op: NetnsSetIdOp): void {
  const peer = ctx.ns.host.namespaces.get(op.name);
  if (!peer) throw new OpError(`Cannot open network namespace "${op.name}": No such file or directory\n`, 1, 'no-netns');
  if (peer === ctx.ns) throw new OpUnsupported('an nsid for the namespace itself');
  if (ctx.ns.nsids.has(peer)) throw kernelError('Peer netns already has a nsid assigned');
  if (op.nsid !== null && [...ctx.ns.nsids.values()].includes(op.nsid)) throw kernelError('The specified nsid is already used');
  ctx.ns.nsids.set(peer, op.nsid ?? ctx.ns.nsids.lowestFree());
  ctx.ns.host.lab.version++;
}
