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
import { ip4ToString } from './ip.js';

/** net.ipv4.conf.*.KEY: stored per device, `all` and `default`; the simulator does what the kernel does at the default. */
export const CONF_NOT_SIMULATED: Readonly<Partial<Record<keyof IfConf, string>>> = {
  proxy_arp: 'ARP requests for addresses reachable through another interface are not answered',
  proxy_arp_pvlan: 'ARP requests are not answered back out of the interface they came in on',
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
  medium_id: 'proxy ARP media are not simulated',
  tag: 'not simulated',
  disable_policy: 'IPsec policies are not simulated',
  disable_xfrm: 'IPsec transforms are not simulated',
};

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

/** A link's own settings. */
export const LINK_NOT_SIMULATED = {
  mtu: 'packets of any size pass: no fragmentation, no "message too long", no "frag needed"',
} as const satisfies Record<string, string>;

/** VXLAN options. */
export const VXLAN_NOT_SIMULATED = {
  group: 'multicast VXLAN is not simulated: nothing is flooded to the group',
} as const satisfies Record<string, string>;

/** Route attributes the model keeps and shows. */
export const ROUTE_NOT_SIMULATED = {
  mtu: 'the route MTU is not applied to packets (no PMTU)',
} as const satisfies Record<string, string>;

/**
 * One stored setting that the simulator ignores, as lint and explain name it.
 *
 * @example
 * // { setting: 'net.ipv4.conf.veth1.proxy_arp', text: 'proxy_arp is set on veth1 and not simulated', why: 'ARP requests …' }
 */
export interface NotSimulated {
  /** the name a user would set it by: a sysctl key, or `OBJECT KEY` (`link veth1 mtu`, `route 10.0.0.0/24 mtu`) */
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
  const out = confIgnored(l.conf, l.name, l.name, l.kind === 'loopback');
  // loopback's 64 KiB and a VXLAN's 1450 are the kernel's own defaults; only smaller MTUs make a ping fail
  if (l.kind !== 'loopback' && l.mtu < 1500 && !(l.kind === 'vxlan' && l.mtu === 1450)) {
    out.push({ setting: `link ${l.name} mtu`, text: `mtu ${l.mtu} is set on ${l.name} and not simulated`, why: LINK_NOT_SIMULATED.mtu });
  }
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
  if (l.vxlan?.group) out.push({ setting: `link ${l.name} group`, text: `group ${ip4ToString(l.vxlan.group)} is set on ${l.name} and not simulated`, why: VXLAN_NOT_SIMULATED.group });
  return out;
}

/**
 * Everything a namespace holds that the simulator ignores: its `all`/`default` sysctls, its
 * devices' settings, routes with attributes the simulator does not apply.
 *
 * @example
 * const h = new Lab().host('h');
 * h.sh('sysctl -w net.ipv4.conf.lo.proxy_arp=1');
 * notSimulatedIn(h.ns().ns).map((x) => x.text); // ['proxy_arp is set on lo and not simulated']
 */
export function notSimulatedIn(ns: Netns): NotSimulated[] {
  const where = (s: string) => `${s} of ${ns.path}`;
  const out = [...confIgnored(ns.all, 'all', where('conf/all')), ...confIgnored(ns.default, 'default', where('conf/default'))];
  for (const l of ns.linkList()) out.push(...linkNotSimulated(l));
  for (const t of ns.tables.values()) {
    for (const r of t.routes) {
      if (r.mtu === undefined) continue;
      const dst = `${ip4ToString(r.dst)}/${r.dstLen}`;
      out.push({ setting: `route ${dst} mtu`, text: `mtu ${r.mtu} is set on the route ${dst} and not simulated`, why: ROUTE_NOT_SIMULATED.mtu });
    }
  }
  return out;
}
