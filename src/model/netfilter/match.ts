/**
 * Match extensions as the kernel keeps them (the xt_* match info structures, and the nf_tables
 * expressions iptables-nft and nft turn them into): the data a rule tests beyond its IP part.
 * Printing them is each front end's business; evaluating them is sim/netfilter/match.ts.
 */
import type { NfTarget } from './target.js';
import type { Ip4 } from '../ip.js';
import type { Iface } from './rule.js';

/** An inclusive port range; a single port is [p, p]. */
export type PortRange = [number, number];

/** An address test of the conntrack match (its tuple's address under a mask). */
export interface CtAddr {
  addr: Ip4;
  mask: number;
  invert: boolean;
}

/** conntrack state bits (XT_CONNTRACK_STATE_BIT, nft's NF_CT_STATE_*): the same values in both. */
export const CT_STATE = {
  INVALID: 1,
  ESTABLISHED: 2,
  RELATED: 4,
  NEW: 8,
  UNTRACKED: 64,
  SNAT: 256,
  DNAT: 512,
} as const;

/** IPS_* status bits a rule can test (--ctstatus). */
export const CT_STATUS = {
  EXPECTED: 1,
  SEEN_REPLY: 2,
  ASSURED: 4,
  CONFIRMED: 8,
} as const;

/** Route types in rtn order (addrtype's bit i is type i): UNSPEC, UNICAST, LOCAL, … */
export const RTN_NAMES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'] as const;

export interface TcpMatch {
  kind: 'tcp';
  sport: PortRange;
  sportInvert: boolean;
  dport: PortRange;
  dportInvert: boolean;
  /** --tcp-flags MASK COMP (mask 0: not tested) */
  flagMask: number;
  flagCmp: number;
  flagsInvert: boolean;
  /** --tcp-option N (0: not tested) */
  option: number;
  optionInvert: boolean;
}

export interface UdpMatch {
  kind: 'udp';
  sport: PortRange;
  sportInvert: boolean;
  dport: PortRange;
  dportInvert: boolean;
}

export interface IcmpMatch {
  kind: 'icmp';
  /** 255 is `any` */
  type: number;
  codeMin: number;
  codeMax: number;
  invert: boolean;
}

/** ip6tables' icmp6 match (struct ip6t_icmp): one type, a code range. */
export interface Icmp6Match {
  kind: 'icmp6';
  type: number;
  codeMin: number;
  codeMax: number;
  invert: boolean;
}

export interface ConntrackMatch {
  kind: 'conntrack';
  /** `-m state --state …` is the conntrack match with this flag (XT_CONNTRACK_STATE_ALIAS) */
  alias: boolean;
  state: { mask: number; invert: boolean } | null;
  proto: { num: number; invert: boolean } | null;
  origsrc: CtAddr | null;
  origdst: CtAddr | null;
  replsrc: CtAddr | null;
  repldst: CtAddr | null;
  origsrcport: { range: PortRange; invert: boolean } | null;
  origdstport: { range: PortRange; invert: boolean } | null;
  replsrcport: { range: PortRange; invert: boolean } | null;
  repldstport: { range: PortRange; invert: boolean } | null;
  status: { mask: number; invert: boolean } | null;
  expires: { min: number; max: number; invert: boolean } | null;
  /** --ctdir: the packet's direction */
  dir: 'ORIGINAL' | 'REPLY' | null;
}

export interface AddrtypeMatch {
  kind: 'addrtype';
  /** bit i: RTN_NAMES[i] (0: not tested) */
  src: number;
  srcInvert: boolean;
  dst: number;
  dstInvert: boolean;
  limitIn: boolean;
  limitOut: boolean;
}

export interface CommentMatch {
  kind: 'comment';
  text: string;
}

export interface MarkMatch {
  kind: 'mark' | 'connmark';
  value: number;
  mask: number;
  invert: boolean;
}

export interface MultiportMatch {
  kind: 'multiport';
  dir: 'src' | 'dst' | 'any';
  ports: PortRange[];
  invert: boolean;
}

export interface PhysdevMatch {
  kind: 'physdev';
  in: Iface | null;
  out: Iface | null;
  /** --physdev-is-in / -is-out / -is-bridged, with their inversions (null: not tested) */
  isIn: { invert: boolean } | null;
  isOut: { invert: boolean } | null;
  isBridged: { invert: boolean } | null;
}

export interface StatisticMatch {
  kind: 'statistic';
  mode: 'random' | 'nth';
  /** random: the kernel's threshold, probability × 2^31 rounded (xt_statistic_info.u.random.probability) */
  probability: number;
  every: number;
  packet: number;
  invert: boolean;
}

/** nft's `ip saddr { a, b/24 }` (an anonymous set of addresses and prefixes), with `!=` */
export interface AddrSetMatch {
  kind: 'addrset';
  field: 'src' | 'dst';
  addrs: { addr: Ip4; mask: number }[];
  invert: boolean;
}

/** nft's `icmp type { echo-request, echo-reply }` (`icmpv6 type { … }` with v6) */
export interface IcmpTypesMatch {
  kind: 'icmptypes';
  types: number[];
  invert: boolean;
  v6?: boolean;
}

/**
 * nft's test of a packet field against a named set of its table (`ip saddr @allowed`, `tcp dport
 * @ports`), looked up when the packet passes; `proto`: the L4 protocol the field belongs to.
 */
export interface SetRefMatch {
  kind: 'setref';
  key: 'saddr' | 'daddr' | 'sport' | 'dport' | 'l4proto' | 'iifname' | 'oifname' | 'mark';
  proto?: number;
  set: string;
  invert: boolean;
}

/**
 * nft's verdict map (`ct state vmap { established : accept, invalid : drop }`, `tcp dport vmap
 * { 22 : accept }`): the packet's key picks a verdict; no entry for it, no match (the rule is
 * passed over). Keys are numbers (ct state bits, ports, addresses, protocols), ranges inclusive.
 */
export interface VmapMatch {
  kind: 'vmap';
  key: 'ctstate' | 'saddr' | 'daddr' | 'sport' | 'dport' | 'l4proto';
  proto?: number;
  entries: { lo: number; hi: number; verdict: NfTarget }[];
}

/**
 * A rate limit: `-m limit --limit R/UNIT --limit-burst N` (xt_rateinfo: `avg`, the seconds
 * between packets × XT_LIMIT_SCALE) or nft's `limit rate [over] R/UNIT [burst N packets|bytes]`
 * (nft_limit: rate per unit seconds). iptables-nft hands the kernel nft's form (add_nft_limit),
 * iptables-legacy xt_limit's; sim/netfilter/limit.ts evaluates both.
 */
export interface LimitMatch {
  kind: 'limit';
  rate: number;
  /** seconds */
  unit: number;
  burst: number;
  /** nft's `over`: matches when the rate is exceeded */
  over: boolean;
  /** nft's `… bytes/second`: the rate and burst are bytes */
  bytes: boolean;
  /** iptables' xt_rateinfo (null for a rule nft made) */
  xt: { avg: number; burst: number } | null;
}

/** `-m iprange --src-range A-B --dst-range C-D` (xt_iprange, IPv4), nft's `ip saddr A-B` */
export interface IprangeMatch {
  kind: 'iprange';
  src: { lo: Ip4; hi: Ip4; invert: boolean } | null;
  dst: { lo: Ip4; hi: Ip4; invert: boolean } | null;
}

/** `-m mac --mac-source M` (xt_mac), nft's `ether saddr M`: the frame's source address, lowercase */
export interface MacMatch {
  kind: 'mac';
  mac: string;
  invert: boolean;
  /** iptables' xt_mac (valid on the way in only); nft's `ether saddr` is not */
  xt: boolean;
}

/**
 * A packet field compared (iptables' length, ttl, hl and pkttype matches; nft's `meta length`,
 * `ip ttl`, `ip6 hoplimit`, `meta pkttype`, `th sport|dport`, `tcp flags`): the field, under
 * `mask` when nft masks it (`tcp flags syn` is flags & syn != 0), against a value, an inclusive
 * range, or a set of values. `ip`/`ip6` fields only match packets of that family.
 */
export interface FieldMatch {
  kind: 'field';
  field: 'length' | 'ttl' | 'hoplimit' | 'pkttype' | 'thsport' | 'thdport' | 'tcpflags' | 'dscp' | 'tcpmss';
  mask: number | null;
  op: 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';
  value: number;
  /** an inclusive range (op eq or ne) */
  hi?: number;
  /** a set of values (op eq or ne) */
  set?: number[];
  /** which iptables extension made it (it lists itself so); absent for nft */
  xt?: 'length' | 'ttl' | 'hl' | 'pkttype' | 'dscp' | 'tcpmss';
}

/**
 * `-m recent` (xt_recent): a named list of addresses per namespace, shared by every rule that
 * names it — `--set` adds the packet's address (or refreshes it), `--rcheck` / `--update` test
 * whether it was seen (`--hitcount` times within `--seconds`), `--remove` drops it.
 */
export interface RecentMatch {
  kind: 'recent';
  op: 'set' | 'rcheck' | 'update' | 'remove';
  invert: boolean;
  /** 0: not tested */
  seconds: number;
  hitCount: number;
  reap: boolean;
  /** --rttl: the TTL must match the one recorded */
  ttl: boolean;
  name: string;
  side: 'source' | 'dest';
  /** an IPv4 mask, or an IPv6 one (ip6tables) */
  mask: number;
  mask6?: bigint;
}

/** nft's `iifname { "eth0", "eth1" }` / `oifname != { … }`: the device's name among a set of exact names */
export interface IfaceSetMatch {
  kind: 'ifset';
  dir: 'in' | 'out';
  names: string[];
  invert: boolean;
}

export type NfMatch =
  | IfaceSetMatch
  | RecentMatch
  | LimitMatch
  | IprangeMatch
  | MacMatch
  | FieldMatch
  | VmapMatch
  | SetRefMatch
  | TcpMatch
  | UdpMatch
  | IcmpMatch
  | Icmp6Match
  | ConntrackMatch
  | AddrtypeMatch
  | CommentMatch
  | MarkMatch
  | MultiportMatch
  | PhysdevMatch
  | StatisticMatch
  | AddrSetMatch
  | IcmpTypesMatch;

/** Whether a rule with this match needs connection tracking in its namespace (nf_ct_netns_get). */
export function matchNeedsConntrack(m: NfMatch): boolean {
  return m.kind === 'conntrack' || m.kind === 'connmark' || (m.kind === 'vmap' && m.key === 'ctstate');
}
