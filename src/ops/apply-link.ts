/** link add / set / del, as rtnl_newlink, do_setlink and rtnl_dellink run them. */
import { pmtuDevMtuChanged } from '../model/pmtu.js';
import { setAddrGenMode } from '../model/ipv6/addrconf.js';
import { createLink, deleteLink, linkDown, linkUp, moveLink, pairVeth, setMaster, bridgeMtuAutoAdjust } from '../model/device.js';
import { lowerOf, type Link, type LinkKind } from '../model/link.js';
import { KINDS } from '../model/kinds/index.js';
import { portChanged } from '../model/bridge-ports.js';
import type { Netns } from '../model/netns.js';
import { kernelHasLinkKind } from '../model/kernel-profile.js';
import { bondMacChanged, bondMtuChanged } from '../model/bond.js';
import { checkBondEnslave, makeBond } from './apply-bond.js';
import { makeGeneve } from './apply-geneve.js';
import { checkVrfEnslave, makeVrf } from './apply-vrf.js';
import { ERRNO, kernelError, OpError, rtnetlinkError } from './errors.js';
import { findDev, findNetns, invalidArg, type OpContext } from './context.js';
import type { LinkAddOp, LinkDelOp, LinkSetOp, TuntapAddOp, TuntapDelOp } from './op.js';
import { applyVxlanAdd } from './apply-vxlan.js';
import { applyBridgeSpec, validateBridgeSpec } from './apply-bridge.js';
import { applyIpTunnelAdd, applyIpTunnelChange, checkIpTunnelMtu } from './apply-iptnl.js';
import { applyVlanAdd, applyVlanChange, checkVlanMtu, checkVlanOpen } from './apply-vlan.js';
import { applyIpvlanAdd, applyIpvlanChange } from './apply-ipvlan.js';
import { ipvlanLowerMac, ipvlanLowerMtu } from '../model/kinds/ipvlan-port.js';
import { applyMacvlanAdd, checkMacvlanChange, checkMacvlanMtu, lowerMtuChanged } from './apply-macvlan.js';

/** Kinds the model creates through rtnetlink, when the modelled kernel has them (kernel-profile.ts). Others get "Unknown device type". */
const CREATABLE = new Set(['veth', 'bridge', 'vxlan', 'macvlan', 'dummy', 'ifb', 'vlan', 'ipip', 'gre', 'sit', 'vrf', 'bond', 'geneve', 'ipvlan']);

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
  if (op.name !== null) {
    const e = checkIfname(op.name);
    if (e) throw e;
  }
  const ns = targetNs(ctx, op.netns);
  // rtnl_newlink looks the name up before it looks for the kind's driver
  if (op.name !== null && ns.linkByName(op.name)) throw rtnetlinkError(ERRNO.EEXIST);
  if (op.kind === 'tun') throw kernelError('tun/tap creation via rtnetlink is not supported');
  if (op.kind === 'macvtap') throw macvtapRefusal(ctx, op);
  if (!CREATABLE.has(op.kind) || !kernelHasLinkKind(ns, op.kind)) throw kernelError('Unknown device type');
  // IFLA_AF_SPEC's IPv6 part needs the device's inet6_dev, which a device being made has not yet (observed on 6.18)
  if (op.addrGenMode !== undefined) throw rtnetlinkError(ERRNO.EAFNOSUPPORT);
  checkAddMac(op.address);
  if (op.peer) checkAddMac(op.peer.address);
  const master = op.master !== null ? findMaster(ctx.ns, op.master) : null;
  if (op.kind === 'vxlan') {
    applyVxlanAdd(ctx, ns, op);
    return;
  }
  if (op.kind === 'macvlan') {
    if (master) checkEnslave(master, 'macvlan');
    applyMacvlanAdd(ctx, ns, op, master);
    return;
  }
  if (op.kind === 'ipvlan') {
    if (master) checkEnslave(master, 'ipvlan');
    applyIpvlanAdd(ctx, ns, op, master);
    return;
  }
  if (op.kind === 'vlan') {
    if (master) checkEnslave(master, 'vlan');
    applyVlanAdd(ctx, ns, op, master);
    return;
  }
  if (op.kind === 'ipip' || op.kind === 'gre' || op.kind === 'sit') {
    if (master) checkEnslave(master, op.kind);
    applyIpTunnelAdd(ctx, ns, op, op.kind, master);
    return;
  }
  if (op.kind === 'geneve') {
    finishAdd(makeGeneve(ns, op), op, master);
    return;
  }
  if (op.kind === 'bond') {
    finishAdd(makeBond(ns, op), op, master);
    return;
  }
  if (op.kind === 'vrf') {
    finishAdd(makeVrf(ns, op, master), op, null);
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
    pairVeth(peer, l);
    // only the new device's RTM_NEWLINK names the other namespace (the peer's went out before
    // the two were tied): the peer's namespace gives an id when it next hears of its end
    if (peerNs !== ns) ns.nsidOf(peerNs, true);
    finishAdd(l, op, master);
    return;
  }
  const name = op.name ?? allocName(ns, op.kind);
  if (ns.linkByName(name)) throw rtnetlinkError(ERRNO.EEXIST);
  if (master) checkEnslave(master, op.kind as LinkKind);
  if (op.bridge && op.kind === 'bridge') validateBridgeSpec(ns, op.bridge);
  const l = createLink(ns, name, op.kind as LinkKind);
  if (op.bridge && l.bridge) {
    // br_dev_newlink registers the device, then applies the settings: a refusal unregisters it
    try {
      applyBridgeSpec(l, op.bridge);
    } catch (e) {
      deleteLink(l);
      throw e;
    }
  }
  finishAdd(l, op, master);
}

/**
 * macvtap shares macvlan_common_newlink: no lower device, or one that is not Ethernet (lo, a
 * tun), is EINVAL. The model does not make macvtap devices; one the kernel would make is
 * reported as such.
 */
function macvtapRefusal(ctx: OpContext, op: LinkAddOp): OpError {
  const lower = op.link ? ctx.ns.linkByName(op.link) : undefined;
  if (!lower || KINDS[lower.kind].type !== 'ether') return rtnetlinkError(ERRNO.EINVAL);
  return new OpError(`nettwin: unsupported: link type ${op.kind}\n`, 127, 'unsupported');
}

export function finishAdd(l: Link, op: LinkAddOp, master: Link | null): void {
  // rtnl_create_link writes dev->mtu without ndo_change_mtu: a bridge made with an MTU still
  // follows its ports (BROPT_MTU_SET_BY_USER is br_change_mtu's)
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

/** eth_validate_addr on a new device: 6 bytes (else EINVAL), unicast and not zero. */
function checkAddMac(mac: string | null): void {
  if (mac === null) return;
  if (mac.split(':').length !== 6) throw rtnetlinkError(ERRNO.EINVAL);
  checkMac(mac);
}

/** is_valid_ether_addr: neither multicast nor all zeros, else EADDRNOTAVAIL. */
function checkMac(mac: string): void {
  const first = parseInt(mac.slice(0, 2), 16);
  if (first & 1 || /^(00:){5}00$/.test(mac)) throw rtnetlinkError('Cannot assign requested address');
}

/**
 * br_add_if's refusals, for a device of this kind joining `master` (ndo_add_slave of anything
 * but a bridge is EOPNOTSUPP). A device that is already a port never gets here with
 * `ip link set`: do_set_master takes it out of its old master first.
 */
function checkEnslave(master: Link, kind: LinkKind, dev?: Link): void {
  if (master.kind === 'bond') {
    checkBondEnslave(master, dev);
    return;
  }
  if (master.kind === 'vrf') {
    checkVrfEnslave(kind);
    return;
  }
  if (master.kind !== 'bridge') throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  // not ethernet-like, or no valid MAC (a bridge whose last port left has 00:00:00:00:00:00)
  const refusal = KINDS[kind].portRefusal;
  if (refusal === 'EINVAL') throw rtnetlinkError(ERRNO.EINVAL);
  if (dev && /^(00:){5}00$/.test(dev.mac)) throw rtnetlinkError(ERRNO.EINVAL);
  if (refusal === 'bridge') throw kernelError('Can not enslave a bridge to a bridge');
  // the device's rx_handler is a macvlan or ipvlan port's, it is an ipvlan (IFF_NO_RX_HANDLER),
  // or the bridge sits below it (an upper-device loop)
  if (dev && (dev.uppers?.some((u) => u.macvlan || u.ipvlan) || dev.ipvlan || lowerOf(dev) === master)) throw rtnetlinkError(ERRNO.EBUSY);
}

export function applyLinkSet(ctx: OpContext, op: LinkSetOp): void {
  const l = findDev(ctx, op.dev);
  // Validate everything first: a refused command changes nothing.
  const to = op.netns !== null ? targetNs(ctx, op.netns) : null;
  if (to === l.ns) {
    // moving a device into its own namespace is a no-op for the kernel
  }
  if (to && to !== l.ns) {
    // netns_local devices: lo, and bridges (br_dev_setup)
    if (KINDS[l.kind].netnsLocal) throw kernelError('The interface netns is immutable');
    if (op.name === null && to.linkByName(l.name)) throw kernelError('An interface with the same name exists in the target netns');
    if (op.name !== null && to.linkByName(op.name)) throw rtnetlinkError(ERRNO.EEXIST);
  }
  let master: Link | null | undefined;
  let masterError: OpError | null = null;
  if (op.master !== null) {
    master = op.master === '' ? null : findMaster(ctx.ns, op.master);
    if (master && master !== l.master) masterError = enslaveError(master, l);
  }
  // __rtnl_newlink runs the kind's changelink before do_setlink: bridge settings come first
  // and stay even when a later step is refused
  if (op.bridge && l.bridge) {
    validateBridgeSpec(l.ns, op.bridge);
    applyBridgeSpec(l, op.bridge);
  }
  // br_port_slave_changelink: only a bridge port has port settings
  if (op.bridgePort && (!l.master || l.master.kind !== 'bridge')) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  if (op.bridgePort && op.bridgePort.hairpin !== null) l.hairpin = op.bridgePort.hairpin;
  if (op.macvlan) {
    checkMacvlanChange(l, op.macvlan.mode);
    if (op.macvlan.mode !== null) l.macvlan!.mode = op.macvlan.mode;
  }
  if (op.ipvlan) applyIpvlanChange(l, op.ipvlan);
  if (op.vlan) applyVlanChange(l, op.vlan);
  if (op.iptnl && l.iptnl) applyIpTunnelChange(l, op.iptnl);
  if (op.name !== null && op.name !== l.name) {
    const e = checkIfname(op.name);
    if (e) throw e;
    // Linux 6.18 renames devices that are up (observed), so no EBUSY here
    if ((to ?? l.ns).linkByName(op.name)) throw rtnetlinkError(ERRNO.EEXIST);
  }
  if (op.mtu !== null) {
    checkMtu(l, op.mtu);
    checkMacvlanMtu(l, op.mtu);
    checkVlanMtu(l, op.mtu);
    checkIpTunnelMtu(l, op.mtu);
  }
  if (op.address !== null) checkMac(op.address);
  // ipvlan_netdev_ops has no ndo_set_mac_address: its MAC is its lower's
  if (op.address !== null && l.ipvlan) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  if (to && to !== l.ns) {
    moveLink(l, to, op.name ?? undefined);
    // Changes after the move apply in the new namespace; `up` with netns is applied there.
    if (op.promisc !== undefined) setPromisc(l, op.promisc);
    if (op.up) linkUp(l);
    return;
  }
  if (op.address !== null) {
    l.mac = op.address;
    if (l.bridge) l.bridge.macSet = true;
    if (l.bond) bondMacChanged(l);
    ipvlanLowerMac(l);
    portChanged(l);
    // br_fdb_changeaddr: the port's new MAC is the bridge's newest local entry
    if (l.master?.kind === 'bridge') {
      l.ns.touch();
      l.brSeq = l.ns.host.lab.version;
    }
  }
  if (op.mtu !== null) {
    const orig = l.mtu;
    l.mtu = op.mtu;
    if (orig !== l.mtu) pmtuDevMtuChanged(l, orig);
    // dev_set_mtu returns before ndo_change_mtu when the MTU is the same: setting a bridge's
    // own MTU again does not pin it
    if (l.bridge && orig !== l.mtu) l.bridge.mtuSetByUser = true;
    portChanged(l);
    if (l.master) bridgeMtuAutoAdjust(l.master);
    lowerMtuChanged(l);
    if (orig !== l.mtu) ipvlanLowerMtu(l);
    if (l.bond) bondMtuChanged(l);
  }
  if (op.txqlen !== null) l.txqlen = op.txqlen;
  // dev_set_alias: an empty one frees it
  if (op.alias !== undefined) l.ifalias = op.alias === '' ? undefined : op.alias;
  if (op.name !== null) l.ns.renameLink(l, op.name);
  if (masterError) {
    // do_set_master runs after the flags: the device has left its old master (ndo_del_slave)
    // before the new one refuses it, and neither step is undone
    if (op.up === true) linkUp(l);
    else if (op.up === false) linkDown(l);
    setMaster(l, null);
    throw masterError;
  }
  if (master !== undefined) setMaster(l, master);
  // dev_change_flags: IFF_PROMISC goes with the other flags, before the device is opened
  if (op.promisc !== undefined) setPromisc(l, op.promisc);
  if (op.up === true) checkVlanOpen(l);
  if (op.up === true) linkUp(l);
  else if (op.up === false) linkDown(l);
  l.ns.touch();
  // IFLA_AF_SPEC comes last in do_setlink: a refused mode leaves the rest done
  if (op.addrGenMode !== undefined && !setAddrGenMode(l, op.addrGenMode)) throw rtnetlinkError(ERRNO.EINVAL);
}

/** __dev_change_flags: IFF_PROMISC in gflags, one count of dev_set_promiscuity while it is on. */
function setPromisc(l: Link, on: boolean): void {
  if (on) l.promisc = true;
  else delete l.promisc;
}

function enslaveError(master: Link, l: Link): OpError | null {
  try {
    checkEnslave(master, l.kind, l);
    return null;
  } catch (e) {
    if (e instanceof OpError) return e;
    throw e;
  }
}

/**
 * dev_validate_mtu: the MTU is a signed int (so 4294967295 is -1, below any minimum);
 * loopback has minimum 0 and no maximum, the others ETH_MIN_MTU..ETH_MAX_MTU.
 */
function checkMtu(l: Link, mtu: number): void {
  const { minMtu: min, maxMtu: max } = KINDS[l.kind];
  if ((mtu | 0) < min) throw kernelError(`mtu less than device minimum`);
  if (max > 0 && mtu > max) throw kernelError(`mtu greater than device maximum`);
}

export function applyLinkDel(ctx: OpContext, op: LinkDelOp): void {
  const l = findDev(ctx, op.dev);
  if (!KINDS[l.kind].deletable) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
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

/**
 * TUNSETIFF then TUNSETPERSIST 0: a missing name makes a throwaway device that vanishes when
 * the file is closed (it still uses up an ifindex); a device of another kind or mode is EINVAL.
 */
export function applyTuntapDel(ctx: OpContext, op: TuntapDelOp): void {
  const l = ctx.ns.linkByName(op.name);
  if (!l) {
    ctx.ns.allocIfindex();
    return;
  }
  if (!l.tun || l.tun.mode !== op.mode) throw new OpError('ioctl(TUNSETIFF): Invalid argument\n', 1, 'invalid');
  deleteLink(l);
}
