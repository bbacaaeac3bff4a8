/**
 * ip/iplink_bond.c: `type bond` options (link/parse-bond.ts), bond_print_opt and
 * bond_slave_print_opt (iplink_bond_slave.c), as iproute2 6.1.0 prints them: the modelled
 * settings, then the kernel's defaults for the rest.
 */
import type { Link } from '../../../model/link.js';
import { parseBondOpts } from '../parse-bond.js';
import type { ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

/** The settings the model keeps at the kernel's defaults, in bond_print_opt's order: [text, JSON key, value]. */
const MIDDLE: ReadonlyArray<[string, string, string | number | null]> = [
  ['peer_notify_delay', 'peer_notify_delay', 0],
  ['use_carrier', 'use_carrier', 1],
  ['arp_interval', 'arp_interval', 0],
  ['arp_missed_max', 'arp_missed_max', 2],
];
const TAIL: ReadonlyArray<[string, string, string | number]> = [
  ['arp_all_targets', 'arp_all_targets', 'any'],
  ['primary_reselect', 'primary_reselect', 'always'],
  ['fail_over_mac', 'fail_over_mac', 'none'],
  ['xmit_hash_policy', 'xmit_hash_policy', 'layer2'],
  ['resend_igmp', 'resend_igmp', 1],
  ['num_grat_arp', 'num_peer_notif', 1],
  ['all_slaves_active', 'all_slaves_active', 0],
  ['min_links', 'min_links', 0],
  ['lp_interval', 'lp_interval', 1],
  ['packets_per_slave', 'packets_per_slave', 1],
  ['lacp_active', 'ad_lacp_active', 'on'],
  ['lacp_rate', 'ad_lacp_rate', 'slow'],
  ['ad_select', 'ad_select', 'stable'],
  ['tlb_dynamic_lb', 'tlb_dynamic_lb', 1],
];

function bondOpts(c: ShowCtx, l: Link): void {
  const b = l.bond;
  if (!b) return;
  const p = c.p;
  p.any('mode', `mode ${b.mode} `, b.mode);
  if (b.active) p.any('active_slave', `active_slave ${b.active.name} `, b.active.name);
  p.any('miimon', `miimon ${b.miimon} `, b.miimon);
  p.any('updelay', `updelay ${b.updelay} `, b.updelay);
  p.any('downdelay', `downdelay ${b.downdelay} `, b.downdelay);
  for (const [text, key, v] of MIDDLE) p.any(key, `${text} ${v} `, v);
  // print_string(PRINT_ANY, "arp_validate", …) with the name in the text only: JSON gets null
  p.any('arp_validate', 'arp_validate none ', null);
  for (const [text, key, v] of TAIL) p.any(key, `${text} ${v} `, v);
}

function bondSlaveOpts(c: ShowCtx, l: Link): void {
  const s = l.bondSlave;
  const b = l.master?.bond;
  if (!s || !b) return;
  const p = c.p;
  const state = b.mode === 'balance-rr' || b.active === l ? 'ACTIVE' : 'BACKUP';
  p.any('state', `state ${state} `, state);
  const mii = s.mii ? 'UP' : 'DOWN';
  p.any('mii_status', `mii_status ${mii} `, mii);
  p.any('link_failure_count', `link_failure_count ${s.linkFailures} `, s.linkFailures);
  p.any('perm_hwaddr', `perm_hwaddr ${s.permMac} `, s.permMac);
  p.any('queue_id', 'queue_id 0 ', 0);
  p.any('prio', 'prio 0 ', 0);
}

export const bondUtil: LinkUtil = {
  type: 'bond',
  parseAdd(_ctx, args, op, gaps) {
    op.bond = parseBondOpts(args, gaps);
    return '';
  },
  parseDel(_ctx, args, gaps) {
    parseBondOpts(args, gaps);
  },
  printOpt: bondOpts,
  printSlaveOpt: bondSlaveOpts,
};
