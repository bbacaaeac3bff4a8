/**
 * The Op IR: one typed operation per kernel request. Every front end (iproute2 text, the typed
 * builder API, lab files) produces Ops; `apply` runs them against the model with the kernel's
 * validation; the Linux adapter compiles the same Ops into iproute2 argv. Names stay names here
 * (devices, namespaces): resolving them is part of applying, as iproute2 resolves them just
 * before it talks to the kernel.
 */
import type { Ip4 } from '../model/ip.js';
import type { BondSpec, GeneveSpec } from './kind-specs.js';
import type { Ip6 } from '../model/ipv6/ip6.js';
import type { RouteType } from '../model/route.js';
import type { BridgeTunables } from '../model/bridge-options.js';
import type { NfNftOp, NfXtOp } from './nf-op.js';

export type { NfNftOp, NfXtOp, NftEdit, XtEdit } from './nf-op.js';

export type RouteMode = 'add' | 'replace' | 'append' | 'change' | 'prepend';

export interface VxlanSpec {
  id: number | null;
  dstport: number | null;
  /** an IPv4 number or an IPv6 bigint (the underlay's family) */
  local: Ip4 | Ip6 | null;
  remote: Ip4 | Ip6 | null;
  group: Ip4 | Ip6 | null;
  dev: string | null;
  learning: boolean | null;
  ttl: number | null;
  /** `noudpcsum` (false), `udp6zerocsumtx|rx` (true); absent: the kernel's defaults (checksums on, none zero) */
  udpCsum?: boolean;
  zeroCsum6Tx?: boolean;
  zeroCsum6Rx?: boolean;
  /** `proxy`, `l2miss`, `l3miss` (IFLA_VXLAN_PROXY, _L2MISS, _L3MISS); absent: off */
  proxy?: boolean;
  l2miss?: boolean;
  l3miss?: boolean;
}

export interface LinkAddOp {
  op: 'link.add';
  /** `addrgenmode M` given: refused (EAFNOSUPPORT) */
  addrGenMode?: number;
  name: string | null;
  kind: 'veth' | 'bridge' | 'vxlan' | 'tun' | 'tap' | 'dummy' | string;
  /** `netns NS` given on the link itself */
  netns: string | null;
  /** `link DEV`: the lower device (IFLA_LINK), for kinds that stack on one (macvlan) */
  link?: string | null;
  mtu: number | null;
  address: string | null;
  up: boolean;
  master: string | null;
  txqlen: number | null;
  peer: { name: string | null; netns: string | null; mtu: number | null; address: string | null } | null;
  vxlan: VxlanSpec | null;
  bridge: BridgeSpec | null;
  /** `type macvlan` settings; absent or null: none given (mode vepa) */
  macvlan?: MacvlanSpec | null;
  /** `type vlan` settings (`id` is required by the kernel when making one) */
  vlan?: VlanSpec | null;
  /** `type ipip|gre|sit` settings */
  iptnl?: IpTunnelSpec | null;
  /** `type vrf|bond|geneve` settings (a VRF's `table`, IFLA_VRF_TABLE, null when not given; ops/kind-specs.ts) */
  vrf?: { table: number | null } | null;
  bond?: BondSpec | null;
  geneve?: GeneveSpec | null;
  /** `type ipvlan` settings */
  ipvlan?: IpvlanSpec | null;
}

/** `type ipvlan` settings (IFLA_IPVLAN_MODE, IFLA_IPVLAN_FLAGS); null: not sent. */
export interface IpvlanSpec {
  mode: 'l2' | 'l3' | 'l3s' | null;
  flag: 'bridge' | 'private' | 'vepa' | null;
}

/** `type ipip|gre|sit` settings (IFLA_IPTUN_*, IFLA_GRE_*); null: not given, the kernel's default or the device's own. */
export interface IpTunnelSpec {
  local: number | null;
  remote: number | null;
  ttl: number | null;
  pmtudisc: boolean | null;
  /** the kind the options were given for (`ip link set … type KIND`) */
  kind?: 'ipip' | 'gre' | 'sit';
  /** GRE keys: a number, null for `nokey`, absent when not named */
  ikey?: number | null;
  okey?: number | null;
}

/** `type vlan` settings (IFLA_VLAN_*); null: not given. */
export interface VlanSpec {
  id: number | null;
  proto: '802.1Q' | '802.1ad' | null;
  /** VLAN_FLAG_* given `on` (true) or `off` (false) */
  flags: Partial<Record<'reorderHdr' | 'gvrp' | 'mvrp' | 'looseBinding' | 'bridgeBinding', boolean>>;
}

/** `type macvlan` settings (IFLA_MACVLAN_MODE); a null mode: not given. */
export interface MacvlanSpec {
  mode: 'private' | 'vepa' | 'bridge' | 'passthru' | null;
}

/**
 * `type bridge` settings (IFLA_BR_*); null or absent: not given. Timers in centiseconds as
 * typed; the kernel converts and checks them (ops/apply-bridge.ts).
 */
export interface BridgeSpec {
  stp: number | null;
  ageingTime: number | null;
  vlanFiltering: number | null;
  forwardDelay: number | null;
  /** the other numeric settings, by iproute2's option name */
  tunables?: Partial<BridgeTunables>;
  /** `group_address`, as bytes */
  groupAddr?: number[] | null;
  fdbFlush?: boolean;
  /** settings the kernel accepts and ignores here (VLAN filtering is compiled out) */
  ignored?: string[];
  /** `vlan_default_pvid` (applied where the kernel has VLAN filtering) */
  vlanDefaultPvid?: number | null;
}

export interface LinkSetOp {
  op: 'link.set';
  dev: string;
  up: boolean | null;
  mtu: number | null;
  address: string | null;
  name: string | null;
  /** a bridge name, or '' for `nomaster` */
  master: string | null;
  netns: string | null;
  txqlen: number | null;
  bridge: LinkAddOp['bridge'];
  /** `type macvlan mode M` on an existing macvlan (macvlan_changelink) */
  macvlan?: MacvlanSpec | null;
  /** `type ipvlan …` on an existing ipvlan (ipvlan_nl_changelink) */
  ipvlan?: IpvlanSpec | null;
  /** `type vlan …` on an existing VLAN (vlan_changelink) */
  vlan?: VlanSpec | null;
  /** `type ipip|gre|sit …` on an existing tunnel (ip_tunnel_changelink) */
  iptnl?: IpTunnelSpec | null;
  /** a bridge port's own settings (`type bridge_slave …`, `bridge link set`): IFLA_BRPORT_* */
  bridgePort?: BridgePortSpec | null;
  /** `addrgenmode M`: IFLA_INET6_ADDR_GEN_MODE (src/model/ipv6/addrconf.ts setAddrGenMode) */
  addrGenMode?: number;
  /** `promisc on|off`: IFF_PROMISC asked by the user (dev->gflags) */
  promisc?: boolean;
  /** `alias TEXT`: IFLA_IFALIAS ('' removes it) */
  alias?: string;
}

/** A bridge port's settings; null: not given. */
export interface BridgePortSpec {
  hairpin: boolean | null;
}

export interface LinkDelOp {
  op: 'link.del';
  dev: string;
  kind: string | null;
}

export interface AddrAddOp {
  op: 'addr.add';
  mode: 'add' | 'replace' | 'change';
  dev: string;
  local: Ip4;
  prefixLen: number;
  peer: Ip4 | null;
  broadcast: Ip4 | '+' | '-' | null;
  scope: number | null;
  label: string | null;
  noprefixroute: boolean;
  metric: number | null;
}

export interface AddrDelOp {
  op: 'addr.del';
  dev: string;
  local: Ip4;
  /** null when the command gave no length: the kernel then matches any length */
  prefixLen: number | null;
  peer: Ip4 | null;
  /** `label L`: only an address with that label matches (inet_rtm_deladdr's IFA_LABEL test) */
  label?: string | null;
}

export interface AddrFlushOp {
  op: 'addr.flush';
  dev: string | null;
  scope: number | null;
  /** flush only addresses within this prefix (an IPv6 one has `addr6`) */
  to: { addr: Ip4; len: number; addr6?: Ip6 } | null;
  /** `-4` / `-6` (or a `to` prefix, which makes it IPv4); absent or null: every family */
  family?: 'inet' | 'inet6' | null;
}

export interface RouteSpec {
  type: RouteType;
  dst: Ip4;
  dstLen: number;
  table: number | null;
  dev: string | null;
  gateway: Ip4 | null;
  prefsrc: Ip4 | null;
  metric: number | null;
  protocol: number | null;
  scope: number | null;
  onlink: boolean;
  tos: number;
  mtu: number | null;
  /** `nexthop …` (RTA_MULTIPATH), in order; absent when the command gave none */
  hops?: HopSpec[];
  /** `nhid N` (RTA_NH_ID): the route uses a nexthop object */
  nhid?: number;
}

/** One `nexthop via A dev D weight W onlink` of a multipath route (struct rtnexthop). */
export interface HopSpec {
  gateway: Ip4 | null;
  /** the gateway of a hop of an IPv6 route */
  gateway6?: Ip6 | null;
  dev: string | null;
  weight: number;
  onlink: boolean;
}

export interface RouteAddOp {
  op: 'route.add';
  mode: RouteMode;
  route: RouteSpec;
}

export interface RouteDelOp {
  op: 'route.del';
  /** fields left null match anything, as the kernel's fib_table_delete does */
  route: Omit<RouteSpec, 'type'> & { type: RouteType | null; typeGiven: boolean };
}

export interface RouteFlushOp {
  op: 'route.flush';
  table: number | null;
  dev: string | null;
  protocol: number | null;
  root: { addr: Ip4; len: number } | null;
}

/**
 * `ip route flush cache` (IPv4): ipv4_sysctl_rtcache_flush's fnhe_genid_bump makes every
 * learned exception of the namespace stale, so the next lookup forgets it.
 */
/** `ip nexthop add|replace` (RTM_NEWNEXTHOP): one nexthop, a blackhole, or a group. */
export interface NexthopAddOp {
  op: 'nexthop.add';
  replace: boolean;
  /** NHA_ID; 0 or null: the kernel picks one */
  id: number | null;
  dev: string | null;
  gateway: Ip4 | null;
  onlink: boolean;
  blackhole: boolean;
  protocol: number;
  /** NHA_GROUP: member ids with their weights */
  group: { id: number; weight: number }[] | null;
}

/** `ip nexthop del id N` (RTM_DELNEXTHOP). */
export interface NexthopDelOp {
  op: 'nexthop.del';
  id: number | null;
}

export interface RouteFlushCacheOp {
  op: 'route.flushCache';
}

export interface NetnsAddOp {
  op: 'netns.add';
  name: string;
}
export interface NetnsDelOp {
  op: 'netns.del';
  name: string;
}
/** `ip netns set NAME NSID|auto`: the id the current namespace gives NAME (null: the lowest free) */
export interface NetnsSetIdOp {
  op: 'netns.setid';
  name: string;
  nsid: number | null;
}

export interface SysctlSetOp {
  op: 'sysctl.set';
  /** dotted form: net.ipv4.ip_forward, net.ipv4.conf.all.rp_filter */
  key: string;
  value: string;
}

export interface TuntapAddOp {
  op: 'tuntap.add';
  name: string;
  mode: 'tun' | 'tap';
  pi: boolean;
}
export interface TuntapDelOp {
  op: 'tuntap.del';
  name: string;
  mode: 'tun' | 'tap';
}

export interface FdbOp {
  op: 'fdb.add';
  mode: 'add' | 'append' | 'replace' | 'del';
  mac: string;
  dev: string;
  /** a VXLAN remote: an IPv4 number or an IPv6 bigint */
  dst: Ip4 | Ip6 | null;
  master: boolean;
  self: boolean;
  /** NUD_PERMANENT; false: a `static` entry (only with `master`) */
  permanent: boolean;
  /**
   * `master`: the bridge already learned this MAC (the simulator's entry, when it made it and
   * on which port) — the kernel's FDB has one entry per MAC, so an add finds it there
   */
  learned?: { seq: number; port: string; moved?: boolean };
}

/**
 * `bridge vlan add|del` (RTM_SETLINK/RTM_DELLINK with IFLA_BRIDGE_VLAN_INFO): VLAN `vid`, or
 * `vid`..`vidEnd`, on a bridge port (`master`, the default) and/or on the bridge itself (`self`).
 */
export interface BridgeVlanOp {
  op: 'bridge.vlan';
  mode: 'add' | 'del';
  dev: string;
  vid: number;
  vidEnd: number | null;
  pvid: boolean;
  untagged: boolean;
  self: boolean;
  master: boolean;
}

export interface RuleAddOp {
  op: 'rule.add';
  del: boolean;
  priority: number | null;
  table: number | null;
  src: { addr: Ip4; len: number } | null;
  dst: { addr: Ip4; len: number } | null;
  iif: string | null;
  oif: string | null;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit' | 'goto' | 'nop';
  /** `suppress_prefixlength N` (absent: none, the kernel's -1) */
  suppressPrefixlen?: number;
  /** `not` */
  not?: boolean;
  /** `fwmark MARK[/MASK]` */
  fwmark?: number;
  fwmask?: number;
  /** `tos`/`dsfield` */
  tos?: number;
  /** `goto PRIO` */
  goto?: number;
  /** a delete whose command named an action (rule_find compares it then) */
  actionGiven?: boolean;
}

export interface NeighOp {
  op: 'neigh.add';
  mode: 'add' | 'replace' | 'change' | 'del';
  dst: Ip4;
  dev: string;
  lladdr: string | null;
  state: 'permanent' | 'noarp' | 'reachable' | 'stale';
  /** the entry exists, learnt by the system (not in staticNeigh): a del forgets it, an add fails */
  learnt?: boolean;
}

/** `ip neigh add|replace|change|del proxy ADDR [dev D] [router]`: one proxy entry (pneigh). */
export interface NeighProxyOp {
  op: 'neigh.proxy';
  mode: 'add' | 'del';
  dst: Ip4;
  /** null: an entry for every device */
  dev: string | null;
  router: boolean;
}

/** `ip -6 addr add|replace|change` (inet6_rtm_newaddr). */
export interface Addr6AddOp {
  op: 'addr6.add';
  mode: 'add' | 'replace' | 'change';
  dev: string;
  addr: Ip6;
  prefixLen: number;
  peer: Ip6 | null;
  /** IFA_F_* asked for (nodad, home, mngtmpaddr, noprefixroute, optimistic) */
  flags: number;
  /** seconds, 0xffffffff for forever */
  validLft: number;
  preferredLft: number;
  metric: number | null;
}

/** `ip -6 addr del` (inet6_rtm_deladdr: address and prefix length must both match). */
export interface Addr6DelOp {
  op: 'addr6.del';
  dev: string;
  addr: Ip6;
  prefixLen: number;
}

/** An IPv6 route as `ip -6 route add|del` describes it (struct fib6_config). */
export interface Route6Spec {
  type: 'unicast' | 'local' | 'anycast' | 'multicast' | 'blackhole' | 'unreachable' | 'prohibit' | 'throw';
  dst: Ip6;
  dstLen: number;
  table: number | null;
  dev: string | null;
  gateway: Ip6 | null;
  prefsrc: Ip6 | null;
  metric: number | null;
  protocol: number | null;
  onlink: boolean;
  mtu: number | null;
  hoplimit: number | null;
  pref: 'low' | 'medium' | 'high' | null;
  /** `expires N`: seconds */
  expires: number | null;
  /**
   * RTA_MULTIPATH (`nexthop via A [dev D] [weight W] …`): each hop becomes a route of its own,
   * a sibling of the others (ip6_route_multipath_add / _del); a hop without a gateway or device
   * takes the route's
   */
  hops?: HopSpec[];
}

export interface Route6AddOp {
  op: 'route6.add';
  mode: RouteMode;
  route: Route6Spec;
}

/** `ip -6 route del` (ip6_route_del): fields left null match any route of the prefix. */
export interface Route6DelOp {
  op: 'route6.del';
  route: Route6Spec;
}

/** `ip -6 rule add|del` (fib6 rules). */
export interface Rule6Op {
  op: 'rule6.add';
  del: boolean;
  priority: number | null;
  table: number | null;
  src: { addr: Ip6; len: number } | null;
  dst: { addr: Ip6; len: number } | null;
  iif: string | null;
  oif: string | null;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit' | 'goto' | 'nop';
  /** `fwmark MARK[/MASK]` */
  fwmark?: number;
  fwmask?: number;
  not?: boolean;
  /** `goto PRIO` */
  goto?: number;
  suppressPrefixlen?: number;
  /** a delete that named the action (its type word): only rules of that action match */
  actionGiven?: boolean;
}

/** `ip -6 neigh add|replace|change|del [proxy]`. */
export interface Neigh6Op {
  op: 'neigh6.add';
  mode: 'add' | 'replace' | 'change' | 'del';
  dst: Ip6;
  dev: string;
  lladdr: string | null;
  state: 'permanent' | 'noarp' | 'reachable' | 'stale';
  /** a proxy entry (pneigh): answered for, not resolved */
  proxy: boolean;
  /** the entry exists, learnt by the system (not in inet6.neigh): a del forgets it, an add fails */
  learnt?: boolean;
}

/**
 * One kernel request: what every front end produces and `apply` runs.
 *
 * @example
 * const op: Op = { op: 'netns.add', name: 'NS1' };
 * apply({ ns: new LabModel().addHost('h').root }, op);
 */
export type Op =
  | LinkAddOp
  | LinkSetOp
  | LinkDelOp
  | AddrAddOp
  | AddrDelOp
  | AddrFlushOp
  | RouteAddOp
  | RouteDelOp
  | RouteFlushOp
  | RouteFlushCacheOp
  | NexthopAddOp
  | NexthopDelOp
  | NetnsAddOp
  | NetnsDelOp
  | NetnsSetIdOp
  | SysctlSetOp
  | TuntapAddOp
  | TuntapDelOp
  | FdbOp
  | BridgeVlanOp
  | RuleAddOp
  | NeighOp
  | NfXtOp
  | NfNftOp
  | NeighProxyOp
  | Addr6AddOp
  | Addr6DelOp
  | Route6AddOp
  | Route6DelOp
  | Rule6Op
  | Neigh6Op;

export type OpKind = Op['op'];
