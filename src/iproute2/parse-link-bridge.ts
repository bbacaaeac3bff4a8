/**
 * `ip link add|set DEV type bridge OPTIONS` (ip/iplink_bridge.c bridge_parse_opt, iproute2
 * 6.1.0). The model keeps stp_state, forward_delay, ageing_time and vlan_filtering; every
 * other option is still read and checked as iproute2 does, then reported as not modelled.
 */
import type { LinkAddOp } from '../ops/op.js';
import { Argv, exitWith, getU16, getU32, getU8, invarg, matches, notModelled, strtoul } from './args.js';
import type { Gaps } from './plan.js';
import { BRIDGE_TYPE_USAGE } from './usage.js';

type Check = 'u8' | 'u16' | 'u32' | 'u64' | 'none' | 'proto' | 'lladdr';

/** Options in iproute2's test order (abbreviations resolve to the first match), and how each value is checked. */
const OPTIONS: Array<[name: string, check: Check, exact?: boolean]> = [
  ['forward_delay', 'u32'],
  ['hello_time', 'u32'],
  ['max_age', 'u32'],
  ['ageing_time', 'u32'],
  ['stp_state', 'u32'],
  ['priority', 'u16'],
  ['vlan_filtering', 'u8'],
  ['vlan_protocol', 'proto'],
  ['group_fwd_mask', 'u16'],
  ['group_address', 'lladdr'],
  ['no_linklocal_learn', 'u8', true],
  ['fdb_flush', 'none'],
  ['vlan_default_pvid', 'u16'],
  ['vlan_stats_enabled', 'u8'],
  ['vlan_stats_per_port', 'u8'],
  ['mcast_router', 'u8'],
  ['mcast_snooping', 'u8'],
  ['mcast_vlan_snooping', 'u8', true],
  ['mcast_query_use_ifaddr', 'u8'],
  ['mcast_querier', 'u8'],
  ['mcast_hash_elasticity', 'u32'],
  ['mcast_hash_max', 'u32'],
  ['mcast_last_member_count', 'u32'],
  ['mcast_startup_query_count', 'u32'],
  ['mcast_last_member_interval', 'u64'],
  ['mcast_membership_interval', 'u64'],
  ['mcast_querier_interval', 'u64'],
  ['mcast_query_interval', 'u64'],
  ['mcast_query_response_interval', 'u64'],
  ['mcast_startup_query_interval', 'u64'],
  ['mcast_stats_enabled', 'u8'],
  ['mcast_igmp_version', 'u8'],
  ['mcast_mld_version', 'u8'],
  ['nf_call_iptables', 'u8'],
  ['nf_call_ip6tables', 'u8'],
  ['nf_call_arptables', 'u8'],
];

const MODELLED = new Set(['forward_delay', 'ageing_time', 'stp_state', 'vlan_filtering']);

function checkValue(check: Check, v: string): number | null {
  switch (check) {
    case 'u8':
      return getU8(v);
    case 'u16':
      return getU16(v);
    case 'u32':
      return getU32(v);
    case 'u64': {
      const r = strtoul(v, 0);
      return r.end === v.length && v !== '' && !r.erange ? 0 : null;
    }
    default:
      return 0;
  }
}

/** bridge_parse_opt(): the bridge settings the model keeps. */
export function parseBridgeOpts(argv: string[], gaps: Gaps): NonNullable<LinkAddOp['bridge']> {
  const out: NonNullable<LinkAddOp['bridge']> = { stp: null, ageingTime: null, vlanFiltering: null, forwardDelay: null };
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    const opt = OPTIONS.find(([name, , exact]) => (exact ? arg === name : matches(arg, name)));
    if (!opt) {
      if (matches(arg, 'help')) exitWith(BRIDGE_TYPE_USAGE, 1);
      exitWith(`bridge: unknown command "${arg}"?\n${BRIDGE_TYPE_USAGE}`, 1);
    }
    const [name, check] = opt;
    if (check === 'proto' || check === 'lladdr') notModelled(`bridge ${name}`);
    if (check !== 'none') {
      const v = a.next();
      const n = checkValue(check, v);
      if (n === null) invarg(`invalid ${name}`, v);
      if (name === 'forward_delay') out.forwardDelay = n;
      else if (name === 'ageing_time') out.ageingTime = n;
      else if (name === 'stp_state') out.stp = n;
      else if (name === 'vlan_filtering') out.vlanFiltering = n;
    }
    if (!MODELLED.has(name)) gaps.add(`bridge ${name}`);
    a.step();
  }
  return out;
}
