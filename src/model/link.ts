import type { NetdevFeatures } from './netdev-features.js';
import type { Addr } from './address.js';
import type { Netns } from './netns.js';
import type { IfConf } from './sysctl.js';
import type { Inet6Dev } from './ipv6/inet6-dev.js';
import type { Ip4 } from './ip.js';
import type { Ip6 } from './ipv6/ip6.js';
import { ZERO_MAC } from './mac.js';
import type { HwMcMemory } from './hw-mc-list.js';
import type { IngressQdisc, Qdisc } from './qdisc.js';
import type { BridgeTunables } from './bridge-options.js';
import { lowestPortMac, portsOf } from './bridge-ports.js';
import { KINDS } from './kinds/index.js';
import type { DeviceState } from './kinds/kind.js';
import type { BridgeVlans } from './bridge-vlan.js';

/**
 * Link kinds the model knows. `ether` is a physical NIC of a lab host.
 *
 * @example
 * new Lab().host('h').ns().ns.linkByName('lo')!.kind; // 'loopback'
 */
export type LinkKind = 'loopback' | 'veth' | 'bridge' | 'ether' | 'tun' | 'tap' | 'vxlan' | 'macvlan' | 'dummy' | 'ifb' | 'vlan' | 'ipip' | 'gre' | 'sit' | 'vrf' | 'bond' | 'geneve' | 'ipvlan';

export interface BridgeInfo {
  stp: number;
  /** centiseconds, as the kernel keeps it (300 s default) */
  ageingTime: number;
  vlanFiltering: number;
  forwardDelay: number;
  /** a bridge that has had a port follows its ports' carrier from then on */
  hadPorts: boolean;
  /** true once a MAC was set by the user: the bridge no longer takes its ports' lowest MAC */
  macSet: boolean;
  /** the user set the bridge's MTU: it no longer follows its ports (BROPT_MTU_SET_BY_USER) */
  mtuSetByUser?: boolean;
  /** hello_time, priority, the multicast settings … as `ip -d link show` prints them (bridge-options.ts); absent: the defaults */
  opts?: BridgeTunables;
  /** the STP group address (`group_address`); absent: 01:80:c2:00:00:00 */
  groupAddr?: string;
  /** learned entries deleted by hand: per MAC, the lab version of the deletion (older learned entries are gone) */
  forgotten?: Map<string, number>;
  /** IFLA_BR_VLAN_DEFAULT_PVID (bridge-vlan.ts); absent: 1 */
  defaultPvid?: number;
}

export interface TunInfo {
  mode: 'tun' | 'tap';
  pi: boolean;
  /** a process holds the device open: the kernel gives it carrier */
  attached: boolean;
  /** owner: the model's handle of the process (socat) that holds it, if any */
  owner: string | null;
  persist: boolean;
}

/** How a macvlan forwards between the macvlans of its lower device (IFLA_MACVLAN_MODE). */
export type MacvlanMode = 'private' | 'vepa' | 'bridge' | 'passthru';

export interface MacvlanInfo {
  mode: MacvlanMode;
  /** the lower device it sits on (vlan->lowerdev), possibly in another namespace */
  lower: Link;
}

/** An ipvlan port's mode (IFLA_IPVLAN_MODE) and flag (IFLA_IPVLAN_FLAGS: 0 is bridge). */
export type IpvlanMode = 'l2' | 'l3' | 'l3s';
export type IpvlanFlag = 'bridge' | 'private' | 'vepa';

/**
 * struct ipvl_port, on the lower device: the mode and flag belong to the port, so every ipvlan
 * on one device shares them (the last `ip link add` or `set` that names them wins).
 */
export interface IpvlanPort {
  mode: IpvlanMode;
  flag: IpvlanFlag;
  /** port->dev_id_start: the next ipvlan gets the lowest free dev_id from here (1 to 0xfffd) */
  devIdStart: number;
}

/** An ipvlan (drivers/net/ipvlan): the lower device whose MAC and port it shares. */
export interface IpvlanInfo {
  lower: Link;
  /**
   * its carrier: netif_stacked_transfer_operstate copies the lower's when it is made and on the
   * lower's NETDEV_UP and NETDEV_CHANGE only (a lower going down sends neither)
   */
  carrier: boolean;
}

/** A VLAN sub-interface (net/8021q): the tag it adds and takes off, on its lower device. */
export interface VlanInfo {
  /** the tag protocol: 802.1Q (TPID 0x8100) or 802.1ad (0x88a8, a service tag) */
  proto: '802.1Q' | '802.1ad';
  /** the VLAN id, 0–4094 */
  id: number;
  /** the lower device it sits on (vlan->real_dev) */
  lower: Link;
  /** VLAN_FLAG_* as `ip -d link` names them: REORDER_HDR, GVRP, LOOSE_BINDING, MVRP, BRIDGE_BINDING */
  flags: VlanFlags;
  /**
   * The carrier a loosely bound VLAN that stayed up kept when its lower device went down: a
   * device that is down sends no NETDEV_CHANGE, so nothing transfers its carrier until it
   * comes back with carrier (netif_stacked_transfer_operstate)
   */
  held?: boolean;
}

export interface VlanFlags {
  reorderHdr: boolean;
  gvrp: boolean;
  looseBinding: boolean;
  mvrp: boolean;
  bridgeBinding: boolean;
}

/**
 * An IPv4 tunnel (net/ipv4/ip_tunnel.c: ipip, gre; net/ipv6/sit.c): what it puts around what
 * it sends (outer source `local`, destination `remote`; 0 is `any`), and the GRE keys.
 */
export interface IpTunnelInfo {
  local: number;
  remote: number;
  /** the outer TTL; 0: `inherit` (the inner packet's) */
  ttl: number;
  /** IP_DF on the outer header (`pmtudisc`, the default) */
  pmtudisc: boolean;
  /** GRE keys (TUNNEL_KEY), null when not keyed */
  ikey: number | null;
  okey: number | null;
}

/** A VRF device's settings (IFLA_VRF_TABLE): the FIB table its ports' routes go to. */
export interface VrfInfo {
  table: number;
}

/** A bond's settings and state (struct bonding): its mode, link monitoring and slaves. */
export interface BondInfo {
  mode: 'balance-rr' | 'active-backup';
  miimon: number;
  updelay: number;
  downdelay: number;
  /** the slaves, in the order they were enslaved (bond->slave_list) */
  slaves: Link[];
  /** curr_active_slave (active-backup) */
  active: Link | null;
  /** the slave balance-rr sends the next frame by (rr_tx_counter) */
  rrNext: number;
  /** the MAC was given by the user (NET_ADDR_SET): the first slave's is not taken */
  macSet: boolean;
  /** bond_compute_features has run (a slave joined once): tso_max_size follows the slaves */
  featuresComputed: boolean;
}

/** A bond slave's state (struct slave). */
export interface BondSlaveInfo {
  /** perm_hwaddr: its MAC before the bond changed it, given back when it leaves */
  permMac: string;
  /** original_mtu: its MTU before the bond's, given back when it leaves */
  origMtu: number;
  /** the link state miimon last saw */
  mii: boolean;
  linkFailures: number;
}

/** A Geneve device's settings (IFLA_GENEVE_*): its network id and its one remote. */
export interface GeneveInfo {
  id: number;
  remote: Ip4;
  /** 0: auto (the route's hop limit) */
  ttl: number;
  dstport: number;
}

export interface VxlanInfo {
  id: number;
  dstport: number;
  /** the underlay's addresses: IPv4 numbers or IPv6 bigints (one family per device) */
  local: Ip4 | Ip6 | null;
  remote: Ip4 | Ip6 | null;
  group: Ip4 | Ip6 | null;
  dev: string | null;
  learning: boolean;
  ttl: number;
  /** UDP checksums (VXLAN_F_UDP_ZERO_CSUM_TX cleared, `noudpcsum` sets it) and IPv6's zero-checksum flags; absent: defaults */
  udpCsum?: boolean;
  zeroCsum6Tx?: boolean;
  zeroCsum6Rx?: boolean;
  /** VXLAN_F_PROXY: ARP requests are answered from the device's neighbour table, never sent (sim/vxlan.ts arpReduce) */
  proxy?: boolean;
  /** VXLAN_F_L2MISS / L3MISS: netlink notifications of misses, to a listener nettwin does not run */
  l2miss?: boolean;
  l3miss?: boolean;
  srcportMin: number;
  srcportMax: number;
  /**
   * vxlan->net: the namespace the device was made in, where its socket, routes and lower device
   * stay when the device is moved to another (the Docker overlay's "overlay namespace"); it
   * goes when that namespace goes. Absent: the device's own.
   */
  net?: Netns;
}

/**
 * A network device in a namespace (struct net_device): kind, state, addresses, master, veth
 * peer and kind-specific settings.
 *
 * @example
 * const h = new Lab().host('h');
 * h.sh('ip link add v0 type veth peer name v1');
 * const v0 = h.ns().ns.linkByName('v0')!;
 * v0.kind;       // 'veth'
 * v0.peer?.name; // 'v1'
 */
export interface Link {
  ns: Netns;
  ifindex: number;
  name: string;
  kind: LinkKind;
  /** IFF_UP, what `ip link set up` sets */
  up: boolean;
  /** the device has been opened once: its qdisc is no longer `noop` */
  everUp: boolean;
  mtu: number;
  mac: string;
  brd: string;
  txqlen: number;
  master: Link | null;
  /** the other end of a veth (possibly in another namespace) */
  peer: Link | null;
  addrs: Addr[];
  conf: IfConf;
  /**
   * The conf keys written for this device (in_device cnf.state): a write to conf/default is
   * copied to every device whose bit is clear (devinet_copy_dflt_conf). Copied from the
   * namespace's default bits when the device gets its conf.
   */
  confSet: Set<keyof IfConf>;
  bridge?: BridgeInfo;
  tun?: TunInfo;
  vxlan?: VxlanInfo;
  macvlan?: MacvlanInfo;
  vlan?: VlanInfo;
  iptnl?: IpTunnelInfo;
  vrf?: VrfInfo;
  bond?: BondInfo;
  bondSlave?: BondSlaveInfo;
  geneve?: GeneveInfo;
  ipvlan?: IpvlanInfo;
  /** the ipvlan port of a device with ipvlans on it */
  ipvlanPort?: IpvlanPort;
  /** dev->dev_id: an ipvlan's number in its port, which its EUI-64 interface id carries instead of ff:fe */
  devId?: number;
  /** dev->perm_addr (IFLA_PERM_ADDRESS): set for a device registered with a MAC it did not make up (an ipvlan's, its lower's then) */
  permAddr?: string;
  /** the macvlans and VLANs stacked on this device (a macvlan_port's list, the vlan_group), in the order they were made */
  uppers?: Link[];
  /** physical NIC: the cable's far end (a NIC of another host), if any */
  cable?: Link | null;
  /** POINTOPOINT/NOARP for tun */
  pointopoint: boolean;
  noarp: boolean;
  /** the root qdisc `tc` gave it (netem); absent: the kernel's default */
  qdisc?: Qdisc;
  /** the ingress (or clsact) qdisc `tc qdisc add … ingress` gave it */
  ingress?: IngressQdisc;
  /** dev_ingress_queue_create has run: an ingress queue stays (with noop) after its qdisc is deleted */
  ingressQueue?: boolean;
  /** IFF_MULTICAST cleared on this device (a VLAN copies its lower device's flags when made) */
  multicastOff?: boolean;
  /**
   * Times the device (or, for a veth, its peer) went down: the simulator flushes neighbour
   * entries when this moves, even if the link came back up before it looked again.
   */
  flaps?: number;
  /** IFLA_CARRIER_CHANGES of a veth end (`transns` of `ip -s -s link`): each netif_carrier_on/off, from its creation */
  carrierChanges?: number;
  /** times this device itself was taken down: each down unloads its multicast groups (hw-mc-list.ts) */
  adminDowns?: number;
  /** its hardware multicast list as last looked at (hw-mc-list.ts) */
  hwmc?: HwMcMemory;
  /** as a bridge port: when its local FDB entry (its own MAC) was made, in lab versions — the bridge lists entries newest first */
  brSeq?: number;
  /** IFF_PROMISC set by the user (`ip link set … promisc on`: dev->gflags, one promiscuity count) */
  promisc?: boolean;
  /** the interface alias (`ip link set … alias TEXT`, /sys/class/net/IF/ifalias): dev->ifalias */
  ifalias?: string;
  /** its netdev features once `ethtool -K` changed them (netdev-features.ts); absent: its kind's */
  features?: NetdevFeatures;
  /** static forwarding entries (`bridge fdb add|append`), e.g. VXLAN remotes */
  fdb: FdbEntry[];
  /** the device's IPv6: its conf, addresses and addrconf state (ipv6/addrconf.ts) */
  inet6: Inet6Dev;
  /** as a bridge port: its port number (the lowest free one when it joined) */
  portNo?: number;
  /** as a bridge port: BR_HAIRPIN_MODE, frames may go back out the port they came in by (a VEPA's switch) */
  hairpin?: boolean;
  /** a bridge's or a bridge port's VLANs (bridge-vlan.ts), on kernels built with VLAN filtering */
  brVlans?: BridgeVlans;
  /**
   * A veth's dev->operstate as linkwatch last computed it: UP when carrier came, DOWN or
   * LOWERLAYERDOWN when it went (see linkwatchEvaluate). Unset until the pair is made.
   */
  oper?: OperState;
  /**
   * linkwatch has an event for the device it has not run yet (a new veth pair): the kernel
   * batches such events for up to a second, so what it stores is decided by the namespace as
   * it is when the device is first seen up, or after a pause (settleLinkwatch).
   */
  operPending?: boolean;
}

export interface FdbEntry {
  mac: string;
  /** a VXLAN remote: an IPv4 number or an IPv6 bigint */
  dst: Ip4 | Ip6 | null;
  permanent: boolean;
  /** added with `master`: an entry of the port's bridge, not of the device's own address list */
  master?: boolean;
  /** a `master static` entry (BR_FDB_STATIC without BR_FDB_LOCAL): frames to it are forwarded to the port, it never ages */
  static?: boolean;
  /** when a `master` entry was made, in lab versions (the bridge lists entries newest first) */
  seq?: number;
  /** NDA_IFINDEX (remote_ifindex): the device the remote is reached through (`via DEV`) */
  via?: Link;
}

export function isBridgePort(l: Link): boolean {
  return l.master !== null && l.master.kind === 'bridge';
}

/** The ports of a bridge, in ifindex order. */
export function bridgePorts(br: Link): Link[] {
  return portsOf(br).slice();
}

/** IFF_RUNNING / LOWER_UP: whether the device has carrier. */
export function hasCarrier(l: Link): boolean {
  return l.up && KINDS[l.kind].carrier(l, STATE);
}

/** A bridge port forwards once it has carrier (STP off: no listening/learning delay). */
export function portForwards(p: Link): boolean {
  return p.up && hasCarrier(p);
}

export type OperState = 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN';

export function operState(l: Link): OperState {
  if (!l.up) return 'DOWN';
  return KINDS[l.kind].operState(l, STATE);
}

/** tso_max_size of the device (what `ip -d link` prints): its kind's rule. */
export function tsoMaxSize(l: Link, depth = 0): number {
  return KINDS[l.kind].tsoMaxSize(l, depth, STATE);
}

/** The generic state the kinds' rules ask for (kinds/kind.ts). */
const STATE: DeviceState = { hasCarrier, portForwards, watchedOperState, tsoMaxSize };

/** The operstate of a device whose operstate linkwatch keeps (a veth, a NIC): UP with carrier, else what linkwatch stored. */
export function watchedOperState(l: Link): OperState {
  if (hasCarrier(l)) return 'UP';
  if (l.operPending) linkwatchEvaluate(l);
  return l.oper !== undefined && l.oper !== 'UP' ? l.oper : lowerLayerState(l);
}

/**
 * linkwatch for a veth (or a lab NIC): the kernel recomputes dev->operstate when the carrier
 * changes (and once when the pair is made), not when it is asked, so the answer depends on
 * the namespace as it was then. Call it at those moments, in the order the kernel fires the
 * events: the device that went down first, then its peer.
 */
export function linkwatchEvaluate(l: Link): void {
  l.operPending = false;
  l.oper = hasCarrier(l) ? 'UP' : lowerLayerState(l);
}

/** Runs linkwatch's pending events (time passed: the kernel has run its work by now). */
export function settleLinkwatch(ns: Netns): void {
  for (const l of ns.linkList()) if (l.operPending) linkwatchEvaluate(l);
}

/**
 * default_operstate (net/core/link_watch.c) of a device without carrier: it looks its iflink
 * (a veth's peer index) up *by index in its own namespace*. Nothing there: DOWN; a device
 * whose operstate is not up: LOWERLAYERDOWN. So a veth whose peer is down beside it is
 * LOWERLAYERDOWN, one whose peer went to another namespace is usually DOWN, and an unrelated
 * device that happens to have the peer's index decides otherwise.
 */
function lowerLayerState(l: Link): OperState {
  const peer = iflinkOf(l);
  if (!peer || peer.ifindex === l.ifindex) return 'DOWN';
  const dev = l.ns.linkByIndex(peer.ifindex);
  if (!dev) return 'DOWN';
  return storedOperUp(dev) ? 'DOWN' : 'LOWERLAYERDOWN';
}

/** The device dev_get_iflink names: a veth's peer, a NIC's cable end, a macvlan's or a VLAN's lower device. */
export function iflinkOf(l: Link): Link | null {
  return l.peer ?? l.cable ?? lowerOf(l);
}

/** The device a stacked device (a macvlan, a VLAN) sits on and takes its carrier from. */
export function lowerOf(l: Link): Link | null {
  return l.macvlan?.lower ?? l.vlan?.lower ?? l.ipvlan?.lower ?? null;
}

/** netif_oper_up on the stored operstate, which a device that is down keeps from before. */
function storedOperUp(d: Link): boolean {
  const k = KINDS[d.kind];
  if (k.linkwatch) return d.oper !== undefined ? d.oper === 'UP' : hasCarrier(d);
  // lo, a VXLAN device or a bridge that never had ports never leave UNKNOWN
  if (!d.up) return k.operUpWhileDown(d);
  const st = operState(d);
  return st === 'UP' || st === 'UNKNOWN';
}

/**
 * A bridge whose MAC the user never set takes its ports' lowest (br_stp_recalculate_bridge_id);
 * when its last port leaves, its MAC (and bridge id) become 00:00:00:00:00:00.
 */
export function recalcBridgeMac(br: Link): void {
  if (br.bridge!.macSet) return;
  const min = lowestPortMac(br);
  if (min === null) {
    if (br.bridge!.hadPorts) br.mac = ZERO_MAC;
    return;
  }
  br.mac = min;
}
