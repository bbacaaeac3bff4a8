/**
 * IPv4 sysctls (Documentation/networking/ip-sysctl.rst). A namespace has `conf/all`,
 * `conf/default` and one `conf/IFACE` per interface; a new interface copies `conf/default`.
 * A new namespace copies `all` and `default` from the machine's initial namespace
 * (devconf_inherit_init_net=0), which the model takes from the lab's host profile.
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
}

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
};

export const CONF_KEYS = Object.keys(KERNEL_DEFAULT_CONF) as (keyof IfConf)[];

/** The sysctls a machine's initial namespace has: what new namespaces inherit. */
export interface HostProfile {
  name: string;
  all: IfConf;
  default: IfConf;
}

export const PROFILES: Record<string, HostProfile> = {
  kernel: { name: 'kernel', all: { ...KERNEL_DEFAULT_CONF }, default: { ...KERNEL_DEFAULT_CONF } },
  systemd: {
    name: 'systemd',
    all: { ...KERNEL_DEFAULT_CONF, rp_filter: 2 },
    default: { ...KERNEL_DEFAULT_CONF, rp_filter: 2 },
  },
  docker: {
    name: 'docker',
    all: { ...KERNEL_DEFAULT_CONF, forwarding: 1 },
    default: { ...KERNEL_DEFAULT_CONF, forwarding: 1 },
  },
};

export function cloneConf(c: IfConf): IfConf {
  return { ...c };
}
