/**
 * The extensions the front end models, and the names of the others iptables 1.8.9 ships (a
 * line using one of those is "not modelled", never refused with iptables' "Couldn't load").
 */
import type { NfMatch } from '../../../model/netfilter/match.js';
import type { NfTarget } from '../../../model/netfilter/target.js';
import { CONNTRACK, STATE } from './conntrack.js';
import { ICMP } from './icmp.js';
import { ICMP6, REJECT6 } from './icmp6.js';
import { ADDRTYPE, COMMENT, CONNMARK_MATCH, MARK_MATCH, MULTIPORT, PHYSDEV, STATISTIC } from './matches.js';
import { TCP, UDP } from './tcpudp.js';
import { LIMIT } from './limit.js';
import { recentExt } from './recent.js';
import { IPRANGE, LENGTH, MAC, PKTTYPE, TCPMSS_MATCH, TTL } from './header-fields.js';
import { CONNMARK, CT, DNAT, DNAT6, LOG, MARK, MASQUERADE, MASQUERADE6, NETMAP, NOTRACK, REDIRECT, REDIRECT6, REJECT, SNAT, SNAT6, TCPMSS, TCPMSS6, TTL_TARGET } from './targets.js';
import type { MatchExt, TargetExt } from './types.js';
import { DSCP_MATCH, DSCP_TARGET } from './dscp.js';

export const MATCHES: Readonly<Record<string, MatchExt>> = {
  tcp: TCP,
  udp: UDP,
  icmp: ICMP,
  conntrack: CONNTRACK,
  state: STATE,
  addrtype: ADDRTYPE,
  comment: COMMENT,
  mark: MARK_MATCH,
  connmark: CONNMARK_MATCH,
  multiport: MULTIPORT,
  physdev: PHYSDEV,
  statistic: STATISTIC,
  limit: LIMIT,
  iprange: IPRANGE,
  mac: MAC,
  length: LENGTH,
  tcpmss: TCPMSS_MATCH,
  ttl: TTL,
  pkttype: PKTTYPE,
  recent: recentExt(false),
  dscp: DSCP_MATCH,
};

export const TARGETS: Readonly<Record<string, TargetExt>> = { REJECT, LOG, MARK, CONNMARK, SNAT, DNAT, MASQUERADE, REDIRECT, NOTRACK, CT, TTL: TTL_TARGET, NETMAP, DSCP: DSCP_TARGET, TCPMSS };

/** Matches of iptables 1.8.9 (IPv4) the simulator does not model. */
export const UNMODELLED_MATCHES: ReadonlySet<string> = new Set(
  'ah bpf cgroup cluster connbytes connlabel connlimit cpu dccp devgroup ecn esp hashlimit helper ipcomp ipvs nfacct osf owner policy quota rateest realm rpfilter sctp set socket string time tos u32 udplite'.split(
    ' ',
  ),
);

/** Targets of iptables 1.8.9 (IPv4) the simulator does not model. */
export const UNMODELLED_TARGETS: ReadonlySet<string> = new Set(
  'AUDIT CHECKSUM CLASSIFY CLUSTERIP CONNSECMARK ECN HMARK IDLETIMER LED NFLOG NFQUEUE RATEEST SECMARK SET SYNPROXY TCPOPTSTRIP TEE TOS TPROXY TRACE ULOG QUEUE'.split(' '),
);

/**
 * ip6tables' matches: the IPv4-only icmp gives way to icmp6 (libxtables finds it for `-p icmpv6`
 * and `-p ipv6-icmp` too); of connection tracking the state is modelled for IPv6 (conntrack's
 * other options are refused as not modelled) and the connection mark, not route types.
 */
export const MATCHES6: Readonly<Record<string, MatchExt>> = {
  tcp: TCP,
  udp: UDP,
  icmp6: ICMP6,
  icmpv6: ICMP6,
  'ipv6-icmp': ICMP6,
  comment: COMMENT,
  mark: MARK_MATCH,
  multiport: MULTIPORT,
  statistic: STATISTIC,
  conntrack: CONNTRACK,
  state: STATE,
  connmark: CONNMARK_MATCH,
  limit: LIMIT,
  mac: MAC,
  length: LENGTH,
  tcpmss: TCPMSS_MATCH,
  pkttype: PKTTYPE,
  recent: recentExt(true),
};

export const TARGETS6: Readonly<Record<string, TargetExt>> = {
  REJECT: REJECT6,
  LOG,
  MARK,
  CONNMARK,
  SNAT: SNAT6,
  DNAT: DNAT6,
  MASQUERADE: MASQUERADE6,
  REDIRECT: REDIRECT6,
  NOTRACK,
  CT,
  TCPMSS: TCPMSS6,
};

/** ip6tables 1.8.9's matches the simulator does not model (for IPv6). */
export const UNMODELLED_MATCHES6: ReadonlySet<string> = new Set([
  // iprange for IPv6 (ranges of IPv6 addresses) is not modelled; ttl is IPv4's (hl is IPv6's)
  ...[...UNMODELLED_MATCHES].filter((m) => m !== 'ah' && m !== 'esp'),
  'iprange',
  // the traffic class of IPv6 packets is not modelled
  'dscp',
  ...'addrtype physdev ah dst eui64 frag hbh hl ipv6header mh rt srh'.split(' '),
]);

/** ip6tables 1.8.9's targets the simulator does not model (for IPv6). */
export const UNMODELLED_TARGETS6: ReadonlySet<string> = new Set([...UNMODELLED_TARGETS, 'NETMAP', 'DSCP', 'HL', 'NPT', 'SNPT', 'DNPT']);

/** The extension that lists and saves a model match. */
export function matchExt(m: NfMatch): { name: string; ext: MatchExt } {
  if (m.kind === 'conntrack') return m.alias ? { name: 'state', ext: STATE } : { name: 'conntrack', ext: CONNTRACK };
  if (m.kind === 'icmp6') return { name: 'icmp6', ext: ICMP6 };
  if (m.kind === 'field') return { name: m.xt!, ext: MATCHES[m.xt!]! };
  if (m.kind === 'recent' && m.mask6 !== undefined) return { name: 'recent', ext: MATCHES6.recent! };
  return { name: m.kind, ext: MATCHES[m.kind]! };
}

/** The extension of a target extension (null for verdicts, jumps and no target). */
export function targetExt(t: NfTarget): TargetExt | null {
  if (t.kind === 'none' || t.kind === 'verdict' || t.kind === 'jump') return null;
  if (t.kind === 'REJECT' && (t.with.startsWith('icmp6-') || t.with === 'tcp-reset')) return REJECT6;
  // an IPv6 rule's NAT range holds IPv6 addresses
  if ((t.kind === 'SNAT' || t.kind === 'DNAT') && t.range.min6 !== undefined) return TARGETS6[t.kind]!;
  if (t.kind === 'NOTRACK') return t.alias ? NOTRACK : CT;
  return TARGETS[t.kind]!;
}
