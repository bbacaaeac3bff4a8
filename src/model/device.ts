/**
 * Device lifecycle as the kernel runs it (net/core/dev.c, net/ipv4/devinet.c inetdev_event):
 * register, open (IFF_UP), close, move to another namespace, unregister.
 */
import { SCOPE, type Addr } from './address.js';
import { bondEnslaved, bondMonitor, bondReleased } from './bond.js';
import { fibAddIfaddr, deleteRoutesVia, primaryOf, reviveHops } from './fib-events.js';
import { flushNexthopsOn } from './nexthop.js';
import { inPrefix, type Ip4 } from './ip.js';
import { addrconfPending, addrconfSync, freshInet6, inet6Unregister, initInet6 } from './ipv6/addrconf.js';
import { bridgePorts, hasCarrier, linkwatchEvaluate, lowerOf, recalcBridgeMac, type Link, type LinkKind } from './link.js';
import { BROADCAST_MAC, ZERO_MAC } from './mac.js';
import type { Netns } from './netns.js';
import { cloneConf, markAllConfSet } from './sysctl.js';
import { KINDS } from './kinds/index.js';
import { portVlansChanged } from './bridge-vlan.js';
import { freePortNo, portJoined, portLeaving, preparePorts, smallestPortMtu } from './bridge-ports.js';
import { pneighIfdown } from './proxy-arp.js';
import { ipvlanCarrierEvent } from './kinds/ipvlan-port.js';

/** A new device in `ns`, registered and down, with the next ifindex unless one is asked for. */
export function createLink(ns: Netns, name: string, kind: LinkKind, ifindex?: number): Link {
  const lab = ns.host.lab;
  const k = KINDS[kind];
  const l: Link = {
    ns,
    ifindex: ifindex ?? ns.allocIfindex(),
    name,
    kind,
    up: false,
    everUp: false,
    mtu: k.mtu,
    mac: k.randomMac ? lab.macs.allocate() : ZERO_MAC,
    brd: k.zeroBroadcast ? ZERO_MAC : BROADCAST_MAC,
    txqlen: k.txqlen,
    master: null,
    peer: null,
    addrs: [],
    conf: cloneConf(ns.default),
    confSet: new Set(ns.defaultSet),
    pointopoint: k.pointopoint,
    noarp: k.noarp,
    fdb: [],
    inet6: freshInet6(ns, k.mtu, kind === 'loopback' || k.noarp),
  };
  k.init?.(l);
  k.confInit?.(l);
  ns.attach(l);
  return l;
}

/** NETDEV_UP: IFF_UP, loopback's 127.0.0.1/8, and the routes of every address. */
export function linkUp(l: Link): void {
  if (l.up) return;
  const stacked = stackedCarrier(l);
  // ipvlan_open: IFF_NOARP as its port's mode has it
  if (l.ipvlan) l.noarp = l.ipvlan.lower.ipvlanPort?.mode !== 'l2';
  l.up = true;
  l.everUp = true;
  addrconfPending(l);
  if (l.kind === 'loopback' && !l.addrs.some((a) => a.local === 0x7f000001 && a.prefixLen === 8)) {
    // inet_set_ifa: ipv4_devconf_setall, so conf/default writes no longer reach lo
    markAllConfSet(l.confSet);
    insertAddress(l, {
      local: 0x7f000001,
      address: 0x7f000001,
      prefixLen: 8,
      scope: SCOPE.host,
      secondary: false,
      label: l.name,
      broadcast: null,
      noprefixroute: false,
      metric: 0,
    });
  }
  for (const a of l.addrs) fibAddIfaddr(l, a);
  reviveHops(l);
  l.ns.touch();
  if (l.peer) l.peer.ns.touch();
  // veth_open: with the peer up, carrier comes on at both ends
  const far = l.peer ?? l.cable ?? null;
  heardOfPeer(l);
  if (far && hasCarrier(l)) {
    carrierChanged(l);
    linkwatchEvaluate(l);
    linkwatchEvaluate(far);
    heardOfPeer(far);
  }
  stackedCarrierChanged(stacked);
  syncCarrierNeighbours(l);
  // vlan_device_event NETDEV_UP: the VLANs on a device come up with it, unless loosely bound
  for (const u of [...(l.uppers ?? [])]) if (u.vlan && !u.vlan.flags.looseBinding) linkUp(u);
}

/** netif_carrier_on/off at both ends of a veth pair: each end's IFLA_CARRIER_CHANGES counts it. */
function carrierChanged(l: Link): void {
  if (!l.peer) return;
  l.carrierChanges = (l.carrierChanges ?? 0) + 1;
  l.peer.carrierChanges = (l.peer.carrierChanges ?? 0) + 1;
}

/**
 * An RTM_NEWLINK about a veth end (its flags or carrier changed) carries its peer's
 * link-netnsid: rtnl_fill_link_netnsid allocates the id in the end's namespace if it has none.
 */
function heardOfPeer(l: Link): void {
  if (l.peer && l.peer.ns !== l.ns) l.ns.nsidOf(l.peer.ns, true);
}

/** The macvlans and VLANs whose carrier follows `l` (stacked on it or on its veth peer or cable end), with their carrier now. */
function stackedCarrier(l: Link): [Link, boolean][] {
  const far = l.peer ?? l.cable ?? null;
  if (!l.uppers && !far?.uppers) return [];
  return [...(l.uppers ?? []), ...(far?.uppers ?? [])].map((u) => [u, hasCarrier(lowerOf(u)!)]);
}

/**
 * netif_stacked_transfer_operstate: a macvlan or VLAN whose carrier changed with its lower device's
 * gets a linkwatch event, judged later by its namespace as it is then (a lower moving away
 * takes its carrier and its index with it).
 */
function stackedCarrierChanged(before: [Link, boolean][]): void {
  for (const [u, had] of before) if (hasCarrier(lowerOf(u)!) !== had) u.operPending = true;
}

/** Carrier of `l` and of what depends on it (its veth peer, its bridge, its macvlans) may have changed: addrconf reacts. */
function syncCarrierNeighbours(l: Link): void {
  const far = l.peer ?? l.cable ?? null;
  if (far) addrconfPending(far);
  addrconfSync(l.ns);
  if (far && far.ns !== l.ns) addrconfSync(far.ns);
  // bond_mii_monitor: the bond sees its slave's link (taken as at once: the kernel looks every miimon ms)
  for (const dev of [l, far]) if (dev?.master?.kind === 'bond') bondMonitor(dev.master);
  // ipvlan_device_event: NETDEV_UP and NETDEV_CHANGE of a device that is up reach its ipvlans
  for (const dev of [l, far]) if (dev?.ipvlanPort) ipvlanCarrierEvent(dev, hasCarrier(dev));
  for (const dev of [l, far]) {
    // macvlan_device_event: the macvlans on a device take its carrier (netif_stacked_transfer_operstate)
    for (const u of dev?.uppers ?? []) {
      // NETDEV_CHANGE (a carrier change of a device that is up) reaches its VLANs
      if (u.vlan && dev!.up) delete u.vlan.held;
      addrconfPending(u);
      u.ns.touch();
      addrconfSync(u.ns);
    }
  }
}

/** NETDEV_DOWN: routes through the device go, except host-scope (local) ones. */
export function linkDown(l: Link): void {
  if (!l.up) return;
  // vlan_device_event NETDEV_DOWN: dev_close_many takes the VLANs on it down first; a loosely
  // bound one stays up with the carrier it had
  for (const u of [...(l.uppers ?? [])]) {
    if (!u.vlan) continue;
    if (!u.vlan.flags.looseBinding) linkDown(u);
    else if (u.up) u.vlan.held = hasCarrier(u);
  }
  const hadCarrier = hasCarrier(l);
  const stacked = stackedCarrier(l);
  l.up = false;
  addrconfPending(l);
  l.adminDowns = (l.adminDowns ?? 0) + 1;
  l.flaps = (l.flaps ?? 0) + 1;
  if (l.peer) l.peer.flaps = (l.peer.flaps ?? 0) + 1;
  // veth_close: carrier goes at both ends; linkwatch sees this end first
  const far = l.peer ?? l.cable ?? null;
  heardOfPeer(l);
  if (far && hadCarrier) {
    carrierChanged(l);
    linkwatchEvaluate(l);
    linkwatchEvaluate(far);
    heardOfPeer(far);
  }
  // nh_netdev_event: NETDEV_DOWN here, NETDEV_CHANGE (carrier gone) at the far end
  flushNexthopsOn(l);
  if (far && hadCarrier) flushNexthopsOn(far);
  deleteRoutesVia(l, false);
  pneighIfdown(l);
  l.ns.touch();
  if (l.peer) l.peer.ns.touch();
  stackedCarrierChanged(stacked);
  syncCarrierNeighbours(l);
}

/**
 * __inet_insert_ifa: a same-subnet address becomes secondary and goes last; a primary goes
 * after the last primary of the same or wider scope. Returns the error text, or null.
 */
export function checkNewAddress(l: Link, a: Addr): string | null {
  for (const x of l.addrs) {
    if (x.prefixLen === a.prefixLen && inPrefix(x.address, a.address, a.prefixLen) && sameNet(x, a)) {
      if (x.local === a.local) return 'ipv4: Address already assigned.';
      if (x.scope !== a.scope) return 'ipv4: Invalid scope value.';
    }
  }
  return null;
}

function sameNet(x: Addr, a: Addr): boolean {
  return inPrefix(a.address, x.address, x.prefixLen);
}

export function insertAddress(l: Link, a: Addr): void {
  let lastPrimary = 0;
  a.secondary = false;
  l.addrs.forEach((x, i) => {
    if (!x.secondary && a.scope <= x.scope) lastPrimary = i + 1;
    if (x.prefixLen === a.prefixLen && sameNet(x, a)) a.secondary = true;
  });
  if (a.secondary) l.addrs.push(a);
  else l.addrs.splice(lastPrimary, 0, a);
  fibAddIfaddr(l, a);
}

/** The device joins or leaves a bridge. */
export function setMaster(l: Link, master: Link | null): void {
  const old = l.master;
  if (old === master) return;
  // cycle_netdev (do_vrf_add_slave, do_vrf_del_slave): a running port goes down and up again
  const vrfMove = old?.kind === 'vrf' || master?.kind === 'vrf';
  const cycle = vrfMove && l.up;
  if (cycle) linkDown(l);
  if (old?.kind === 'bond') bondReleased(old, l);
  portLeaving(l);
  if (master) preparePorts(master);
  l.master = master;
  l.portNo = undefined;
  // new_nbp: a port starts with its flags at their defaults
  l.hairpin = undefined;
  // find_portno: the lowest number no other port of the bridge holds
  if (master && master.kind === 'bridge') l.portNo = freePortNo(master);
  if (master) portJoined(l);
  if (master?.kind === 'bridge' || old?.kind === 'bridge') portVlansChanged(l);
  if (master && master.kind === 'bridge') {
    master.bridge!.hadPorts = true;
    recalcBridgeMac(master);
    bridgeMtuAutoAdjust(master);
  }
  if (old && old.kind === 'bridge') {
    recalcBridgeMac(old);
    bridgeMtuAutoAdjust(old);
  }
  if (vrfMove) {
    // its routes, the local ones too, are made again in the table of its new l3mdev
    deleteRoutesVia(l, true);
    for (const a of l.addrs) fibAddIfaddr(l, a);
  }
  if (cycle) linkUp(l);
  // __bond_release_one closes the slave; bond_enslave opens it
  if (old?.kind === 'bond') linkDown(l);
  if (master?.kind === 'bond') {
    bondEnslaved(master, l);
    linkUp(l);
    bondMonitor(master);
  }
  l.ns.touch();
  // br_add_if → br_fdb_add_local: the port's MAC becomes the bridge's newest entry
  if (master && master.kind === 'bridge') l.brSeq = l.ns.host.lab.version;
  addrconfSync(l.ns);
}

/** Everything that goes when a device leaves its namespace (moved or unregistered). */
function teardown(l: Link): void {
  if (l.master) setMaster(l, null);
  if (l.kind === 'bridge') for (const p of bridgePorts(l)) setMaster(p, null);
  if (l.kind === 'bond') for (const p of [...l.bond!.slaves]) setMaster(p, null);
  if (l.kind === 'vrf') for (const p of l.ns.linkList().filter((x) => x.master === l)) setMaster(p, null);
  linkDown(l);
  // NETDEV_UNREGISTER (inetdev_destroy → arp_ifdown) of a device that was down
  pneighIfdown(l);
  inet6Unregister(l);
  l.addrs = [];
  deleteRoutesVia(l, true, true);
  for (const t of l.ns.tables.values()) {
    for (const r of [...t.routes]) if (r.prefsrc !== null && !isLocalAnywhere(l.ns, r.prefsrc, l)) t.remove(r);
  }
}

function isLocalAnywhere(ns: Netns, a: Ip4, except: Link): boolean {
  // any link will do: no need for ifindex order (nor to sort a namespace that just changed)
  for (const l of ns.links.values()) if (l !== except && l.addrs.some((x) => x.local === a)) return true;
  return false;
}

/** dev_change_net_namespace: down, addresses and routes gone, ifindex kept if free. */
export function moveLink(l: Link, to: Netns, newName?: string): void {
  const from = l.ns;
  // a pending linkwatch event of the device itself is run as it leaves (linkwatch_sync_dev),
  // still judged by the namespace it is leaving; its peer's stays pending
  if (l.operPending) linkwatchEvaluate(l);
  // a veth peer with carrier loses it when this end closes, and its RTM_NEWLINK names our new home
  const peerHadCarrier = l.peer !== null && l.up && l.peer.up;
  teardown(l);
  from.detach(l);
  l.ns = to;
  // dev_shutdown: the qdisc goes back to noop until the device is opened again
  l.everUp = false;
  // dev_shutdown destroys the ingress qdisc too (its queue stays)
  delete l.ingress;
  if (newName) l.name = newName;
  if (to.links.has(l.ifindex)) l.ifindex = to.allocIfindex();
  l.conf = cloneConf(to.default);
  l.confSet = new Set(to.defaultSet);
  KINDS[l.kind].confInit?.(l);
  initInet6(l);
  to.attach(l);
  // RTM_DELLINK in the old namespace carries IFLA_NEW_NETNSID: it allocates an id for the new one
  from.nsidOf(to, true);
  // a macvlan's RTM_NEWLINK names its lower device's namespace (link-netnsid)
  const lower = lowerOf(l);
  if (lower && lower.ns !== to) to.nsidOf(lower.ns, true);
  // a VXLAN device's RTM_NEWLINK names the namespace it was made in (vxlan_get_link_net)
  if (l.vxlan?.net && l.vxlan.net !== to) to.nsidOf(l.vxlan.net, true);
  if (l.peer) {
    // RTM_NEWLINK here carries the peer's link-netnsid; the peer's namespace hears of us
    // only through its carrier change
    to.nsidOf(l.peer.ns, true);
    if (peerHadCarrier) l.peer.ns.nsidOf(to, true);
    // linkwatch runs after the move: each end judges by what its namespace now holds
    if (peerHadCarrier) {
      linkwatchEvaluate(l);
      linkwatchEvaluate(l.peer);
    }
  }
}

/**
 * veth_newlink: ties the two ends together. Their carrier-off events wait in linkwatch's batch
 * (it runs at most once a second), so the operstate they get is judged later, by the namespace
 * as it is then: a peer moved away at once leaves this end DOWN, not LOWERLAYERDOWN.
 */
export function pairVeth(peer: Link, l: Link): void {
  l.peer = peer;
  // veth_newlink turns the carrier of each end off once it is registered: one change each
  l.carrierChanges = 1;
  peer.carrierChanges = 1;
  peer.peer = l;
  peer.oper = undefined;
  l.oper = undefined;
  peer.operPending = true;
  l.operPending = true;
}

/** unregister_netdevice; a veth takes its peer with it, a device its macvlans (macvlan_port_destroy). */
export function deleteLink(l: Link): void {
  const peer = l.peer;
  for (const u of [...(l.uppers ?? [])]) deleteLink(u);
  teardown(l);
  l.ns.detach(l);
  if (lowerOf(l)) unstack(l);
  if (peer) {
    peer.peer = null;
    l.peer = null;
    deleteLink(peer);
  }
}

export { primaryOf };

/** A macvlan joins its lower device's port (macvlan_common_newlink): the lower's carrier is now its carrier. */
export function stackOn(l: Link, lower: Link): void {
  (lower.uppers ??= []).push(l);
}

/** The macvlan leaves its lower device's port; the port goes with its last macvlan. */
function unstack(l: Link): void {
  const lower = lowerOf(l)!;
  const ups = lower.uppers ?? [];
  const i = ups.indexOf(l);
  if (i >= 0) ups.splice(i, 1);
  if (ups.length === 0) delete lower.uppers;
}

/**
 * br_mtu_auto_adjust: a bridge whose MTU the user never set follows its smallest port (1500
 * with none), on every port added, removed, or changing MTU.
 */
export function bridgeMtuAutoAdjust(br: Link): void {
  if (br.kind !== 'bridge' || br.bridge!.mtuSetByUser) return;
  br.mtu = smallestPortMtu(br) || 1500;
}
