/**
 * The extensions the front end models, and the names of the others iptables 1.8.9 ships (a
 * line using one of those is "not modelled", never refused with iptables' "Couldn't load").
 */
import type { NfMatch } from '../../../model/netfilter/match.js';
import type { NfTarget } from '../../../model/netfilter/target.js';
import { CONNTRACK, STATE } from './conntrack.js';
import { ICMP } from './icmp.js';
import { ADDRTYPE, COMMENT, CONNMARK_MATCH, MARK_MATCH, MULTIPORT, PHYSDEV, STATISTIC } from './matches.js';
import { TCP, UDP } from './tcpudp.js';
import { CONNMARK, DNAT, LOG, MARK, MASQUERADE, REDIRECT, REJECT, SNAT } from './targets.js';
import type { MatchExt, TargetExt } from './types.js';

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
};

export const TARGETS: Readonly<Record<string, TargetExt>> = { REJECT, LOG, MARK, CONNMARK, SNAT, DNAT, MASQUERADE, REDIRECT };

/** Matches of iptables 1.8.9 (IPv4) the simulator does not model. */
export const UNMODELLED_MATCHES: ReadonlySet<string> = new Set(
  'ah bpf cgroup cluster connbytes connlabel connlimit cpu dccp devgroup dscp ecn esp hashlimit helper ipcomp iprange ipvs length limit mac nfacct osf owner pkttype policy quota rateest realm recent rpfilter sctp set socket string tcpmss time tos ttl u32 udplite'.split(
    ' ',
  ),
);

/** Targets of iptables 1.8.9 (IPv4) the simulator does not model. */
export const UNMODELLED_TARGETS: ReadonlySet<string> = new Set(
  'AUDIT CHECKSUM CLASSIFY CLUSTERIP CONNSECMARK CT DSCP ECN HMARK IDLETIMER LED NETMAP NFLOG NFQUEUE RATEEST SECMARK SET SYNPROXY TCPMSS TCPOPTSTRIP TEE TOS TPROXY TRACE TTL ULOG NOTRACK QUEUE'.split(
    ' ',
  ),
);

/** The extension that lists and saves a model match. */
export function matchExt(m: NfMatch): { name: string; ext: MatchExt } {
  if (m.kind === 'conntrack') return m.alias ? { name: 'state', ext: STATE } : { name: 'conntrack', ext: CONNTRACK };
  return { name: m.kind, ext: MATCHES[m.kind]! };
}

/** The extension of a target extension (null for verdicts, jumps and no target). */
export function targetExt(t: NfTarget): TargetExt | null {
  if (t.kind === 'none' || t.kind === 'verdict' || t.kind === 'jump') return null;
  return TARGETS[t.kind]!;
}
