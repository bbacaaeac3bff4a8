/**
 * IPv4 sysctls (Documentation/networking/ip-sysctl.rst). A namespace has `conf/all`,
 * `conf/default` and one `conf/IFACE` per interface; a new interface copies `conf/default`.
 * A new namespace copies `all` and `default` from the machine's initial namespace
 * (devconf_inherit_init_net=0), which the model takes from the lab's host profile.
 *
 * @example
 * const ns = new Lab().host('h').ns().ns;
 * ns.all.rp_filter; // 0: net.ipv4.conf.all.rp_filter
 */
export interface IfConf {
  forwarding: number;
  rp_filter: number;
  accept_local: number;
  arp_ignore: number;
  arp_filter: number;
  arp_announce: number;
  proxy_arp: number;
  send_redirects: number;
  accept_redirects: number;
  route_localnet: number;
  /** the rest of conf/*: readable and writable, only promote_secondaries has an effect (apply-addr.ts) */
  promote_secondaries: number;
  accept_source_route: number;
  arp_accept: number;
  arp_evict_nocarrier: number;
  arp_notify: number;
  bc_forwarding: number;
  bootp_relay: number;
  disable_policy: number;
  disable_xfrm: number;
  drop_gratuitous_arp: number;
  drop_unicast_in_l2_multicast: number;
  force_igmp_version: number;
  igmpv2_unsolicited_report_interval: number;
  igmpv3_unsolicited_report_interval: number;
  ignore_routes_with_linkdown: number;
  log_martians: number;
  mc_forwarding: number;
  medium_id: number;
  proxy_arp_pvlan: number;
  secure_redirects: number;
  shared_media: number;
  src_valid_mark: number;
  tag: number;
}

/** conf/all as the kernel starts it (devinet.c ipv4_devconf). */
export const KERNEL_DEFAULT_CONF: IfConf = {
  forwarding: 0,
  rp_filter: 0,
  accept_local: 0,
  arp_ignore: 0,
  arp_filter: 0,
  arp_announce: 0,
  proxy_arp: 0,
  send_redirects: 1,
  accept_redirects: 1,
  route_localnet: 0,
  promote_secondaries: 0,
  accept_source_route: 0,
  arp_accept: 0,
  arp_evict_nocarrier: 1,
  arp_notify: 0,
  bc_forwarding: 0,
  bootp_relay: 0,
  disable_policy: 0,
  disable_xfrm: 0,
  drop_gratuitous_arp: 0,
  drop_unicast_in_l2_multicast: 0,
  force_igmp_version: 0,
  igmpv2_unsolicited_report_interval: 10000,
  igmpv3_unsolicited_report_interval: 1000,
  ignore_routes_with_linkdown: 0,
  log_martians: 0,
  mc_forwarding: 0,
  medium_id: 0,
  proxy_arp_pvlan: 0,
  secure_redirects: 1,
  shared_media: 1,
  src_valid_mark: 0,
  tag: 0,
};

/** conf/default as the kernel starts it (ipv4_devconf_dflt): source routing accepted. */
export const KERNEL_DEFAULT_DFLT_CONF: IfConf = { ...KERNEL_DEFAULT_CONF, accept_source_route: 1 };

/** What inetdev_init sets on a loopback device, on top of conf/default (IN_DEV_CONF_SET: marked as set). */
export const LOOPBACK_CONF: Partial<IfConf> = { disable_xfrm: 1, disable_policy: 1 };

/** conf keys that are read-only (0444). */
export const READONLY_CONF_KEYS: ReadonlySet<keyof IfConf> = new Set(['mc_forwarding']);

/**
 * conf keys whose handler is not devinet_conf_proc (ipv4_doint_and_flush, devinet_sysctl_forward):
 * a write to conf/default is not copied to the devices, and marks nothing as written.
 */
export const UNCOPIED_CONF_KEYS: ReadonlySet<keyof IfConf> = new Set(['forwarding', 'disable_xfrm', 'disable_policy', 'promote_secondaries', 'route_localnet', 'drop_unicast_in_l2_multicast']);

/** ipv4_devconf_setall: once an address is configured on a device, conf/default writes no longer reach it. */
export function markAllConfSet(set: Set<keyof IfConf>): void {
  for (const k of CONF_KEYS) set.add(k);
}

export const CONF_KEYS = Object.keys(KERNEL_DEFAULT_CONF) as (keyof IfConf)[];

/**
 * The sysctls a machine's initial namespace has: what new namespaces inherit.
 *
 * @example
 * const router: HostProfile = { name: 'router', all: { ...PROFILES.kernel.all, forwarding: 1 }, default: { ...PROFILES.kernel.default, forwarding: 1 } };
 * new Lab({ profile: router });
 */
export interface HostProfile {
  name: string;
  all: IfConf;
  default: IfConf;
}

/**
 * Host profiles by name: `kernel` (the kernel's own defaults, as a Debian host has them),
 * `systemd` (rp_filter 2), `docker` (ip_forward 1).
 *
 * @example
 * const lab = new Lab({ profile: PROFILES.docker });
 * lab.host('h').exec('sysctl net.ipv4.ip_forward').stdout; // "net.ipv4.ip_forward = 1\n"
 */
export const PROFILES: Record<'kernel' | 'systemd' | 'docker', HostProfile> & Record<string, HostProfile | undefined> = {
  kernel: { name: 'kernel', all: { ...KERNEL_DEFAULT_CONF }, default: { ...KERNEL_DEFAULT_DFLT_CONF } },
  // systemd's 50-default.conf: rp_filter 2 and promote_secondaries 1, for default and every device
  systemd: {
    name: 'systemd',
    all: { ...KERNEL_DEFAULT_CONF, rp_filter: 2, promote_secondaries: 1 },
    default: { ...KERNEL_DEFAULT_DFLT_CONF, rp_filter: 2, promote_secondaries: 1 },
  },
  // ip_forward=1 (inet_forward_change also turns all.accept_redirects off)
  docker: {
    name: 'docker',
    all: { ...KERNEL_DEFAULT_CONF, forwarding: 1, accept_redirects: 0 },
    default: { ...KERNEL_DEFAULT_DFLT_CONF, forwarding: 1 },
  },
};

export function cloneConf(c: IfConf): IfConf {
  return { ...c };
}
