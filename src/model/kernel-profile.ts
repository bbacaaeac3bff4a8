/**
 * The kernel the simulator models, named: which link kinds `ip link add` can create, which
 * qdiscs and netfilter features exist, and the compiled-in sysctl defaults. A kind the kernel
 * lacks gets the kernel's own refusal (`Error: Unknown device type.`); a kind it has that the
 * simulator does not model is "not modelled" — never the error of a kernel the user does not
 * have. Profiles are data: recorded ones (kernel-profiles/*.ts, generated from a kernel config
 * by tools/gen-kernel-profile.ts) and, on Linux, the running kernel's (`auto`,
 * adapters/linux/kernel-detect.ts).
 */
import { DEBIAN_12 } from './kernel-profiles/debian-12.js';
import { CI_6_18 } from './kernel-profiles/ci-6.18.js';
import { UML } from './kernel-profiles/uml.js';
import type { Netns } from './netns.js';

/**
 * What one kernel has.
 *
 * @example
 * KERNEL_PROFILES['debian-12'].linkKinds.includes('dummy'); // true
 * KERNEL_PROFILES['ci-6.18'].linkKinds.includes('dummy');   // false
 */
export interface KernelProfile {
  /** `debian-12`, `ci-6.18`, or `auto` followed by the release it was read from */
  name: string;
  /** `uname -r` of the kernel it describes */
  release: string;
  description: string;
  /** where it came from: a kernel config, a probe in a sandbox */
  source: string;
  /** rtnetlink link kinds (`ip link add … type KIND`) */
  linkKinds: readonly string[];
  /** queueing disciplines (`tc qdisc add … KIND`) */
  qdiscs: readonly string[];
  /** of the tc classifiers the simulator models (u32, flower, matchall), those the kernel has; absent: all of them */
  tcFilters?: readonly string[];
  /** iptables, ip6tables, nf_tables (and its families nf_tables_ipv4, _ipv6, _inet, _arp, _bridge, _netdev), conntrack, nat, br_netfilter, ebtables, arptables, ipset */
  netfilter: readonly string[];
  /** built with CONFIG_RPS (receive packet steering): `ip -d link` shows numrxqueues only then; absent means yes */
  rps?: boolean;
  /** CONFIG_BRIDGE_VLAN_FILTERING: `vlan_filtering`, `bridge vlan`; absent means no */
  bridgeVlanFiltering?: boolean;
  /** num_possible_cpus(): veth devices get one queue per CPU; absent means the reference machine's 2 */
  possibleCpus?: number;
  /** CONFIG_HZ: jiffies per second (xt_limit counts in them); absent means 250 */
  hz?: number;
  /**
   * net.ipv4.tcp_syn_linear_timeouts (Linux 6.12+, 4): the SYN retransmissions after which the
   * timeout stops being 1 s and starts doubling; absent means none (the timeout doubles from the first)
   */
  synLinearTimeouts?: number;
  /** net.ipv4.conf.{all,default}.* and net.ipv4.ip_forward as the kernel starts them (devinet.c), before any distribution changes them */
  sysctl: Readonly<Record<string, number>>;
}

/**
 * The recorded profiles by name.
 *
 * @example
 * new Lab({ kernel: KERNEL_PROFILES['ci-6.18'] }).host('h').sh('ip link add d0 type dummy')[0].stderr; // 'Error: Unknown device type.\n'
 */
export const KERNEL_PROFILES: Readonly<Record<string, KernelProfile>> = {
  [DEBIAN_12.name]: DEBIAN_12,
  [CI_6_18.name]: CI_6_18,
  [UML.name]: UML,
};

/**
 * The profile the simulator models when nothing else is said (and off Linux): a stock distribution kernel.
 *
 * @example
 * new Lab().model.kernel === STOCK_PROFILE; // true: Debian 12's 6.1
 */
export const STOCK_PROFILE: KernelProfile = DEBIAN_12;

/** Whether the kernel a namespace's lab models has a link kind. */
export function kernelHasLinkKind(ns: Netns, kind: string): boolean {
  return ns.host.lab.kernel.linkKinds.includes(kind);
}

/** Kernel config options and the link kinds they provide (rtnl_link_ops kinds). */
const LINK_KIND_CONFIG: ReadonlyArray<[kind: string, config: string]> = [
  ['veth', 'VETH'],
  ['bridge', 'BRIDGE'],
  ['vxlan', 'VXLAN'],
  ['tun', 'TUN'],
  ['dummy', 'DUMMY'],
  ['ifb', 'IFB'],
  ['vlan', 'VLAN_8021Q'],
  ['bond', 'BONDING'],
  ['team', 'NET_TEAM'],
  ['macvlan', 'MACVLAN'],
  ['macvtap', 'MACVTAP'],
  ['ipvlan', 'IPVLAN'],
  ['ipvtap', 'IPVTAP'],
  ['geneve', 'GENEVE'],
  ['bareudp', 'BAREUDP'],
  ['gtp', 'GTP'],
  ['amt', 'AMT'],
  ['gre', 'NET_IPGRE'],
  ['gretap', 'NET_IPGRE'],
  ['erspan', 'NET_IPGRE'],
  ['ip6gre', 'IPV6_GRE'],
  ['ip6gretap', 'IPV6_GRE'],
  ['ip6erspan', 'IPV6_GRE'],
  ['ipip', 'NET_IPIP'],
  ['sit', 'IPV6_SIT'],
  ['ip6tnl', 'IPV6_TUNNEL'],
  ['vti', 'NET_IPVTI'],
  ['vti6', 'IPV6_VTI'],
  ['xfrm', 'XFRM_INTERFACE'],
  ['vrf', 'NET_VRF'],
  ['wireguard', 'WIREGUARD'],
  ['macsec', 'MACSEC'],
  ['nlmon', 'NLMON'],
  ['vcan', 'CAN_VCAN'],
  ['vxcan', 'CAN_VXCAN'],
  ['hsr', 'HSR'],
  ['batadv', 'BATMAN_ADV'],
  ['netdevsim', 'NETDEVSIM'],
  ['virt_wifi', 'VIRT_WIFI'],
  ['ipoib', 'INFINIBAND_IPOIB'],
  ['wwan', 'WWAN'],
  ['rmnet', 'RMNET'],
];

/** Qdiscs every kernel has (net/sched/sch_generic.c, sch_fifo.c, sch_mq.c). */
const BUILTIN_QDISCS = ['pfifo_fast', 'noqueue', 'pfifo', 'bfifo', 'pfifo_head_drop', 'mq'];

/** NET_SCH_X provides qdisc `x`, except these. */
const QDISC_CONFIG_NAMES: Readonly<Record<string, string[]>> = { INGRESS: ['ingress', 'clsact'], FIFO: [], DEFAULT: [] };

/** Netfilter features and the config option that provides each. */
const NETFILTER_CONFIG: ReadonlyArray<[feature: string, config: string]> = [
  ['iptables', 'IP_NF_IPTABLES'],
  ['ip6tables', 'IP6_NF_IPTABLES'],
  ['nf_tables', 'NF_TABLES'],
  // nft's families: a kernel may have nf_tables without them (UML's 6.1: `nft add table ip t` answers "Operation not supported")
  ['nf_tables_ipv4', 'NF_TABLES_IPV4'],
  ['nf_tables_ipv6', 'NF_TABLES_IPV6'],
  ['nf_tables_inet', 'NF_TABLES_INET'],
  ['nf_tables_arp', 'NF_TABLES_ARP'],
  ['nf_tables_bridge', 'NF_TABLES_BRIDGE'],
  ['nf_tables_netdev', 'NF_TABLES_NETDEV'],
  ['conntrack', 'NF_CONNTRACK'],
  ['nat', 'NF_NAT'],
  ['br_netfilter', 'BRIDGE_NETFILTER'],
  ['ebtables', 'BRIDGE_NF_EBTABLES'],
  ['arptables', 'IP_NF_ARPTABLES'],
  ['ipset', 'IP_SET'],
];

/**
 * A profile from a kernel's config (`/proc/config.gz`, `/boot/config-RELEASE`): an option
 * built in (`=y`) or as a module (`=m`, which the kernel loads on first use) provides its feature.
 *
 * @example
 * profileFromConfig('CONFIG_VETH=y\nCONFIG_DUMMY=m\n', { name: 'x', release: '6.1.0', description: '', source: 'config', sysctl: {} }).linkKinds;
 * // ['veth', 'dummy']
 */
export function profileFromConfig(config: string, base: Pick<KernelProfile, 'name' | 'release' | 'description' | 'source' | 'sysctl' | 'synLinearTimeouts'>): KernelProfile {
  const on = new Set<string>();
  for (const m of config.matchAll(/^CONFIG_(\w+)=[ym]$/gm)) on.add(m[1]!);
  const linkKinds = LINK_KIND_CONFIG.filter(([, c]) => on.has(c)).map(([k]) => k);
  const qdiscs = [...BUILTIN_QDISCS];
  for (const c of on) {
    const name = /^NET_SCH_(\w+)$/.exec(c)?.[1];
    if (name === undefined) continue;
    qdiscs.push(...(QDISC_CONFIG_NAMES[name] ?? [name.toLowerCase()]));
  }
  const netfilter = NETFILTER_CONFIG.filter(([, c]) => on.has(c)).map(([f]) => f);
  const tcFilters = (['u32', 'flower', 'matchall'] as const).filter((f) => on.has(`NET_CLS_${f.toUpperCase()}`));
  const hz = /^CONFIG_HZ=(\d+)$/m.exec(config);
  return {
    ...base,
    linkKinds,
    qdiscs: [...new Set(qdiscs)].sort(),
    tcFilters,
    netfilter,
    rps: on.has('RPS'),
    bridgeVlanFiltering: on.has('BRIDGE_VLAN_FILTERING'),
    ...(hz ? { hz: Number(hz[1]) } : {}),
  };
}

/** The link kinds profileFromConfig knows (the ones a probe asks the kernel about). */
export const KNOWN_LINK_KINDS: readonly string[] = [...new Set(LINK_KIND_CONFIG.map(([k]) => k))];
