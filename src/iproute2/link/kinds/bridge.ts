/**
 * ip/iplink_bridge.c and iplink_bridge_slave.c: `type bridge` options (link/parse-bridge.ts)
 * and the bridge's and its ports' `-d` details.
 */
import { portForwards, type Link } from '../../../model/link.js';
import { ZERO_MAC } from '../../../model/mac.js';
import { BRIDGE_GROUP_ADDRESS, tunablesOf } from '../../../model/bridge-options.js';
import { parseBridgeOpts } from '../parse-bridge.js';
import { BRIDGE_VLAN_DEFAULTS, kernelHasBridgeVlans } from '../../../model/bridge-vlan.js';
import type { BridgeSpec } from '../../../ops/op.js';
import type { Gaps } from '../../plan.js';
import type { CmdContext } from '../../types.js';
import type { ShowCtx } from '../show-ctx.js';
import { hex0x, onOff, timer } from './print-util.js';
import { portCostOf } from '../../../model/kinds/index.js';
import type { LinkUtil } from './util.js';

/** br_dump_bridge_id: the priority as four hex digits, then ether_ntoa's unpadded MAC (`8000.2:0:0:0:0:1`). */
function bridgeId(prio: number, mac: string): string {
  return `${prio.toString(16).padStart(4, '0')}.${mac
    .split(':')
    .map((b) => parseInt(b, 16).toString(16))
    .join(':')}`;
}

/**
 * The MAC part of a bridge's id: zero until the bridge first has a port or a MAC set by hand
 * (br_stp_change_bridge_id), whatever MAC the device itself shows.
 */
export function bridgeIdMac(br: Link): string {
  const b = br.bridge!;
  return b.hadPorts || b.macSet ? br.mac : ZERO_MAC;
}

function bridgeIdOf(br: Link): string {
  return bridgeId(tunablesOf(br.bridge!).priority, bridgeIdMac(br));
}

/** bridge_print_opt. */
function bridgeOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const b = l.bridge!;
  const o = tunablesOf(b);
  const num = (key: string, label: string, v: number) => p.any(key, `${label} ${v} `, v);
  num('forward_delay', 'forward_delay', b.forwardDelay);
  num('hello_time', 'hello_time', o.hello_time);
  num('max_age', 'max_age', o.max_age);
  num('ageing_time', 'ageing_time', b.ageingTime);
  num('stp_state', 'stp_state', b.stp);
  num('priority', 'priority', o.priority);
  num('vlan_filtering', 'vlan_filtering', b.vlanFiltering);
  // IFLA_BR_VLAN_* are sent only by a kernel built with VLAN filtering
  const vlans = kernelHasBridgeVlans(l);
  if (vlans) p.any('vlan_protocol', `vlan_protocol ${BRIDGE_VLAN_DEFAULTS.proto} `, BRIDGE_VLAN_DEFAULTS.proto);
  const id = bridgeIdOf(l);
  p.any('bridge_id', `bridge_id ${id} `, id);
  // iproute2 6.1 prints the bridge id again as the root id
  p.any('root_id', `designated_root ${id} `, id);
  num('root_port', 'root_port', 0);
  num('root_path_cost', 'root_path_cost', 0);
  num('topology_change', 'topology_change', 0);
  num('topology_change_detected', 'topology_change_detected', 0);
  timer(c, 'hello_timer', 0);
  timer(c, 'tcn_timer', 0);
  timer(c, 'topology_change_timer', 0);
  // the FDB garbage collector runs while the bridge is up, every ageing interval
  timer(c, 'gc_timer', l.up ? b.ageingTime : 0);
  if (vlans) {
    num('vlan_default_pvid', 'vlan_default_pvid', b.defaultPvid ?? BRIDGE_VLAN_DEFAULTS.defaultPvid);
    num('vlan_stats_enabled', 'vlan_stats_enabled', 0);
    num('vlan_stats_per_port', 'vlan_stats_per_port', 0);
  }
  hex0x(c, 'group_fwd_mask', 'group_fwd_mask', o.group_fwd_mask);
  const group = b.groupAddr ?? BRIDGE_GROUP_ADDRESS;
  p.any('group_addr', `group_address ${group} `, group);
  num('mcast_snooping', 'mcast_snooping', o.mcast_snooping);
  num('no_linklocal_learn', 'no_linklocal_learn', o.no_linklocal_learn);
  num('mcast_vlan_snooping', 'mcast_vlan_snooping', o.mcast_vlan_snooping);
  num('mcast_router', 'mcast_router', o.mcast_router);
  num('mcast_query_use_ifaddr', 'mcast_query_use_ifaddr', o.mcast_query_use_ifaddr);
  num('mcast_querier', 'mcast_querier', o.mcast_querier);
  num('mcast_hash_elasticity', 'mcast_hash_elasticity', o.mcast_hash_elasticity);
  num('mcast_hash_max', 'mcast_hash_max', o.mcast_hash_max);
  num('mcast_last_member_cnt', 'mcast_last_member_count', o.mcast_last_member_count);
  num('mcast_startup_query_cnt', 'mcast_startup_query_count', o.mcast_startup_query_count);
  num('mcast_last_member_intvl', 'mcast_last_member_interval', o.mcast_last_member_interval);
  num('mcast_membership_intvl', 'mcast_membership_interval', o.mcast_membership_interval);
  num('mcast_querier_intvl', 'mcast_querier_interval', o.mcast_querier_interval);
  num('mcast_query_intvl', 'mcast_query_interval', o.mcast_query_interval);
  num('mcast_query_response_intvl', 'mcast_query_response_interval', o.mcast_query_response_interval);
  num('mcast_startup_query_intvl', 'mcast_startup_query_interval', o.mcast_startup_query_interval);
  num('mcast_stats_enabled', 'mcast_stats_enabled', o.mcast_stats_enabled);
  num('mcast_igmp_version', 'mcast_igmp_version', o.mcast_igmp_version);
  num('mcast_mld_version', 'mcast_mld_version', o.mcast_mld_version);
  num('nf_call_iptables', 'nf_call_iptables', o.nf_call_iptables);
  num('nf_call_ip6tables', 'nf_call_ip6tables', o.nf_call_ip6tables);
  num('nf_call_arptables', 'nf_call_arptables', o.nf_call_arptables);
}

/** bridge_slave_print_opt. */
function bridgeSlaveOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const br = l.master!;
  const no = l.portNo ?? 1;
  // a bridge that is down has stopped STP on every port (br_stp_disable_bridge): all disabled
  const fwd = br.up && portForwards(l);
  const state = fwd ? 'forwarding' : 'disabled';
  p.any('state', `state ${state} `, state);
  p.any('priority', 'priority 32 ', 32);
  const cost = portCostOf(l);
  p.any('cost', `cost ${cost} `, cost);
  onOff(c, 'hairpin', 'hairpin', l.hairpin ?? false);
  onOff(c, 'guard', 'guard', false);
  onOff(c, 'root_block', 'root_block', false);
  onOff(c, 'fastleave', 'fastleave', false);
  onOff(c, 'learning', 'learning', true);
  onOff(c, 'flood', 'flood', true);
  hex0x(c, 'id', 'port_id', 0x8000 | no);
  hex0x(c, 'no', 'port_no', no);
  p.any('designated_port', `designated_port ${0x8000 | no} `, 0x8000 | no);
  p.any('designated_cost', 'designated_cost 0 ', 0);
  const id = bridgeIdOf(br);
  p.any('bridge_id', `designated_bridge ${id} `, id);
  p.any('root_id', `designated_root ${id} `, id);
  timer(c, 'hold_timer', 0);
  timer(c, 'message_age_timer', 0);
  timer(c, 'forward_delay_timer', fwd ? br.bridge!.forwardDelay : 0);
  p.any('topology_change_ack', 'topology_change_ack 0 ', 0);
  p.any('config_pending', 'config_pending 0 ', 0);
  onOff(c, 'proxy_arp', 'proxy_arp', false);
  onOff(c, 'proxy_arp_wifi', 'proxy_arp_wifi', false);
  p.any('multicast_router', 'mcast_router 1 ', 1);
  // fast leave again, text only: JSON already has it as `fastleave`
  p.text('mcast_fast_leave off ');
  onOff(c, 'mcast_flood', 'mcast_flood', true);
  onOff(c, 'bcast_flood', 'bcast_flood', true);
  onOff(c, 'mcast_to_unicast', 'mcast_to_unicast', false);
  onOff(c, 'neigh_suppress', 'neigh_suppress', false);
  hex0x(c, 'group_fwd_mask', 'group_fwd_mask', 0);
  p.any('group_fwd_mask_str', 'group_fwd_mask_str 0x0 ', '0x0');
  onOff(c, 'vlan_tunnel', 'vlan_tunnel', false);
  onOff(c, 'isolated', 'isolated', false);
  onOff(c, 'locked', 'locked', false);
}

/** The VLAN settings a kernel without VLAN filtering ignores are ones this one would apply: not modelled. */
function vlanSettingsChecked(ctx: CmdContext, spec: BridgeSpec, gaps: Gaps): BridgeSpec {
  // vlan_default_pvid is applied there (ops/apply-bridge.ts)
  if (ctx.ns.host.lab.kernel.bridgeVlanFiltering) for (const name of spec.ignored ?? []) if (name !== 'vlan_default_pvid') gaps.add(`bridge ${name}`);
  return spec;
}

export const bridgeUtil: LinkUtil = {
  type: 'bridge',
  parseAdd(ctx, args, op, gaps) {
    op.bridge = vlanSettingsChecked(ctx, parseBridgeOpts(args, gaps), gaps);
    return '';
  },
  parseSet(ctx, args, op, l, gaps) {
    op.bridge = vlanSettingsChecked(ctx, parseBridgeOpts(args, gaps), gaps);
    if (l.kind !== 'bridge') gaps.add('type bridge options on a device that is not a bridge');
  },
  parseDel(_ctx, args, gaps) {
    parseBridgeOpts(args, gaps);
  },
  printOpt: bridgeOpts,
  printSlaveOpt: bridgeSlaveOpts,
};
