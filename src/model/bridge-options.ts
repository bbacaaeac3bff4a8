/**
 * A bridge's tunables (net/bridge/br_netlink.c br_changelink, br_stp_if.c, br_multicast.c),
 * kept as `ip -d link show` prints them: timers and intervals in clock_t (centiseconds), as
 * the kernel reports them after storing them in jiffies. The reference kernel runs at HZ=250,
 * so a value goes in as floor(v * 250 / 100) jiffies and comes out as floor(j * 100 / 250):
 * an odd number of centiseconds reads back one less.
 *
 * This kernel is built without CONFIG_BRIDGE_VLAN_FILTERING: `vlan_filtering` is refused,
 * the other VLAN settings are accepted and ignored (and never shown).
 */

/** The numeric tunables, named as iproute2 names them on the command line. */
export interface BridgeTunables {
  hello_time: number;
  max_age: number;
  priority: number;
  group_fwd_mask: number;
  mcast_snooping: number;
  no_linklocal_learn: number;
  mcast_vlan_snooping: number;
  mcast_router: number;
  mcast_query_use_ifaddr: number;
  mcast_querier: number;
  mcast_hash_elasticity: number;
  mcast_hash_max: number;
  mcast_last_member_count: number;
  mcast_startup_query_count: number;
  mcast_last_member_interval: number;
  mcast_membership_interval: number;
  mcast_querier_interval: number;
  mcast_query_interval: number;
  mcast_query_response_interval: number;
  mcast_startup_query_interval: number;
  mcast_stats_enabled: number;
  mcast_igmp_version: number;
  mcast_mld_version: number;
  nf_call_iptables: number;
  nf_call_ip6tables: number;
  nf_call_arptables: number;
}

export type BridgeTunable = keyof BridgeTunables;

/** What br_dev_setup and br_multicast_init give a new bridge (observed with `ip -d link show`). */
export const BRIDGE_TUNABLE_DEFAULTS: Readonly<BridgeTunables> = {
  hello_time: 200,
  max_age: 2000,
  priority: 32768,
  group_fwd_mask: 0,
  mcast_snooping: 1,
  no_linklocal_learn: 0,
  mcast_vlan_snooping: 0,
  mcast_router: 1,
  mcast_query_use_ifaddr: 0,
  mcast_querier: 0,
  mcast_hash_elasticity: 16,
  mcast_hash_max: 4096,
  mcast_last_member_count: 2,
  mcast_startup_query_count: 2,
  mcast_last_member_interval: 100,
  mcast_membership_interval: 26000,
  mcast_querier_interval: 25500,
  mcast_query_interval: 12500,
  mcast_query_response_interval: 1000,
  mcast_startup_query_interval: 3124,
  mcast_stats_enabled: 0,
  mcast_igmp_version: 2,
  mcast_mld_version: 1,
  nf_call_iptables: 0,
  nf_call_ip6tables: 0,
  nf_call_arptables: 0,
};

/** The STP group address every bridge starts with (br_group_address). */
export const BRIDGE_GROUP_ADDRESS = '01:80:c2:00:00:00';

/** CONFIG_HZ of the reference kernel; USER_HZ is 100. */
export const HZ = 250;

/** clock_t_to_jiffies for HZ=250: floor(v * HZ / USER_HZ). */
export function clockToJiffies(v: number): number {
  return Math.floor((v * HZ) / 100);
}

/** jiffies_to_clock_t for HZ=250: floor(j * TICK_NSEC / (NSEC_PER_SEC / USER_HZ)). */
export function jiffiesToClock(j: number): number {
  return Math.floor((j * 100) / HZ);
}

/** A clock_t value as the kernel reads it back after storing it in jiffies. */
export function throughJiffies(v: number): number {
  return jiffiesToClock(clockToJiffies(v));
}

/** STP's limits, in jiffies (br_private.h BR_MIN_/BR_MAX_*). */
export const STP_LIMITS = {
  forwardDelay: [2 * HZ, 30 * HZ],
  helloTime: [1 * HZ, 10 * HZ],
  maxAge: [6 * HZ, 40 * HZ],
} as const;

/** BR_MULTICAST_QUERY_INTVL_MIN/MAX (1 s, 1 day), which clamp the (startup) query interval. */
export const MCAST_QUERY_INTVL_LIMITS = [HZ, 86400 * HZ] as const;

/** BR_GROUPFWD_RESTRICTED: STP, MAC pause and LACP frames may never be forwarded. */
export const GROUPFWD_RESTRICTED = 0x0007;

/** A fresh copy of the defaults for a new bridge. */
export function defaultTunables(): BridgeTunables {
  return { ...BRIDGE_TUNABLE_DEFAULTS };
}

/** A bridge's tunables, the defaults when it has none of its own yet. */
export function tunablesOf(b: { opts?: BridgeTunables }): Readonly<BridgeTunables> {
  return b.opts ?? BRIDGE_TUNABLE_DEFAULTS;
}
