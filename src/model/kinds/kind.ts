/**
 * What the model knows of one link kind (the kernel's rtnl_link_ops, the driver's setup and
 * its netdev_ops, as far as the model uses them): the device's defaults at creation, its
 * carrier and operstate rules, and the kernel's refusals and side effects that depend on the
 * kind. One file per kind (kinds/veth.ts, …); kinds/index.ts is the table, a
 * `Record<LinkKind, LinkKindModel>`, so a new kind that leaves out an entry does not compile.
 */
import type { Link, OperState } from '../link.js';

/** GSO_MAX_SIZE (512 KiB - 8) and GSO_LEGACY_MAX_SIZE: the tso_max_size a device starts with. */
export const GSO_MAX_SIZE = 524280;
export const GSO_LEGACY_MAX_SIZE = 65536;

/** num_possible_cpus() of the reference machine: a veth gets one queue per possible CPU. */
export const POSSIBLE_CPUS = 2;

/**
 * The generic device state the kinds' rules ask for: link.ts hands its own functions in, so a
 * kind's file imports nothing of link.ts at run time (the model has no import cycle).
 */
export interface DeviceState {
  hasCarrier(l: Link): boolean;
  portForwards(l: Link): boolean;
  /** the operstate linkwatch keeps for a veth or a NIC (link.ts) */
  watchedOperState(l: Link): OperState;
  tsoMaxSize(l: Link, depth: number): number;
}

/**
 * ether_setup() and the rtnl defaults of a virtual Ethernet device: what most kinds start
 * from (`{ ...ETHER_SETUP, infoKind: 'veth', … }`), each naming only where it differs.
 */
export const ETHER_SETUP = {
  mtu: 1500,
  minMtu: 68,
  maxMtu: 65535,
  randomMac: true,
  zeroBroadcast: false,
  txqlen: 1000,
  pointopoint: false,
  noarp: false,
  type: 'ether',
  hwAddrLen: 6,
  queued: false,
  queues: 1,
  netnsLocal: false,
  deletable: true,
  portRefusal: null,
  onNetnsDelete: 'destroy',
  portCost: 2,
  ipv6ll: 'eui64',
} as const satisfies Partial<LinkKindModel>;

export interface LinkKindModel {
  /** dev->mtu when the device is created (ether_setup's 1500, lo's 64 KiB) */
  mtu: number;
  /** dev->min_mtu and dev->max_mtu (0: no maximum) */
  minMtu: number;
  maxMtu: number;
  /** dev_addr at creation: a random MAC (eth_hw_addr_random), or none (all zeros) */
  randomMac: boolean;
  /** dev->broadcast is all zeros (lo) rather than ff:ff:ff:ff:ff:ff */
  zeroBroadcast: boolean;
  /** dev->tx_queue_len at creation */
  txqlen: number;
  /** IFF_POINTOPOINT and IFF_NOARP at creation */
  pointopoint: boolean;
  noarp: boolean;
  /** false: the driver clears the IFF_MULTICAST its type's setup gave (dummy) */
  multicast?: boolean;
  /** false: the driver clears the IFF_BROADCAST ether_setup gave (vrf) */
  broadcast?: boolean;
  /** IFF_MASTER from the driver's setup (vrf) */
  iffMaster?: boolean;
  /** dev->type as ll_type_n2a names it: ARPHRD_ETHER, ARPHRD_LOOPBACK, ARPHRD_NONE, or a tunnel's (ARPHRD_TUNNEL, _IPGRE, _SIT) */
  type: 'ether' | 'loopback' | 'none' | 'ipip' | 'gre' | 'sit';
  /** dev->addr_len: 6, or 0 for a device without a hardware address (a tun) */
  hwAddrLen: number;
  /** the device has a transmit queue: pfifo_fast once opened (IFF_NO_QUEUE devices get noqueue) */
  queued: boolean;
  /** numtxqueues and numrxqueues (on the reference machine, for a kind with perCpuQueues) */
  queues: number;
  /** one queue per possible CPU (veth_get_num_queues, alloc_etherdev_mq): the kernel profile's possibleCpus */
  perCpuQueues?: boolean;
  /** rtnl_link_ops->kind, as IFLA_INFO_KIND names it (null: lo has no link ops) */
  infoKind: string | null;
  /** NETIF_F_NETNS_LOCAL: `ip link set … netns` is refused (lo, a bridge) */
  netnsLocal: boolean;
  /** rtnl_dellink may remove it (lo and a lab host's NIC: EOPNOTSUPP) */
  deletable: boolean;
  /** br_add_if's refusal of a device of this kind as a bridge port: null when it may be one */
  portRefusal: 'EINVAL' | 'bridge' | null;
  /**
   * What `ip netns delete` does to it: `destroy` (a virtual device), `home` (a NIC goes back
   * to its host's root namespace), `stay` (lo dies with the namespace)
   */
  onNetnsDelete: 'destroy' | 'home' | 'stay';
  /** br_port_cost from the device's ethtool speed as a bridge port: 10 Gb/s (veth, tap) costs 2, no speed (vxlan) 100 */
  portCost: number;
  /** the device whose ethtool speed this one reports (a vxlan's lower `dev`), when it has one */
  speedFrom?(l: Link): Link | undefined;
  /**
   * the IPv6 address addrconf gives it: `::1` (lo), EUI-64 from its MAC, a random id
   * (ARPHRD_NONE), the ISATAP id of its tunnel's local address (ipip, gre), or that address
   * itself (sit's add_v4_addrs)
   */
  ipv6ll: 'loopback' | 'eui64' | 'random' | 'isatap' | 'v4';
  /** IFF_RUNNING/LOWER_UP of a device that is admin up */
  carrier(l: Link, s: DeviceState): boolean;
  /** dev->operstate of a device that is admin up */
  operState(l: Link, s: DeviceState): OperState;
  /** netif_oper_up on the operstate a device that is down keeps from before (link.ts storedOperUp) */
  operUpWhileDown(l: Link): boolean;
  /** linkwatch computes the operstate at carrier events, not when asked (veth, NIC) */
  linkwatch: boolean;
  /** tso_max_size (netif_set_tso_max_size); `depth` bounds the walk down stacked devices */
  tsoMaxSize(l: Link, depth: number, s: DeviceState): number;
  /** kind-specific state of a new device (a bridge's settings) */
  init?(l: Link): void;
  /** the device gets its conf in a namespace (created or moved there): lo's fixed settings */
  confInit?(l: Link): void;
}
