/**
 * Targets as the kernel keeps them: a verdict, a jump or goto to a user chain, or a target
 * extension (xt_* target info, or the nf_tables statement it stands for). What each does to a
 * packet is sim/netfilter/target.ts.
 */
import type { Ip4 } from '../ip.js';
import type { Ip6 } from '../ipv6/ip6.js';

/**
 * NAT ranges (struct nf_nat_range2): addresses when `mapIps`, ports when `protoSpecified`,
 * and the flags --random, --random-fully, --persistent.
 */
export interface NatRange {
  mapIps: boolean;
  minAddr: Ip4;
  maxAddr: Ip4;
  /** an IPv6 rule's addresses (ip6tables' SNAT/DNAT): `minAddr`/`maxAddr` are then unused */
  min6?: Ip6;
  max6?: Ip6;
  protoSpecified: boolean;
  minPort: number;
  maxPort: number;
  /** a shifted port map (`1000-2000/3000`): the base port, or null */
  basePort: number | null;
  random: boolean;
  randomFully: boolean;
  persistent: boolean;
}

/** REJECT --reject-with, in the kernel's ipt_reject_with order. */
export const REJECT_WITH = [
  'icmp-net-unreachable',
  'icmp-host-unreachable',
  'icmp-proto-unreachable',
  'icmp-port-unreachable',
  'icmp-echo-reply',
  'icmp-net-prohibited',
  'icmp-host-prohibited',
  'tcp-reset',
  'icmp-admin-prohibited',
] as const;
export type RejectWith4 = (typeof REJECT_WITH)[number];

/** ip6tables' REJECT --reject-with, in the kernel's ip6t_reject_with order (its gaps left out). */
export const REJECT6_WITH = ['icmp6-no-route', 'icmp6-adm-prohibited', 'icmp6-addr-unreachable', 'icmp6-port-unreachable', 'tcp-reset', 'icmp6-policy-fail', 'icmp6-reject-route'] as const;
export type RejectWith6 = (typeof REJECT6_WITH)[number];
export type RejectWith = RejectWith4 | RejectWith6;

/** The ICMPv6 destination unreachable code each ip6tables --reject-with sends (null: a TCP reset). */
export const REJECT6_CODE: Record<RejectWith6, number | null> = {
  'icmp6-no-route': 0,
  'icmp6-adm-prohibited': 1,
  'icmp6-addr-unreachable': 3,
  'icmp6-port-unreachable': 4,
  'tcp-reset': null,
  'icmp6-policy-fail': 5,
  'icmp6-reject-route': 6,
};

/** The ICMP destination unreachable code each --reject-with sends (null: not an ICMP error). */
export const REJECT_CODE: Record<RejectWith4, number | null> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-echo-reply': null,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'tcp-reset': null,
  'icmp-admin-prohibited': 13,
};

export type NfTarget =
  /** no `-j`: the rule only counts */
  | { kind: 'none' }
  | { kind: 'verdict'; verdict: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { kind: 'jump'; chain: string; goto: boolean }
  | { kind: 'REJECT'; with: RejectWith }
  /** counted, and logged nowhere: the kernel does not log from a namespace other than the first (nf_log_all_netns=0) */
  | { kind: 'LOG'; level: number; prefix: string; flags: number }
  /** mark = (mark & ~mask) ^ value (xt_mark_tginfo2) */
  | { kind: 'MARK'; value: number; mask: number }
  /** CONNMARK: set (ctmark = (ctmark & ~mask) ^ value), save (ctmark from mark), restore (mark from ctmark) */
  | { kind: 'CONNMARK'; mode: 'set' | 'save' | 'restore'; value: number; mask: number; nfmask: number; ctmask: number }
  /** NOTRACK, `CT --notrack`, nft's `notrack`: the packet is left untracked (raw table); `alias`: written `-j NOTRACK` */
  | { kind: 'NOTRACK'; alias: boolean }
  /** TCPMSS --set-mss N, or --clamp-mss-to-pmtu (mss TCPMSS_CLAMP_PMTU): a SYN's MSS option lowered (xt_tcpmss_info) */
  | { kind: 'TCPMSS'; mss: number }
  /** TTL --ttl-set / --ttl-dec / --ttl-inc (mangle table, IPv4) */
  | { kind: 'TTL'; mode: 'set' | 'dec' | 'inc'; value: number }
  /** DSCP --set-dscp (mangle table): the TOS byte's top six bits, its ECN bits kept */
  | { kind: 'DSCP'; value: number }
  | { kind: 'MASQUERADE'; range: NatRange }
  | { kind: 'SNAT'; range: NatRange }
  | { kind: 'DNAT'; range: NatRange }
  | { kind: 'REDIRECT'; range: NatRange }
  /**
   * NETMAP --to NET/LEN: the network as a range (min the network, max its last address); each
   * address keeps its host bits (netmap_tg4): the destination at PREROUTING/OUTPUT, the source at
   * POSTROUTING/INPUT
   */
  | { kind: 'NETMAP'; range: NatRange };

/** XT_TCPMSS_CLAMP_PMTU: the MSS value that means "the path MTU less the headers" */
export const TCPMSS_CLAMP_PMTU = 0xffff;

export type NatTargetKind = 'MASQUERADE' | 'SNAT' | 'DNAT' | 'REDIRECT' | 'NETMAP';

/** A NAT range with nothing in it (MASQUERADE, REDIRECT without options). */
export function emptyNatRange(): NatRange {
  return { mapIps: false, minAddr: 0, maxAddr: 0, protoSpecified: false, minPort: 0, maxPort: 0, basePort: null, random: false, randomFully: false, persistent: false };
}

/** Targets that stop the chain walk with a verdict (the others continue with the next rule). */
export function isTerminal(t: NfTarget): boolean {
  return t.kind !== 'none' && t.kind !== 'LOG' && t.kind !== 'MARK' && t.kind !== 'CONNMARK' && t.kind !== 'NOTRACK' && t.kind !== 'TTL' && t.kind !== 'DSCP' && t.kind !== 'TCPMSS';
}

/** Whether a rule with this target needs connection tracking in its namespace. */
export function targetNeedsConntrack(t: NfTarget): boolean {
  return t.kind === 'CONNMARK' || t.kind === 'MASQUERADE' || t.kind === 'SNAT' || t.kind === 'DNAT' || t.kind === 'REDIRECT' || t.kind === 'NETMAP';
}
