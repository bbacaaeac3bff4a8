/**
 * `type bridge` settings, as br_changelink applies them (net/bridge/br_netlink.c): one
 * attribute after the other in the kernel's fixed order (not the command's), each checked
 * as it is applied, the first refusal ending the request with the earlier ones kept. A new
 * bridge is registered before its settings are applied, so `ip link add` refusing one still
 * uses up an ifindex (apply-link.ts deletes the device again).
 */
import { clockToJiffies, defaultTunables, GROUPFWD_RESTRICTED, jiffiesToClock, MCAST_QUERY_INTVL_LIMITS, STP_LIMITS, throughJiffies, type BridgeTunable } from '../model/bridge-options.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { kernelHasBridgeVlans, setDefaultPvid } from '../model/bridge-vlan.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import type { BridgeSpec } from './op.js';

const U64 = (1n << 64n) - 1n;
/** clock_t_to_jiffies' guard: ~0UL / HZ * USER_HZ */
const CLOCK_GUARD = (U64 / 250n) * 100n;

/** An unsigned long interval through jiffies and back, with the kernel's u64 arithmetic (overflow included). */
function intervalThroughJiffies(v: number, clamp?: readonly [number, number]): number {
  const x = BigInt(v);
  let j = x >= CLOCK_GUARD ? U64 : ((x * 250n) & U64) / 100n;
  if (clamp) {
    if (j < BigInt(clamp[0])) j = BigInt(clamp[0]);
    if (j > BigInt(clamp[1])) j = BigInt(clamp[1]);
  }
  return Number(((j * 4_000_000n) & U64) / 10_000_000n);
}

function inRange(v: number, [min, max]: readonly [number, number]): boolean {
  const j = clockToJiffies(v);
  return j >= min && j <= max;
}

/** Settings stored as a boolean (br_opt_toggle, br_multicast_toggle …): any non-zero reads back 1. */
const BOOLEANS: BridgeTunable[] = ['mcast_snooping', 'mcast_query_use_ifaddr', 'mcast_querier'];
const COUNTS: BridgeTunable[] = ['mcast_hash_max', 'mcast_last_member_count', 'mcast_startup_query_count'];
const INTERVALS: BridgeTunable[] = ['mcast_last_member_interval', 'mcast_membership_interval', 'mcast_querier_interval'];

/**
 * br_validate, before anything is made or changed: with VLAN filtering built in, a default PVID
 * of 4095 (VLAN_VID_MASK) or more is refused.
 */
export function validateBridgeSpec(ns: Netns, spec: BridgeSpec): void {
  if (ns.host.lab.kernel.bridgeVlanFiltering && spec.vlanDefaultPvid != null && spec.vlanDefaultPvid >= 4095) throw rtnetlinkError(ERRNO.EINVAL);
}

/**
 * Applies `spec` to the bridge `l` in br_changelink's order; throws the first refusal.
 *
 * @example applyBridgeSpec(br, { stp: 1, ageingTime: null, vlanFiltering: null, forwardDelay: 400 })
 */
export function applyBridgeSpec(l: Link, spec: BridgeSpec): void {
  const b = l.bridge!;
  const t = spec.tunables ?? {};
  const o = (b.opts ??= defaultTunables());
  if (spec.forwardDelay !== null) {
    if (b.stp !== 0 && !inRange(spec.forwardDelay, STP_LIMITS.forwardDelay)) throw rtnetlinkError(ERRNO.ERANGE);
    b.forwardDelay = throughJiffies(spec.forwardDelay);
  }
  if (t.hello_time !== undefined) {
    if (!inRange(t.hello_time, STP_LIMITS.helloTime)) throw rtnetlinkError(ERRNO.ERANGE);
    o.hello_time = throughJiffies(t.hello_time);
  }
  if (t.max_age !== undefined) {
    if (!inRange(t.max_age, STP_LIMITS.maxAge)) throw rtnetlinkError(ERRNO.ERANGE);
    o.max_age = throughJiffies(t.max_age);
  }
  if (spec.ageingTime !== null) b.ageingTime = throughJiffies(spec.ageingTime);
  if (spec.stp !== null) setStp(l, spec.stp !== 0);
  if (t.priority !== undefined) o.priority = t.priority;
  if (spec.vlanFiltering !== null) {
    // br_vlan_filter_toggle: a kernel without CONFIG_BRIDGE_VLAN_FILTERING refuses 0 too
    if (!kernelHasBridgeVlans(l)) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
    b.vlanFiltering = spec.vlanFiltering ? 1 : 0;
  }
  if (spec.vlanDefaultPvid != null && kernelHasBridgeVlans(l)) setDefaultPvid(l, spec.vlanDefaultPvid);
  if (t.group_fwd_mask !== undefined) {
    if (t.group_fwd_mask & GROUPFWD_RESTRICTED) throw rtnetlinkError(ERRNO.EINVAL);
    o.group_fwd_mask = t.group_fwd_mask;
  }
  if (spec.groupAddr != null) {
    const a = spec.groupAddr;
    // is_link_local_ether_addr (01:80:c2:00:00:0X), and never pause frames or slow protocols
    const linkLocal = a.length === 6 && a[0] === 0x01 && a[1] === 0x80 && a[2] === 0xc2 && a[3] === 0 && a[4] === 0 && (a[5] & 0xf0) === 0;
    if (!linkLocal || a[5] === 1 || a[5] === 2) throw rtnetlinkError(ERRNO.EINVAL);
    b.groupAddr = a.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }
  if (t.mcast_router !== undefined) {
    if (t.mcast_router > 2) throw rtnetlinkError(ERRNO.EINVAL);
    o.mcast_router = t.mcast_router;
  }
  for (const k of BOOLEANS) if (t[k] !== undefined) o[k] = t[k] ? 1 : 0;
  // mcast_hash_elasticity is accepted and ignored (it stays 16)
  for (const k of COUNTS) if (t[k] !== undefined) o[k] = t[k]!;
  for (const k of INTERVALS) if (t[k] !== undefined) o[k] = intervalThroughJiffies(t[k]!);
  if (t.mcast_query_interval !== undefined) o.mcast_query_interval = intervalThroughJiffies(t.mcast_query_interval, MCAST_QUERY_INTVL_LIMITS);
  if (t.mcast_query_response_interval !== undefined) o.mcast_query_response_interval = intervalThroughJiffies(t.mcast_query_response_interval);
  if (t.mcast_startup_query_interval !== undefined) {
    o.mcast_startup_query_interval = intervalThroughJiffies(t.mcast_startup_query_interval, MCAST_QUERY_INTVL_LIMITS);
  }
  if (t.mcast_stats_enabled !== undefined) o.mcast_stats_enabled = t.mcast_stats_enabled ? 1 : 0;
  if (t.mcast_igmp_version !== undefined) {
    if (t.mcast_igmp_version !== 2 && t.mcast_igmp_version !== 3) throw rtnetlinkError(ERRNO.EINVAL);
    o.mcast_igmp_version = t.mcast_igmp_version;
  }
  if (t.mcast_mld_version !== undefined) {
    if (t.mcast_mld_version !== 1 && t.mcast_mld_version !== 2) throw rtnetlinkError(ERRNO.EINVAL);
    o.mcast_mld_version = t.mcast_mld_version;
  }
  for (const k of ['nf_call_iptables', 'nf_call_ip6tables', 'nf_call_arptables'] as const) if (t[k] !== undefined) o[k] = t[k] ? 1 : 0;
  // IFLA_BR_MULTI_BOOLOPT, bit by bit
  if (t.no_linklocal_learn !== undefined) o.no_linklocal_learn = t.no_linklocal_learn ? 1 : 0;
  if (t.mcast_vlan_snooping) throw kernelError('bridge: Cannot enable multicast vlan snooping with vlan filtering disabled');
  l.ns.touch();
}

/** br_stp_set_enabled: starting STP (always the kernel's, outside the initial namespace) clamps the forward delay. */
function setStp(l: Link, on: boolean): void {
  const b = l.bridge!;
  if (on && b.stp === 0) {
    const [min, max] = STP_LIMITS.forwardDelay;
    const j = clockToJiffies(b.forwardDelay);
    if (j < min) b.forwardDelay = jiffiesToClock(min);
    else if (j > max) b.forwardDelay = jiffiesToClock(max);
  }
  b.stp = on ? 1 : 0;
}
