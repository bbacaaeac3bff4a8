/**
 * A link as the kernel describes it to `ip` (an RTM_NEWLINK message: struct ifinfomsg and its
 * IFLA_* attributes). Which attributes a message carries depends on how it was asked for: a
 * dump of family AF_UNSPEC/AF_PACKET/AF_INET, or a RTM_GETLINK for one device, is answered by
 * rtnl_fill_ifinfo with everything; a dump of family AF_INET6 (`ip -6 addr`) is answered by
 * addrconf's inet6_fill_ifinfo with only the name, MAC, MTU, iflink and operstate. iproute2
 * prints what is there, so the two look different (`ip -6 addr` has no qdisc, group, master).
 */
import { hasCarrier, iflinkOf, operState, type Link, type OperState } from '../../model/link.js';
import { ZERO_MAC } from '../../model/mac.js';
import { KINDS } from '../../model/kinds/index.js';
import type { LinkKindModel } from '../../model/kinds/kind.js';
import { ip4ToString } from '../../model/ip.js';

/** IFF_* (include/uapi/linux/if.h). */
export const IFF = {
  UP: 0x1,
  BROADCAST: 0x2,
  DEBUG: 0x4,
  LOOPBACK: 0x8,
  POINTOPOINT: 0x10,
  NOTRAILERS: 0x20,
  RUNNING: 0x40,
  NOARP: 0x80,
  PROMISC: 0x100,
  ALLMULTI: 0x200,
  MASTER: 0x400,
  SLAVE: 0x800,
  MULTICAST: 0x1000,
  PORTSEL: 0x2000,
  AUTOMEDIA: 0x4000,
  DYNAMIC: 0x8000,
  LOWER_UP: 0x10000,
  DORMANT: 0x20000,
  ECHO: 0x40000,
} as const;

/** What answered the request: rtnl_fill_ifinfo (`full`) or inet6_fill_ifinfo (`inet6`). */
export type IfInfoView = 'full' | 'inet6';

/**
 * The qdisc a device with a transmit queue gets when first opened: net.core.default_qdisc of
 * the reference machine (Debian 12: pfifo_fast; systemd's sysctl.d would say fq_codel).
 */
export const DEFAULT_QDISC = 'pfifo_fast';

/** One RTM_NEWLINK message. Null fields are attributes the message does not carry. */
export interface IfInfo {
  link: Link;
  view: IfInfoView;
  ifindex: number;
  /** ifi_type, as ll_type_n2a names it */
  type: LinkKindModel['type'];
  /** ifi_flags (dev_get_flags) */
  flags: number;
  name: string;
  /** IFLA_LINK: a veth's peer index */
  iflink: number | null;
  /** IFLA_LINK_NETNSID: the id this namespace gives the peer's */
  linkNetnsid: number | null;
  mtu: number;
  qdisc: string | null;
  /** IFLA_MASTER: ifindex of the bridge */
  master: number | null;
  operstate: OperState;
  linkmode: number | null;
  group: number | null;
  /** IFLA_TXQLEN; iproute2 asks SIOCGIFTXQLEN when it is absent, so it always has a value */
  txqlen: number;
  /** IFLA_IFALIAS */
  ifalias: string | null;
  address: string | null;
  broadcast: string | null;
  /** IFLA_PERM_ADDRESS: dev->perm_addr when it is not all zeros */
  permAddr: string | null;
  /** IFLA_INFO_KIND (rtnl_link_ops->kind); lo and NICs have none */
  kind: string | null;
  /** IFLA_INFO_SLAVE_KIND: `bridge` for a bridge port */
  slaveKind: string | null;
}

/** dev_get_flags: the flags the device was given plus RUNNING (oper up) and LOWER_UP (carrier) while it runs. */
export function linkFlags(l: Link): number {
  let f = 0;
  const type = KINDS[l.kind].type;
  // loopback_setup: IFF_LOOPBACK alone; tun_net_init (ARPHRD_NONE): IFF_MULTICAST; ether_setup both
  if (type === 'loopback') f |= IFF.LOOPBACK;
  else if (type === 'none') f |= IFF.MULTICAST;
  else if (type === 'ether') f |= IFF.BROADCAST | IFF.MULTICAST;
  if (KINDS[l.kind].multicast === false || l.multicastOff) f &= ~IFF.MULTICAST;
  if (KINDS[l.kind].broadcast === false) f &= ~IFF.BROADCAST;
  if (KINDS[l.kind].iffMaster) f |= IFF.MASTER;
  // bond_enslave: IFF_SLAVE on the bond's slaves
  if (l.master?.kind === 'bond') f |= IFF.SLAVE;
  if (l.pointopoint) f |= IFF.POINTOPOINT;
  if (l.noarp) f |= IFF.NOARP;
  // dev_get_flags reports the user's IFF_PROMISC (gflags), not a bridge's or macvlan's count
  if (l.promisc) f |= IFF.PROMISC;
  if (l.up) {
    f |= IFF.UP;
    const st = operState(l);
    if (st === 'UP' || st === 'UNKNOWN') f |= IFF.RUNNING;
    if (hasCarrier(l)) f |= IFF.LOWER_UP;
  }
  return f;
}

/** rtnl_link_ops->kind of a device. A lab NIC is a veth in real mode, so it is one here too. */
export function linkKind(l: Link): string | null {
  return KINDS[l.kind].infoKind;
}

/** The other end of a veth (or of a lab NIC's cable). */
export function peerOf(l: Link): Link | null {
  return iflinkOf(l);
}

/** The message the kernel sends about `l` for this kind of request. */
export function ifinfo(l: Link, view: IfInfoView): IfInfo {
  const full = view === 'full';
  const peer = peerOf(l);
  let iflink: number | null = null;
  let linkNetnsid: number | null = null;
  if (peer) {
    // inet6_fill_ifinfo puts IFLA_LINK only when it differs from the device's own index
    if (full || peer.ifindex !== l.ifindex) iflink = peer.ifindex;
    if (full && peer.ns !== l.ns) {
      // rtnl_fill_link_netnsid uses peernet2id_alloc: a dump allocates an id if none exists yet
      linkNetnsid = l.ns.nsidOf(peer.ns, false) ?? l.ns.nsidOf(peer.ns, true)!;
    }
  } else if (l.vxlan?.net && l.vxlan.net !== l.ns) {
    // outside the namespace it was made in: IFLA_LINK (its own index) and that namespace's id
    iflink = l.ifindex;
    if (full) linkNetnsid = l.ns.nsidOf(l.vxlan.net, false) ?? l.ns.nsidOf(l.vxlan.net, true)!;
  } else if (l.iptnl) {
    // ip_tunnel_get_iflink: parms.link, 0 (`@NONE`) for a tunnel bound to no device
    iflink = 0;
  }
  const k = KINDS[l.kind];
  return {
    link: l,
    view,
    ifindex: l.ifindex,
    type: k.type,
    flags: linkFlags(l),
    name: l.name,
    iflink,
    linkNetnsid,
    mtu: l.mtu,
    qdisc: full ? (l.qdisc?.kind ?? (l.everUp ? (k.queued ? DEFAULT_QDISC : 'noqueue') : 'noop')) : null,
    master: full && l.master ? l.master.ifindex : null,
    operstate: operState(l),
    linkmode: full ? 0 : null,
    group: full ? 0 : null,
    txqlen: l.txqlen,
    ifalias: l.ifalias ?? null,
    // a tun has no hardware address (addr_len 0): neither IFLA_ADDRESS nor IFLA_BROADCAST
    // a tunnel's dev_addr and broadcast are its local and remote addresses (ipip_tunnel_init …)
    address: k.hwAddrLen === 0 ? null : l.iptnl ? ip4ToString(l.iptnl.local) : k.type === 'loopback' ? ZERO_MAC : l.mac,
    broadcast: !full || k.hwAddrLen === 0 ? null : l.iptnl ? ip4ToString(l.iptnl.remote) : k.type === 'loopback' ? ZERO_MAC : l.brd,
    permAddr: full ? (l.permAddr ?? null) : null,
    kind: full ? k.infoKind : null,
    slaveKind: full && l.master ? KINDS[l.master.kind].infoKind : null,
  };
}
