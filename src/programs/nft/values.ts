/** nftables 1.0.6's names for values: protocols, ICMP types, ct states and reject codes. */
import { CT_STATE } from '../../model/netfilter/match.js';
import type { RejectWith } from '../../model/netfilter/target.js';

export const PROTO: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, gre: 47, esp: 50, ah: 51, sctp: 132, 'ipv6-icmp': 58, icmpv6: 58 };
export const PROTO_NAME: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 47: 'gre', 50: 'esp', 51: 'ah', 132: 'sctp', 58: 'ipv6-icmp' };
export const ICMPV6_TYPES: Record<string, number> = {
  'destination-unreachable': 1,
  'packet-too-big': 2,
  'time-exceeded': 3,
  'parameter-problem': 4,
  'echo-request': 128,
  'echo-reply': 129,
  'mld-listener-query': 130,
  'mld-listener-report': 131,
  'mld-listener-done': 132,
  'nd-router-solicit': 133,
  'nd-router-advert': 134,
  'nd-neighbor-solicit': 135,
  'nd-neighbor-advert': 136,
  'nd-redirect': 137,
  'router-renumbering': 138,
  'ind-neighbor-solicit': 141,
  'ind-neighbor-advert': 142,
  'mld2-listener-report': 143,
};
/** `reject with icmpv6 type X`: the IPv6 answers */
export const REJECT_ICMPV6: Record<string, RejectWith> = {
  'no-route': 'icmp6-no-route',
  'admin-prohibited': 'icmp6-adm-prohibited',
  'addr-unreachable': 'icmp6-addr-unreachable',
  'port-unreachable': 'icmp6-port-unreachable',
  'policy-fail': 'icmp6-policy-fail',
  'reject-route': 'icmp6-reject-route',
};
export const ICMP_TYPES: Record<string, number> = {
  'echo-reply': 0,
  'destination-unreachable': 3,
  'source-quench': 4,
  redirect: 5,
  'echo-request': 8,
  'router-advertisement': 9,
  'router-solicitation': 10,
  'time-exceeded': 11,
  'parameter-problem': 12,
  'timestamp-request': 13,
  'timestamp-reply': 14,
  'info-request': 15,
  'info-reply': 16,
  'address-mask-request': 17,
  'address-mask-reply': 18,
};
export const CT_STATES: [string, number][] = [
  ['invalid', CT_STATE.INVALID],
  ['established', CT_STATE.ESTABLISHED],
  ['related', CT_STATE.RELATED],
  ['new', CT_STATE.NEW],
  ['untracked', CT_STATE.UNTRACKED],
];
export const REJECT_ICMP: Record<string, RejectWith> = {
  'net-unreachable': 'icmp-net-unreachable',
  'host-unreachable': 'icmp-host-unreachable',
  'prot-unreachable': 'icmp-proto-unreachable',
  'port-unreachable': 'icmp-port-unreachable',
  'net-prohibited': 'icmp-net-prohibited',
  'host-prohibited': 'icmp-host-prohibited',
  'admin-prohibited': 'icmp-admin-prohibited',
};
