/**
 * `ip link add … type bond OPTIONS` (ip/iplink_bond.c bond_parse_opt, iproute2 6.1.0): the mode
 * (active-backup and balance-rr are modelled) and the MII monitor's timings; the other options
 * are read and reported as not modelled.
 */
import type { BondSpec } from '../../ops/kind-specs.js';
import { Argv, exitWith, getU32, invarg, matches } from '../args.js';
import type { Gaps } from '../plan.js';

export const BOND_USAGE =
  'Usage: ... bond [ mode BONDMODE ] [ active_slave SLAVE_DEV ]\n                [ clear_active_slave ] [ miimon MIIMON ]\n                [ updelay UPDELAY ] [ downdelay DOWNDELAY ]\n                [ peer_notify_delay DELAY ]\n                [ use_carrier USE_CARRIER ]\n                [ arp_interval ARP_INTERVAL ]\n                [ arp_validate ARP_VALIDATE ]\n                [ arp_all_targets ARP_ALL_TARGETS ]\n                [ arp_ip_target [ ARP_IP_TARGET, ... ] ]\n                [ ns_ip6_target [ NS_IP6_TARGET, ... ] ]\n                [ primary SLAVE_DEV ]\n                [ primary_reselect PRIMARY_RESELECT ]\n                [ fail_over_mac FAIL_OVER_MAC ]\n                [ xmit_hash_policy XMIT_HASH_POLICY ]\n                [ resend_igmp RESEND_IGMP ]\n                [ num_grat_arp|num_unsol_na NUM_GRAT_ARP|NUM_UNSOL_NA ]\n                [ all_slaves_active ALL_SLAVES_ACTIVE ]\n                [ min_links MIN_LINKS ]\n                [ lp_interval LP_INTERVAL ]\n                [ packets_per_slave PACKETS_PER_SLAVE ]\n                [ tlb_dynamic_lb TLB_DYNAMIC_LB ]\n                [ lacp_rate LACP_RATE ]\n                [ lacp_active LACP_ACTIVE]\n                [ ad_select AD_SELECT ]\n                [ ad_user_port_key PORTKEY ]\n                [ ad_actor_sys_prio SYSPRIO ]\n                [ ad_actor_system LLADDR ]\n                [ arp_missed_max MISSED_MAX ]\n\nBONDMODE := balance-rr|active-backup|balance-xor|broadcast|802.3ad|balance-tlb|balance-alb\nARP_VALIDATE := none|active|backup|all|filter|filter_active|filter_backup\nARP_ALL_TARGETS := any|all\nPRIMARY_RESELECT := always|better|failure\nFAIL_OVER_MAC := none|active|follow\nXMIT_HASH_POLICY := layer2|layer2+3|layer3+4|encap2+3|encap3+4|vlan+srcmac\nLACP_ACTIVE := off|on\nLACP_RATE := slow|fast\nAD_SELECT := stable|bandwidth|count\n';

/** BONDMODE names in their numeric order (bond_mode_tbl), so `mode 1` is active-backup. */
const MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];

/** Options that take a value and are not modelled. */
const OTHER = new Set([
  'active_slave',
  'peer_notify_delay',
  'use_carrier',
  'arp_interval',
  'arp_validate',
  'arp_all_targets',
  'arp_ip_target',
  'ns_ip6_target',
  'primary',
  'primary_reselect',
  'fail_over_mac',
  'xmit_hash_policy',
  'resend_igmp',
  'num_grat_arp',
  'num_unsol_na',
  'all_slaves_active',
  'min_links',
  'lp_interval',
  'packets_per_slave',
  'tlb_dynamic_lb',
  'lacp_rate',
  'lacp_active',
  'ad_select',
  'ad_user_port_key',
  'ad_actor_sys_prio',
  'ad_actor_system',
  'arp_missed_max',
]);

/** bond_parse_opt(): the spec, and what of it the model does not keep. */
export function parseBondOpts(argv: string[], gaps: Gaps): BondSpec {
  const out: BondSpec = { mode: null, miimon: null, updelay: null, downdelay: null };
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'mode')) {
      const v = a.next();
      const n = getU32(v);
      const mode = n !== null ? MODES[n] : MODES.find((m) => m === v);
      if (mode === undefined) invarg('invalid mode', v);
      if (mode === 'balance-rr' || mode === 'active-backup') out.mode = mode;
      else gaps.add(`bond mode ${mode}`);
    } else if (matches(arg, 'miimon') || matches(arg, 'updelay') || matches(arg, 'downdelay')) {
      const key = matches(arg, 'miimon') ? 'miimon' : matches(arg, 'updelay') ? 'updelay' : 'downdelay';
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg(`invalid ${key}`, v);
      out[key] = n;
      if (key !== 'miimon' && n > 0) gaps.add(`bond ${key}`);
    } else if (arg === 'clear_active_slave') {
      gaps.add('bond clear_active_slave');
    } else if (OTHER.has(arg)) {
      a.next();
      gaps.add(`bond ${arg}`);
    } else if (matches(arg, 'help')) {
      exitWith(BOND_USAGE, 1);
    } else {
      exitWith(`bond: unknown command "${arg}"?\n${BOND_USAGE}`, 1);
    }
    a.step();
  }
  return out;
}
