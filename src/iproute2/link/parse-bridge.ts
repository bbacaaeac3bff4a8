/**
 * `ip link add|set DEV type bridge OPTIONS` (ip/iplink_bridge.c bridge_parse_opt, iproute2
 * 6.1.0). Every option is read and checked as iproute2 does; the kernel's own checks and
 * conversions are the model's (ops/apply-bridge.ts). `vlan_protocol` is modelled for the
 * two VLAN protocols only (the kernel ignores it anyway: VLAN filtering is compiled out).
 */
import type { BridgeSpec } from '../../ops/op.js';
import type { BridgeTunable } from '../../model/bridge-options.js';
import { Argv, exitWith, getU16, getU32, getU8, invarg, llAddrA2n, matches, notModelled, strtoul } from '../args.js';
import type { Gaps } from '../plan.js';
import { BRIDGE_TYPE_USAGE } from '../usage.js';

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

/** Accepted by the kernel and ignored: CONFIG_BRIDGE_VLAN_FILTERING is off. */
const IGNORED = new Set(['vlan_protocol', 'vlan_default_pvid', 'vlan_stats_enabled', 'vlan_stats_per_port']);

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
      if (r.end !== v.length || v === '' || r.erange) return null;
      // intervals past 2^53 are refused by iproute2's JS twin rather than rounded
      if (r.value > BigInt(Number.MAX_SAFE_INTEGER)) notModelled('bridge interval beyond 2^53');
      return Number(r.value);
    }
    default:
      return 0;
  }
}

/** bridge_parse_opt(): the IFLA_BR_* attributes the command line asks for. */
export function parseBridgeOpts(argv: string[], gaps: Gaps): BridgeSpec {
  const out: BridgeSpec = { stp: null, ageingTime: null, vlanFiltering: null, forwardDelay: null, tunables: {}, groupAddr: null, fdbFlush: false, ignored: [] };
  const tunables: Partial<Record<BridgeTunable, number>> = out.tunables!;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    const opt = OPTIONS.find(([name, , exact]) => (exact ? arg === name : matches(arg, name)));
    if (!opt) {
      if (matches(arg, 'help')) exitWith(BRIDGE_TYPE_USAGE, 1);
      exitWith(`bridge: unknown command "${arg}"?\n${BRIDGE_TYPE_USAGE}`, 1);
    }
    const [name, check] = opt;
    if (check === 'proto') {
      const v = a.next();
      // ll_proto_a2n knows many names; only the VLAN ones are modelled
      if (!/^802\.1(q|ad)$/i.test(v)) notModelled(`bridge vlan_protocol ${v}`);
      out.ignored!.push(name);
    } else if (check === 'lladdr') {
      const v = a.next();
      const r = llAddrA2n(v);
      if (!Array.isArray(r)) exitWith(r.error, 1);
      if (r.length !== 6) gaps.add('bridge group_address of another length than 6');
      out.groupAddr = r;
    } else if (check === 'none') {
      out.fdbFlush = true;
    } else {
      const v = a.next();
      const n = checkValue(check, v);
      if (n === null) invarg(`invalid ${name}`, v);
      if (name === 'forward_delay') out.forwardDelay = n;
      else if (name === 'ageing_time') out.ageingTime = n;
      else if (name === 'stp_state') out.stp = n;
      else if (name === 'vlan_filtering') out.vlanFiltering = n;
      else if (IGNORED.has(name)) {
        out.ignored!.push(name);
        if (name === 'vlan_default_pvid') out.vlanDefaultPvid = n;
      } else tunables[name as BridgeTunable] = n;
    }
    a.step();
  }
  return out;
}
