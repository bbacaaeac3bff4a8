/** link add / set / del, as rtnl_newlink, do_setlink and rtnl_dellink run them. */
import { createLink, deleteLink, linkDown, linkUp, moveLink, setMaster } from '../model/device.js';
import type { Link, LinkKind } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { ERRNO, kernelError, OpError, rtnetlinkError } from './errors.js';
import { findDev, findNetns, invalidArg, type OpContext } from './context.js';
import type { LinkAddOp, LinkDelOp, LinkSetOp, TuntapAddOp, TuntapDelOp } from './op.js';
import { applyVxlanAdd } from './apply-vxlan.js';

/** Kinds this kernel can create through rtnetlink. Others get "Unknown device type". */
const CREATABLE = new Set(['veth', 'bridge', 'vxlan']);

const NAME_TEMPLATE: Record<string, string> = { veth: 'veth', bridge: 'bridge', vxlan: 'vxlan' };

/** dev_valid_name plus the IFNAMSIZ policy check. */
export function checkIfname(name: string): OpError | null {
  if (Buffer.byteLength(name) > 15) return kernelError('Attribute failed policy validation');
  if (name === '' || name === '.' || name === '..' || /[/:\s]/.test(name)) return rtnetlinkError(ERRNO.EINVAL);
  return null;
}

/** dev_alloc_name for "veth%d": the lowest free number. */
function allocName(ns: Netns, kind: string, taken: Set<string> = new Set()): string {
  const base = NAME_TEMPLATE[kind] ?? kind;
  for (let i = 0; ; i++) {
    const n = `${base}${i}`;
    if (!ns.linkByName(n) && !taken.has(n)) return n;
  }
}

function targetNs(ctx: OpContext, name: string | null): Netns {
  if (name === null) return ctx.ns;
  const ns = findNetns(ctx, name);
  if (!ns) throw invalidArg(name, 'Invalid "netns" value\n');
  return ns;
}

export function applyLinkAdd(ctx: OpContext, op: LinkAddOp): void {
  if (op.kind === 'tun' || op.kind === 'tap') throw kernelError('tun/tap creation via rtnetlink is not supported');
  if (!CREATABLE.has(op.kind)) throw kernelError('Unknown device type');
  if (op.name !== null) {
    const e = checkIfname(op.name);
    if (e) throw e;
  }
  const ns = targetNs(ctx, op.netns);
  const master = op.master !== null ? findMaster(ctx.ns, op.master) : null;
  if (op.kind === 'vxlan') {
    applyVxlanAdd(ctx, ns, op);
    return;
  }
  if (op.kind === 'veth') {
    const peerNs = op.peer?.netns ? targetNs(ctx, op.peer.netns) : ctx.ns;
    if (op.peer?.name) {
      const e = checkIfname(op.peer.name);
      if (e) throw e;
    }
    // The peer is registered first (veth_newlink), so it takes the lower ifindex.
    const peerName = op.peer?.name ?? allocName(peerNs, 'veth');
    if (peerNs.linkByName(peerName)) throw rtnetlinkError(ERRNO.EEXIST);
    const name = op.name ?? allocName(ns, 'veth', peerNs === ns ? new Set([peerName]) : new Set());
    if (ns.linkByName(name) || (peerNs === ns && name === peerName)) throw rtnetlinkError(ERRNO.EEXIST);
    if (master) checkEnslave(master, 'veth');
    const peer = createLink(peerNs, peerName, 'veth');
    if (op.peer?.mtu) peer.mtu = op.peer.mtu;
    if (op.peer?.address) peer.mac = op.peer.address;
    const l = createLink(ns, name, 'veth');
    l.peer = peer;
    peer.peer = l;
    if (peerNs !== ns) {
      ns.nsidOf(peerNs, true);
      peerNs.nsidOf(ns, true);
    }
    finishAdd(l, op, master);
    return;
  }
  const name = op.name ?? allocName(ns, op.kind);
  if (ns.linkByName(name)) throw rtnetlinkError(ERRNO.EEXIST);
  if (master) checkEnslave(master, op.kind as LinkKind);
  const l = createLink(ns, name, op.kind as LinkKind);
  if (op.bridge && l.bridge) {
    if (op.bridge.stp !== null) l.bridge.stp = op.bridge.stp;
    if (op.bridge.ageingTime !== null) l.bridge.ageingTime = op.bridge.ageingTime;
    if (op.bridge.vlanFiltering !== null) l.bridge.vlanFiltering = op.bridge.vlanFiltering;
    if (op.bridge.forwardDelay !== null) l.bridge.forwardDelay = op.bridge.forwardDelay;
  }
  finishAdd(l, op, master);
}

export function finishAdd(l: Link, op: LinkAddOp, master: Link | null): void {
  if (op.mtu !== null) l.mtu = op.mtu;
  if (op.address !== null) {
    l.mac = op.address;
    if (l.bridge) l.bridge.macSet = true;
  }
  if (op.txqlen !== null) l.txqlen = op.txqlen;
  if (master) setMaster(l, master);
  if (op.up) linkUp(l);
}

function findMaster(ns: Netns, name: string): Link {
  const m = ns.linkByName(name);
  if (!m) throw invalidArg(name, 'Device does not exist\n');
  return m;
}

/** br_add_if's refusals, for a device of this kind joining `master`. */
function checkEnslave(master: Link, kind: LinkKind, dev?: Link): void {
  if (master.kind !== 'bridge') throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  if (kind === 'loopback') throw kernelError('Can not enslave loopback device');
  if (kind === 'bridge') throw kernelError('Can not enslave a bridge to a bridge');
  if (dev && dev === master) throw kernelError('Can not enslave a bridge to a bridge');
  if (dev && dev.master && dev.master !== master) throw kernelError('Device is already in use.');
  if (kind === 'tun') throw rtnetlinkError(ERRNO.EINVAL);
}

export function applyLinkSet(ctx: OpContext, op: LinkSetOp): void {
  const l = findDev(ctx, op.dev);
  // Validate everything first: a refused command changes nothing.
  const to = op.netns !== null ? targetNs(ctx, op.netns) : null;
  if (to === l.ns) {
    // moving a device into its own namespace is a no-op for the kernel
  }
  if (to && to !== l.ns) {
    if (l.kind === 'loopback') throw rtnetlinkError(ERRNO.EINVAL);
    if (to.linkByName(op.name ?? l.name)) throw rtnetlinkError(ERRNO.EEXIST);
  }
  let master: Link | null | undefined;
  if (op.master !== null) {
    master = op.master === '' ? null : findMaster(ctx.ns, op.master);
    if (master) checkEnslave(master, l.kind, l);
  }
  if (op.name !== null && op.name !== l.name) {
    const e = checkIfname(op.name);
    if (e) throw e;
    if ((to ?? l.ns).linkByName(op.name)) throw rtnetlinkError(ERRNO.EEXIST);
    if (l.up && !to) throw rtnetlinkError(ERRNO.EBUSY);
  }
  if (op.mtu !== null) checkMtu(l, op.mtu);
  if (to && to !== l.ns) {
    moveLink(l, to, op.name ?? undefined);
    // Changes after the move apply in the new namespace; `up` with netns is applied there.
    if (op.up) linkUp(l);
    return;
  }
  if (op.address !== null) {
    l.mac = op.address;
    if (l.bridge) l.bridge.macSet = true;
  }
  if (op.mtu !== null) l.mtu = op.mtu;
  if (op.txqlen !== null) l.txqlen = op.txqlen;
  if (op.name !== null) l.name = op.name;
  if (master !== undefined) setMaster(l, master);
  if (op.bridge && l.bridge) {
    if (op.bridge.stp !== null) l.bridge.stp = op.bridge.stp;
    if (op.bridge.ageingTime !== null) l.bridge.ageingTime = op.bridge.ageingTime;
  }
  if (op.up === true) linkUp(l);
  else if (op.up === false) linkDown(l);
  l.ns.touch();
}

function checkMtu(l: Link, mtu: number): void {
  const min = l.kind === 'loopback' ? 68 : 68;
  const max = l.kind === 'veth' || l.kind === 'loopback' ? 65535 : l.kind === 'bridge' ? 65535 : 65535;
  if (mtu < min) throw kernelError(`mtu less than device minimum`);
  if (mtu > max) throw kernelError(`mtu greater than device maximum`);
}

export function applyLinkDel(ctx: OpContext, op: LinkDelOp): void {
  const l = findDev(ctx, op.dev);
  if (l.kind === 'loopback' || l.kind === 'ether') throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  deleteLink(l);
}

export function applyTuntapAdd(ctx: OpContext, op: TuntapAddOp): void {
  const e = checkIfname(op.name);
  if (e) throw e;
  const existing = ctx.ns.linkByName(op.name);
  if (existing) {
    throw new OpError('ioctl(TUNSETIFF): Device or resource busy\n', 1, 'busy');
  }
  const l = createLink(ctx.ns, op.name, op.mode);
  l.tun = { mode: op.mode, pi: op.pi, attached: false, owner: null, persist: true };
  if (op.mode === 'tap') {
    l.pointopoint = false;
    l.noarp = false;
  }
}

export function applyTuntapDel(ctx: OpContext, op: TuntapDelOp): void {
  const l = ctx.ns.linkByName(op.name);
  if (!l || !l.tun) throw new OpError('ioctl(TUNSETIFF): Invalid argument\n', 1, 'invalid');
  deleteLink(l);
}
