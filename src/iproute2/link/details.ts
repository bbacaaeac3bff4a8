/**
 * What `-d` adds to a link (print_linkinfo's show_details block, print_linktype, and the
 * link_util print_opt of each kind: ip/iplink_bridge.c, iplink_bridge_slave.c,
 * iplink_vxlan.c, iptuntap.c; veth has none). Values the model does not track are the
 * kernel's defaults for that kind on the reference machine (kernel 6.18, 2 possible CPUs).
 * Timers that run in real time (a bridge's gc_timer, a port's forward_delay_timer) are printed
 * at their start value; comparisons mask them.
 */
import { ADDR_GEN_MODE_NAMES } from '../../model/ipv6/conf6.js';
import { bridgePorts, portForwards, type Link } from '../../model/link.js';
import { ZERO_MAC } from '../../model/mac.js';
import { BRIDGE_GROUP_ADDRESS, tunablesOf } from '../../model/bridge-options.js';
import { ip4ToString, isMulticast } from '../../model/ip.js';
import type { IfInfo } from './ifinfo.js';
import { indexName, printNl, type ShowCtx } from './show-ctx.js';

/** num_possible_cpus() of the reference machine: a veth gets one queue per possible CPU. */
export const POSSIBLE_CPUS = 2;

/** GSO_MAX_SIZE (512 KiB - 8) and GSO_LEGACY_MAX_SIZE: the tso_max_size a device starts with. */
const GSO_MAX_SIZE = 524280;
const GSO_LEGACY_MAX_SIZE = 65536;

/** The show_details block: promiscuity … gro_max_size. Only a full RTM_NEWLINK carries it. */
export function printDetails(c: ShowCtx, info: IfInfo): void {
  if (info.view !== 'full') return;
  const p = c.p;
  const l = info.link;
  // br_add_if: dev_set_promiscuity(dev, 1) and, with it, allmulti
  const port = l.master !== null && l.master.kind === 'bridge' ? 1 : 0;
  p.any('promiscuity', ` promiscuity ${port} `, port);
  p.any('allmulti', ` allmulti ${port} `, port);
  const minMtu = l.kind === 'loopback' ? 0 : 68;
  const maxMtu = l.kind === 'loopback' ? 0 : l.kind === 'tap' ? 65521 : 65535;
  p.any('min_mtu', `minmtu ${minMtu} `, minMtu);
  p.any('max_mtu', `maxmtu ${maxMtu} `, maxMtu);
  if (info.kind !== null || info.slaveKind !== null) printLinktype(c, info);
  if (c.doLink) {
    const mode = ADDR_GEN_MODE_NAMES[l.inet6.conf.addr_gen_mode] ?? 'eui64';
    p.any('inet6_addr_gen_mode', `addrgenmode ${mode} `, mode);
  }
  const queues = l.kind === 'veth' || l.kind === 'ether' ? POSSIBLE_CPUS : 1;
  p.any('num_tx_queues', `numtxqueues ${queues} `, queues);
  p.any('num_rx_queues', `numrxqueues ${queues} `, queues);
  p.any('gso_max_size', 'gso_max_size 65536 ', 65536);
  p.any('gso_max_segs', 'gso_max_segs 65535 ', 65535);
  const tso = tsoMaxSize(l);
  p.any('tso_max_size', `tso_max_size ${tso} `, tso);
  p.any('tso_max_segs', 'tso_max_segs 65535 ', 65535);
  p.any('gro_max_size', 'gro_max_size 65536 ', 65536);
}

/**
 * tso_max_size: lo and veth start at GSO_MAX_SIZE, tun and a fresh bridge at the legacy 64 KiB;
 * a bridge takes the smallest of its ports' (br_set_gso_limits: GSO_MAX_SIZE with none left),
 * a VXLAN device its lower device's.
 */
function tsoMaxSize(l: Link, depth = 0): number {
  switch (l.kind) {
    case 'loopback':
    case 'veth':
    case 'ether':
      return GSO_MAX_SIZE;
    case 'tun':
    case 'tap':
      return GSO_LEGACY_MAX_SIZE;
    case 'bridge':
      if (!l.bridge!.hadPorts) return GSO_LEGACY_MAX_SIZE;
      return Math.min(GSO_MAX_SIZE, ...bridgePorts(l).map((p) => tsoMaxSize(p, depth + 1)));
    case 'vxlan': {
      const lower = l.vxlan?.dev ? l.ns.linkByName(l.vxlan.dev) : undefined;
      return lower && depth < 4 ? tsoMaxSize(lower, depth + 1) : GSO_LEGACY_MAX_SIZE;
    }
  }
}

/** print_linktype: `\n    veth ` / `\n    bridge …` / `\n    bridge_slave …`, the `linkinfo` object. */
function printLinktype(c: ShowCtx, info: IfInfo): void {
  const p = c.p;
  const l = info.link;
  p.openObject('linkinfo');
  if (info.kind !== null) {
    printNl(c);
    p.any('info_kind', `    ${info.kind} `, info.kind);
    const opt = KIND_OPTS[info.kind];
    if (opt) {
      p.openObject('info_data');
      opt(c, l);
      p.closeObject();
    }
  }
  if (info.slaveKind !== null) {
    printNl(c);
    p.any('info_slave_kind', `    ${info.slaveKind}_slave `, info.slaveKind);
    p.openObject('info_slave_data');
    bridgeSlaveOpts(c, l);
    p.closeObject();
  }
  p.closeObject();
}

const KIND_OPTS: Record<string, ((c: ShowCtx, l: Link) => void) | undefined> = {
  bridge: bridgeOpts,
  vxlan: vxlanOpts,
  tun: tunOpts,
};

/** A JSON boolean printed as `on`/`off` in text (print_on_off). */
function onOff(c: ShowCtx, key: string, label: string, v: boolean): void {
  c.p.any(key, `${label} ${v ? 'on' : 'off'} `, v);
}

/** `%#llx` in text, the same string in JSON (print_0xhex). */
function hex0x(c: ShowCtx, key: string, label: string, v: number): void {
  const s = v === 0 ? '0' : `0x${v.toString(16)}`;
  c.p.any(key, `${label} ${s} `, s);
}

/** _bridge_print_timer: `name %4i.%.2i ` in text, a bare `0.00` number in JSON. */
function timer(c: ShowCtx, key: string, centis: number): void {
  const s = `${Math.floor(centis / 100)}.${String(centis % 100).padStart(2, '0')}`;
  if (c.p.json) c.p.jsonRaw(key, s);
  else c.p.text(`${key} ${s.padStart(7)} `);
}

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

/** br_port_cost from the port's ethtool speed: 10 Gb/s (veth, tap) costs 2; no speed (vxlan) 100. */
function portCost(l: Link): number {
  return l.kind === 'vxlan' ? 100 : 2;
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
  const cost = portCost(l);
  p.any('cost', `cost ${cost} `, cost);
  onOff(c, 'hairpin', 'hairpin', false);
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

/** vxlan_print_opt. */
function vxlanOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const v = l.vxlan;
  if (!v) return;
  p.any('id', `id ${v.id} `, v.id);
  // one attribute (IFLA_VXLAN_GROUP) holds the remote or the group; a multicast one is a group
  const dst = v.remote ?? v.group;
  if (dst) {
    const key = isMulticast(dst) ? 'group' : 'remote';
    p.any(key, `${key} ${ip4ToString(dst)} `, ip4ToString(dst));
  }
  if (v.local) p.any('local', `local ${ip4ToString(v.local)} `, ip4ToString(v.local));
  if (v.dev) {
    const lower = l.ns.linkByName(v.dev);
    const name = lower ? indexName(l.ns, lower.ifindex) : v.dev;
    p.any('link', `dev ${name} `, name);
  }
  if (p.json) {
    p.openObject('port_range');
    p.jsonOnly('low', v.srcportMin);
    p.jsonOnly('high', v.srcportMax);
    p.closeObject();
  } else {
    p.text(`srcport ${v.srcportMin} ${v.srcportMax} `);
  }
  p.any('port', `dstport ${v.dstport} `, v.dstport);
  p.jsonOnly('learning', v.learning);
  if (!v.learning) p.text('nolearning ');
  if (p.json || v.ttl) p.any('ttl', `ttl ${v.ttl} `, v.ttl);
  else p.text('ttl auto ');
  p.jsonOnly('df', 'unset');
  p.any('ageing', 'ageing 300 ', 300);
  p.any('udp_csum', 'udpcsum ', true);
  p.any('udp_zero_csum6_tx', 'noudp6zerocsumtx ', false);
  p.any('udp_zero_csum6_rx', 'noudp6zerocsumrx ', false);
}

/** tun_print_opt. */
function tunOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const t = l.tun;
  const mode = t?.mode ?? (l.kind === 'tap' ? 'tap' : 'tun');
  p.any('type', `type ${mode} `, mode);
  onOff(c, 'pi', 'pi', t?.pi ?? false);
  onOff(c, 'vnet_hdr', 'vnet_hdr', false);
  p.jsonOnly('multi_queue', false);
  onOff(c, 'persist', 'persist', t?.persist ?? true);
}
