/**
 * Settings the model stores (and `ip`, `sysctl`, `brctl` show back as the kernel would) but the
 * simulator does not act on: one table, so that nothing is accepted silently. A line that sets
 * one of them to anything but the kernel's default is marked `"modelled": "partial"` with the
 * setting named in `"ignored"` (src/twin/ignored-settings.ts), `lint` warns about it, and
 * `explain` names it when it lies on the path of the ping it explains.
 *
 * When the simulator learns one of these, its entry goes: the table only shrinks.
 */
import { KERNEL_DEFAULT_CONF, KERNEL_DEFAULT_DFLT_CONF, LOOPBACK_CONF, type IfConf } from './sysctl.js';
import { BRIDGE_TUNABLE_DEFAULTS, type BridgeTunable } from './bridge-options.js';
import type { Netns } from './netns.js';
import type { Link } from './link.js';
import { allConf6, defaultConf6, type Ip6Conf, type Ip6ConfKey } from './ipv6/conf6.js';

/** net.ipv4.conf.*.KEY: stored per device, `all` and `default`; the simulator does what the kernel does at the default. */
export const CONF_NOT_SIMULATED: Readonly<Partial<Record<keyof IfConf, string>>> = {
  arp_filter: 'ARP is answered on every interface, as with arp_filter=0',
  arp_accept: 'gratuitous ARP never creates a neighbour entry',
  arp_notify: 'no gratuitous ARP is sent when a device comes up or its address changes',
  arp_evict_nocarrier: 'neighbour entries are not flushed on carrier loss',
  drop_gratuitous_arp: 'gratuitous ARP is not dropped',
  drop_unicast_in_l2_multicast: 'unicast IP in link-layer multicast is not dropped',
  accept_source_route: 'IP options are not simulated',
  bc_forwarding: 'directed broadcasts are not forwarded',
  bootp_relay: 'BOOTP relaying is not simulated',
  shared_media: 'redirects are sent as with shared_media=1',
  secure_redirects: 'redirects are accepted as with secure_redirects=1',
  log_martians: 'martians are not logged',
  src_valid_mark: 'packet marks are not simulated',
  force_igmp_version: 'IGMP is not simulated',
  igmpv2_unsolicited_report_interval: 'IGMP is not simulated',
  igmpv3_unsolicited_report_interval: 'IGMP is not simulated',
  ignore_routes_with_linkdown: 'linkdown routes are used as with ignore_routes_with_linkdown=0',
  tag: 'not simulated',
  disable_policy: 'IPsec policies are not simulated',
  disable_xfrm: 'IPsec transforms are not simulated',
};

/**
 * net.ipv6.conf.*.KEY the simulator stores and does not act on. Router advertisements are taken
 * (sim/ipv6/ndisc-ra.ts: accept_ra, accept_ra_defrtr, accept_ra_pinfo, accept_ra_min_hop_limit,
 * accept_ra_min_lft, accept_ra_from_local, autoconf, ra_defrtr_metric act); a lab's RAs come
 * from ra6, as radvd is not modelled. The RA keys for options ra6 is not modelled to send
 * (route information, MTU, use_tempaddr …) are not listed either: nothing reaches them.
 */
export const CONF6_NOT_SIMULATED: Readonly<Partial<Record<Ip6ConfKey, string>>> = {
  accept_redirects: 'ICMPv6 redirects are neither sent nor accepted',
  accept_untracked_na: 'an unsolicited neighbour advertisement never creates an entry',
  drop_unsolicited_na: 'unsolicited neighbour advertisements are not dropped',
  drop_unicast_in_l2_multicast: 'unicast IPv6 in link-layer multicast is not dropped',
  ndisc_notify: 'no unsolicited neighbour advertisement is sent when a device comes up or its address changes',
  ndisc_evict_nocarrier: 'neighbour entries are not flushed on carrier loss',
  ignore_routes_with_linkdown: 'linkdown routes are used as with ignore_routes_with_linkdown=0',
  accept_source_route: 'routing headers are not simulated',
  force_mld_version: 'MLD is sent as MLDv2',
  mldv1_unsolicited_report_interval: 'MLD reports are sent once',
  mldv2_unsolicited_report_interval: 'MLD reports are sent once',
  max_addresses: 'temporary addresses are not simulated',
  suppress_frag_ndisc: 'fragmented neighbour discovery is not simulated',
  disable_policy: 'IPsec policies are not simulated',
  seg6_enabled: 'segment routing is not simulated',
  ioam6_enabled: 'IOAM is not simulated',
  rpl_seg_enabled: 'RPL source routing is not simulated',
};

/** The IPv6 conf keys of one directory (`all`, `default` or a device) that differ from the kernel's start and are not simulated. */
function conf6Ignored(conf: Ip6Conf, scope: string, where: string): NotSimulated[] {
  const start = scope === 'all' ? allConf6() : defaultConf6();
  const out: NotSimulated[] = [];
  for (const [k, why] of Object.entries(CONF6_NOT_SIMULATED) as [Ip6ConfKey, string][]) {
    if (conf[k] === start[k]) continue;
    out.push({ setting: `net.ipv6.conf.${scope.replace(/\./g, '/')}.${k}`, text: `${k} (IPv6) is set on ${where} and not simulated`, why });
  }
  return out;
}

/** The value net.ipv6.conf.SCOPE.KEY starts at (conf/all, or conf/default as devices copy it). */
export function kernelConf6Default(scope: string, key: Ip6ConfKey): number {
  return (scope === 'all' ? allConf6() : defaultConf6())[key];
}

/** Bridge tunables (`ip link … type bridge KEY V`, `brctl stp`) the simulator's bridge ignores. */
export const BRIDGE_NOT_SIMULATED = {
  stp_state: 'the bridge forwards at once, as with STP off: no listening/learning states, no BPDUs',
  group_fwd_mask: 'link-local group frames are not forwarded',
  no_linklocal_learn: 'MAC addresses are learned from link-local frames too',
  mcast_snooping: 'multicast is flooded as with snooping off',
  nf_call_iptables: 'netfilter is not simulated',
  nf_call_ip6tables: 'netfilter is not simulated',
  nf_call_arptables: 'netfilter is not simulated',
} as const satisfies Record<string, string>;

/**
 * One stored setting that the simulator ignores, as lint and explain name it.
 *
 * @example
 * // { setting: 'net.ipv4.conf.veth1.arp_accept', text: 'arp_accept is set on veth1 and not simulated', why: 'gratuitous ARP never creates …' }
 */
export interface NotSimulated {
  /** the name a user would set it by: a sysctl key, or `OBJECT KEY` (`link br0 stp_state`, `link br0 mcast_snooping`) */
  setting: string;
  /** one sentence: what is set where, and that it is not simulated */
  text: string;
  /** what the simulator does instead */
  why: string;
}

/**
 * What the kernel starts a conf key at: conf/all (devinet.c ipv4_devconf), conf/default and the
 * devices that copy it (ipv4_devconf_dflt), loopback with its own few (inetdev_init).
 */
export function kernelConfDefault(scope: string, key: keyof IfConf, loopback = false): number {
  if (scope === 'all') return KERNEL_DEFAULT_CONF[key];
  if (loopback && key in LOOPBACK_CONF) return LOOPBACK_CONF[key]!;
  return KERNEL_DEFAULT_DFLT_CONF[key];
}

/** The conf keys of one device (or `all`/`default`) that differ from the kernel's default and are not simulated. */
function confIgnored(conf: IfConf, scope: string, where: string, loopback = false): NotSimulated[] {
  const out: NotSimulated[] = [];
  for (const [k, why] of Object.entries(CONF_NOT_SIMULATED) as [keyof IfConf, string][]) {
    if (conf[k] === kernelConfDefault(scope, k, loopback)) continue;
    out.push({ setting: `net.ipv4.conf.${scope.replace(/\./g, '/')}.${k}`, text: `${k} is set on ${where} and not simulated`, why });
  }
  return out;
}

/** What a device holds that the simulator ignores. */
export function linkNotSimulated(l: Link): NotSimulated[] {
  const out = [...confIgnored(l.conf, l.name, l.name, l.kind === 'loopback'), ...conf6Ignored(l.inet6.conf, l.name, l.name)];
  if (l.bridge) {
    if (l.bridge.stp !== 0) out.push({ setting: `link ${l.name} stp_state`, text: `stp_state ${l.bridge.stp} is set on ${l.name} and not simulated`, why: BRIDGE_NOT_SIMULATED.stp_state });
    const opts = l.bridge.opts;
    if (opts) {
      for (const [k, why] of Object.entries(BRIDGE_NOT_SIMULATED)) {
        if (!(k in opts)) continue;
        const v = opts[k as BridgeTunable];
        if (v !== BRIDGE_TUNABLE_DEFAULTS[k as BridgeTunable]) out.push({ setting: `link ${l.name} ${k}`, text: `${k} ${v} is set on ${l.name} and not simulated`, why });
      }
    }
  }
  return out;
}

/**
 * Everything a namespace holds that the simulator ignores: its `all`/`default` sysctls and its
 * devices' settings.
 *
 * @example
 * const h = new Lab().host('h');
 * h.sh('sysctl -w net.ipv4.conf.lo.arp_accept=1');
 * notSimulatedIn(h.ns().ns).map((x) => x.text); // ['arp_accept is set on lo and not simulated']
 */
export function notSimulatedIn(ns: Netns): NotSimulated[] {
  const where = (s: string) => `${s} of ${ns.path}`;
  const out = [
    ...confIgnored(ns.all, 'all', where('conf/all')),
    ...confIgnored(ns.default, 'default', where('conf/default')),
    ...conf6Ignored(ns.inet6.all, 'all', where('ipv6 conf/all')),
    ...conf6Ignored(ns.inet6.default, 'default', where('ipv6 conf/default')),
  ];
  for (const l of ns.linkList()) out.push(...linkNotSimulated(l));
  return out;
}
