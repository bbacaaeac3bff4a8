/** nftables 1.0.6's names for values: protocols, ICMP types, ct states and reject codes. */
import { CT_STATE } from '../../model/netfilter/match.js';
import type { RejectWith } from '../../model/netfilter/target.js';

export const PROTO: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, gre: 47, esp: 50, ah: 51, sctp: 132 };
export const PROTO_NAME: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 47: 'gre', 50: 'esp', 51: 'ah', 132: 'sctp' };
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
