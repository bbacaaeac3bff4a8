/**
 * IPv6 per-interface sysctls, /proc/sys/net/ipv6/conf/{all,default,IFACE}/ (net/ipv6/addrconf.c
 * ipv6_devconf, ipv6_devconf_dflt, addrconf_sysctl; Documentation/networking/ip-sysctl.rst).
 *
 * Unlike IPv4's, a new namespace starts from the compiled values, not from the machine's
 * (devconf_inherit_init_net=0 resets IPv6), and a new device copies `default` once: later
 * writes to `default` reach no existing device. Writes to `all` reach every device only for
 * the keys with their own handler: forwarding, disable_ipv6 and addr_gen_mode (which also set
 * `default`); the others are read from `all` where the kernel reads it (accept_dad,
 * keep_addr_on_down, proxy_ndp, forwarding for input …). The effects of a write (addresses,
 * routes) are addrconf's (addrconf.ts); this file holds the values and their ranges.
 */

/** One conf directory: the value of every key, by name. */
export type Ip6Conf = Record<Ip6ConfKey, number>;

/** conf/all as the kernel starts it (ipv6_devconf), as read on the reference kernel. */
const ALL_DEFAULTS = {
  accept_dad: 0,
  accept_ra: 1,
  accept_ra_defrtr: 1,
  accept_ra_from_local: 0,
  accept_ra_min_hop_limit: 1,
  accept_ra_min_lft: 0,
  accept_ra_mtu: 1,
  accept_ra_pinfo: 1,
  accept_ra_rt_info_max_plen: 0,
  accept_ra_rt_info_min_plen: 0,
  accept_ra_rtr_pref: 1,
  accept_redirects: 1,
  accept_source_route: 0,
  accept_untracked_na: 0,
  addr_gen_mode: 0,
  autoconf: 1,
  dad_transmits: 1,
  disable_ipv6: 0,
  disable_policy: 0,
  drop_unicast_in_l2_multicast: 0,
  drop_unsolicited_na: 0,
  enhanced_dad: 1,
  force_forwarding: 0,
  force_mld_version: 0,
  force_tllao: 0,
  forwarding: 0,
  hop_limit: 64,
  ignore_routes_with_linkdown: 0,
  ioam6_enabled: 0,
  ioam6_id: 65535,
  ioam6_id_wide: 4294967295,
  keep_addr_on_down: 0,
  max_addresses: 16,
  max_desync_factor: 600,
  mldv1_unsolicited_report_interval: 10000,
  mldv2_unsolicited_report_interval: 1000,
  mtu: 1280,
  ndisc_evict_nocarrier: 1,
  ndisc_notify: 0,
  ndisc_tclass: 0,
  optimistic_dad: 0,
  proxy_ndp: 0,
  ra_defrtr_metric: 1024,
  ra_honor_pio_life: 0,
  ra_honor_pio_pflag: 0,
  regen_max_retry: 3,
  regen_min_advance: 2,
  router_probe_interval: 60,
  router_solicitation_delay: 1,
  router_solicitation_interval: 4,
  router_solicitation_max_interval: 3600,
  router_solicitations: -1,
  rpl_seg_enabled: 0,
  seg6_enabled: 0,
  suppress_frag_ndisc: 1,
  temp_prefered_lft: 86400,
  temp_valid_lft: 604800,
  use_oif_addrs_only: 0,
  use_optimistic: 0,
  use_tempaddr: 0,
};

export type Ip6ConfKey = keyof typeof ALL_DEFAULTS;

/** Every numeric key of a conf directory (`stable_secret` holds an address: ops/apply-sysctl6.ts). */
export const IP6_CONF_KEYS = Object.keys(ALL_DEFAULTS) as Ip6ConfKey[];

const KEY_SET: ReadonlySet<string> = new Set(IP6_CONF_KEYS);

/** Whether `k` names a key of a conf directory. */
export function isIp6ConfKey(k: string): k is Ip6ConfKey {
  return KEY_SET.has(k);
}

/** conf/all of a new namespace. */
export function allConf6(): Ip6Conf {
  return { ...ALL_DEFAULTS };
}

/** conf/default of a new namespace (ipv6_devconf_dflt: DAD on). */
export function defaultConf6(): Ip6Conf {
  return { ...ALL_DEFAULTS, accept_dad: 1 };
}

/**
 * ipv6_add_dev: a device copies conf/default; its `mtu` is its own; a loopback or NOARP
 * device gets accept_dad and use_tempaddr -1 (no DAD, no temporary addresses).
 */
export function deviceConf6(dflt: Ip6Conf, mtu: number, noDad: boolean): Ip6Conf {
  const c = { ...dflt, mtu };
  if (noDad) {
    c.accept_dad = -1;
    c.use_tempaddr = -1;
  }
  return c;
}

/**
 * The range a write must fall in (the handler's extra1/extra2), by key; keys not listed take
 * any int. `mtu` is bounded by the device's own MTU too (checked by the caller); addr_gen_mode
 * 2 (stable_privacy) on a device needs a stable_secret (checked by the caller).
 */
export const IP6_CONF_RANGES: Partial<Record<Ip6ConfKey, [number, number]>> = {
  accept_untracked_na: [0, 2],
  addr_gen_mode: [0, 3],
  force_forwarding: [0, 1],
  hop_limit: [1, 255],
  ioam6_enabled: [0, 1],
  ioam6_id: [0, 65535],
  ioam6_id_wide: [0, 4294967295],
  mldv1_unsolicited_report_interval: [0, 2147483647],
  mldv2_unsolicited_report_interval: [0, 2147483647],
  mtu: [1280, 65575],
  ndisc_evict_nocarrier: [0, 1],
  ndisc_tclass: [0, 255],
  ra_defrtr_metric: [1, 4294967295],
  ra_honor_pio_life: [0, 1],
  ra_honor_pio_pflag: [0, 1],
  rpl_seg_enabled: [0, 1],
};

/** Keys kept in milliseconds and stored as jiffies (HZ 250 here): a write reads back rounded up to 4 ms. */
export const IP6_CONF_MS_KEYS: ReadonlySet<Ip6ConfKey> = new Set(['mldv1_unsolicited_report_interval', 'mldv2_unsolicited_report_interval']);

/** addr_gen_mode's values as `ip -d link` names them (IN6_ADDR_GEN_MODE_*). */
export const ADDR_GEN_MODE_NAMES = ['eui64', 'none', 'stable_secret', 'random'] as const;

/** Whether a device takes RAs (ipv6_accept_ra): accept_ra 1 on a host, 2 even when forwarding. */
export function acceptsRa(conf: Ip6Conf): boolean {
  return (conf.accept_ra === 1 && !conf.forwarding) || conf.accept_ra === 2;
}
