/**
 * A device's netdev features (include/linux/netdev_features.h) as `ethtool -k` shows them and
 * `ethtool -K` changes them (net/ethtool/features.c, ethnl_set_features): the kind's features at
 * creation, recorded from kernel 6.18, and __netdev_update_features: the wanted features, the
 * driver's fix_features (a tun's), then netdev_fix_features' dependencies (no SG: no TSO nor
 * GSO; no checksum: no TSO, no UDP segmentation). A bridge's and a macvlan's features follow
 * their ports' and lower's (netdev_increment_features): only their defaults are known here.
 */
import type { Link, LinkKind } from './link.js';

/** The kinds whose features the model knows. */
export type FeatureKind = 'loopback' | 'veth' | 'bridge' | 'tap' | 'tun' | 'macvlan' | 'vxlan';

export interface KindFeatures {
  hw: readonly string[];
  on: readonly string[];
  wanted: readonly string[];
}

/** dev->hw_features, dev->features and dev->wanted_features of one device. */
export interface NetdevFeatures {
  hw: Set<string>;
  active: Set<string>;
  wanted: Set<string>;
}

/** netdev_features_strings of kernel 6.18 in bit order (ETH_SS_FEATURES), as `ethtool -K` lists its changes. */
export const FEATURE_NAMES = [
  'tx-scatter-gather',
  'tx-checksum-ipv4',
  'tx-checksum-ip-generic',
  'tx-checksum-ipv6',
  'highdma',
  'tx-scatter-gather-fraglist',
  'tx-vlan-hw-insert',
  'rx-vlan-hw-parse',
  'rx-vlan-filter',
  'vlan-challenged',
  'tx-generic-segmentation',
  'rx-gro',
  'rx-lro',
  'tx-tcp-segmentation',
  'tx-gso-robust',
  'tx-tcp-ecn-segmentation',
  'tx-tcp-mangleid-segmentation',
  'tx-tcp6-segmentation',
  'tx-fcoe-segmentation',
  'tx-gre-segmentation',
  'tx-gre-csum-segmentation',
  'tx-ipxip4-segmentation',
  'tx-ipxip6-segmentation',
  'tx-udp_tnl-segmentation',
  'tx-udp_tnl-csum-segmentation',
  'tx-gso-partial',
  'tx-tunnel-remcsum-segmentation',
  'tx-sctp-segmentation',
  'tx-esp-segmentation',
  'tx-udp-segmentation',
  'tx-gso-list',
  'tx-tcp-accecn-segmentation',
  'tx-checksum-fcoe-crc',
  'tx-checksum-sctp',
  'rx-ntuple-filter',
  'rx-hashing',
  'rx-checksum',
  'tx-nocache-copy',
  'loopback',
  'rx-fcs',
  'rx-all',
  'tx-vlan-stag-hw-insert',
  'rx-vlan-stag-hw-parse',
  'rx-vlan-stag-filter',
  'l2-fwd-offload',
  'hw-tc-offload',
  'esp-hw-offload',
  'esp-tx-csum-hw-offload',
  'rx-udp_tunnel-port-offload',
  'tls-hw-tx-offload',
  'tls-hw-rx-offload',
  'rx-gro-hw',
  'tls-hw-record',
  'rx-gro-list',
  'macsec-hw-offload',
  'rx-udp-gro-forwarding',
  'hsr-tag-ins-offload',
  'hsr-tag-rm-offload',
  'hsr-fwd-offload',
  'hsr-dup-offload',
] as const;

/**
 * Each modelled kind's features as `ethtool -k` shows them on a new device of kernel 6.18:
 * `hw` (dev->hw_features: what -K may change; the others are [fixed]), `on` (dev->features)
 * and `wanted` (dev->wanted_features: the hw features asked for, which a device's own
 * fix_features may refuse — a tun's offloads until its process asks, TUNSETOFFLOAD).
 */
export const KIND_FEATURES: Readonly<Record<FeatureKind, KindFeatures>> = {
  loopback: {
    hw: [
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'rx-gro-list',
      'rx-udp-gro-forwarding',
    ],
    on: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'vlan-challenged',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'tx-checksum-sctp',
      'rx-checksum',
      'loopback',
    ],
    wanted: [
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
    ],
  },
  veth: {
    hw: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'rx-vlan-hw-parse',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-gre-segmentation',
      'tx-gre-csum-segmentation',
      'tx-ipxip4-segmentation',
      'tx-ipxip6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'tx-checksum-sctp',
      'rx-checksum',
      'tx-nocache-copy',
      'tx-vlan-stag-hw-insert',
      'rx-vlan-stag-hw-parse',
      'rx-gro-list',
      'rx-udp-gro-forwarding',
    ],
    on: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'rx-vlan-hw-parse',
      'tx-generic-segmentation',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-gre-segmentation',
      'tx-gre-csum-segmentation',
      'tx-ipxip4-segmentation',
      'tx-ipxip6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'tx-checksum-sctp',
      'rx-checksum',
      'tx-vlan-stag-hw-insert',
      'rx-vlan-stag-hw-parse',
    ],
    wanted: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'rx-vlan-hw-parse',
      'tx-generic-segmentation',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-gre-segmentation',
      'tx-gre-csum-segmentation',
      'tx-ipxip4-segmentation',
      'tx-ipxip6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'tx-checksum-sctp',
      'rx-checksum',
      'tx-vlan-stag-hw-insert',
      'rx-vlan-stag-hw-parse',
    ],
  },
  bridge: {
    hw: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-gso-robust',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-fcoe-segmentation',
      'tx-gre-segmentation',
      'tx-gre-csum-segmentation',
      'tx-ipxip4-segmentation',
      'tx-ipxip6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-gso-partial',
      'tx-tunnel-remcsum-segmentation',
      'tx-sctp-segmentation',
      'tx-esp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'tx-nocache-copy',
      'tx-vlan-stag-hw-insert',
      'rx-gro-list',
      'rx-udp-gro-forwarding',
    ],
    on: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-gso-robust',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-fcoe-segmentation',
      'tx-gre-segmentation',
      'tx-gre-csum-segmentation',
      'tx-ipxip4-segmentation',
      'tx-ipxip6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-gso-partial',
      'tx-tunnel-remcsum-segmentation',
      'tx-sctp-segmentation',
      'tx-esp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'tx-vlan-stag-hw-insert',
    ],
    wanted: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-gso-robust',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-fcoe-segmentation',
      'tx-gre-segmentation',
      'tx-gre-csum-segmentation',
      'tx-ipxip4-segmentation',
      'tx-ipxip6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-gso-partial',
      'tx-tunnel-remcsum-segmentation',
      'tx-sctp-segmentation',
      'tx-esp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'tx-vlan-stag-hw-insert',
    ],
  },
  tap: {
    hw: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-udp-segmentation',
      'tx-nocache-copy',
      'tx-vlan-stag-hw-insert',
      'rx-gro-list',
      'rx-udp-gro-forwarding',
    ],
    on: ['tx-scatter-gather', 'tx-scatter-gather-fraglist', 'tx-vlan-hw-insert', 'tx-generic-segmentation', 'rx-gro', 'tx-vlan-stag-hw-insert'],
    wanted: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-udp-segmentation',
      'tx-vlan-stag-hw-insert',
    ],
  },
  tun: {
    hw: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-udp-segmentation',
      'tx-nocache-copy',
      'tx-vlan-stag-hw-insert',
      'rx-gro-list',
      'rx-udp-gro-forwarding',
    ],
    on: ['tx-scatter-gather', 'tx-scatter-gather-fraglist', 'tx-vlan-hw-insert', 'tx-generic-segmentation', 'rx-gro', 'tx-vlan-stag-hw-insert'],
    wanted: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'tx-scatter-gather-fraglist',
      'tx-vlan-hw-insert',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-udp-segmentation',
      'tx-vlan-stag-hw-insert',
    ],
  },
  macvlan: {
    hw: ['tx-generic-segmentation', 'rx-gro', 'rx-lro', 'tx-nocache-copy', 'rx-gro-list', 'rx-udp-gro-forwarding'],
    on: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'highdma',
      'tx-scatter-gather-fraglist',
      'tx-generic-segmentation',
      'tx-tcp-segmentation',
      'tx-gso-robust',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-gre-segmentation',
      'tx-gre-csum-segmentation',
      'tx-ipxip4-segmentation',
      'tx-ipxip6-segmentation',
      'tx-udp_tnl-segmentation',
      'tx-udp_tnl-csum-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'rx-checksum',
    ],
    wanted: ['tx-generic-segmentation', 'rx-gro'],
  },
  vxlan: {
    hw: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'tx-scatter-gather-fraglist',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'rx-checksum',
      'tx-nocache-copy',
      'rx-gro-list',
      'rx-udp-gro-forwarding',
    ],
    on: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'tx-scatter-gather-fraglist',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'rx-checksum',
    ],
    wanted: [
      'tx-scatter-gather',
      'tx-checksum-ip-generic',
      'tx-scatter-gather-fraglist',
      'tx-generic-segmentation',
      'rx-gro',
      'tx-tcp-segmentation',
      'tx-tcp-ecn-segmentation',
      'tx-tcp-mangleid-segmentation',
      'tx-tcp6-segmentation',
      'tx-sctp-segmentation',
      'tx-udp-segmentation',
      'tx-gso-list',
      'tx-tcp-accecn-segmentation',
      'rx-checksum',
    ],
  },
};

/** NETIF_F_NEVER_CHANGE: shown, never asked for (`attempt to change non-ethtool features`) */
export const NEVER_CHANGE: ReadonlySet<string> = new Set(['vlan-challenged']);

/** TUN_USER_FEATURES: offloads a tun keeps only once its process enables them (TUNSETOFFLOAD, which nothing in a lab calls) */
const TUN_USER = ['tx-checksum-ip-generic', 'tx-tcp-ecn-segmentation', 'tx-tcp-segmentation', 'tx-tcp6-segmentation', 'tx-udp-segmentation', 'tx-udp_tnl-segmentation', 'tx-udp_tnl-csum-segmentation'];

/** Whether the kernel modelled has the feature table above: its strings and rules are 6.18's (6.1 names tx-lockless, netns-local and fcoe-mtu, has no tx-tcp-accecn-segmentation and keeps UDP segmentation without a checksum). */
export function featuresKnown(release: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(release);
  return m !== null && (Number(m[1]) > 6 || (Number(m[1]) === 6 && Number(m[2]) >= 18));
}

/** The model's kind of a link for its features, or null where the model does not know them (a lab NIC is a veth). */
export function featureKind(kind: LinkKind): FeatureKind | null {
  if (kind === 'ether') return 'veth';
  return kind in KIND_FEATURES ? (kind as FeatureKind) : null;
}

/** The device's features (a copy of its kind's until -K changes them), or null for a kind the model does not know. */
export function netdevFeatures(l: Link): NetdevFeatures | null {
  if (l.features) return l.features;
  const k = featureKind(l.kind);
  if (k === null) return null;
  const t = KIND_FEATURES[k];
  return { hw: new Set(t.hw), active: new Set(t.on), wanted: new Set(t.wanted) };
}

/** Whether the device's features are still those it was made with. */
export function featuresUntouched(l: Link): boolean {
  return l.features === undefined;
}

const ALL_TSO = ['tx-tcp-segmentation', 'tx-tcp6-segmentation', 'tx-tcp-ecn-segmentation', 'tx-tcp-mangleid-segmentation'];

/** The driver's ndo_fix_features, then netdev_fix_features' dependencies between features. */
function fixFeatures(kind: FeatureKind, f: Set<string>): Set<string> {
  if (kind === 'tun' || kind === 'tap') for (const n of TUN_USER) f.delete(n);
  const has = (n: string): boolean => f.has(n);
  if (has('tx-checksum-ip-generic') && (has('tx-checksum-ipv4') || has('tx-checksum-ipv6'))) {
    f.delete('tx-checksum-ipv4');
    f.delete('tx-checksum-ipv6');
  }
  // TSO needs SG
  if (!has('tx-scatter-gather')) for (const n of ALL_TSO) f.delete(n);
  // TSO needs a checksum of its family
  if (has('tx-tcp-segmentation') && !has('tx-checksum-ip-generic') && !has('tx-checksum-ipv4')) {
    f.delete('tx-tcp-segmentation');
    f.delete('tx-tcp-ecn-segmentation');
  }
  if (has('tx-tcp6-segmentation') && !has('tx-checksum-ip-generic') && !has('tx-checksum-ipv6')) f.delete('tx-tcp6-segmentation');
  if (has('tx-tcp-mangleid-segmentation') && !has('tx-tcp-segmentation')) f.delete('tx-tcp-mangleid-segmentation');
  if (has('tx-tcp-ecn-segmentation') && !ALL_TSO.some((n) => n !== 'tx-tcp-ecn-segmentation' && has(n))) f.delete('tx-tcp-ecn-segmentation');
  // software GSO needs SG
  if (has('tx-generic-segmentation') && !has('tx-scatter-gather')) f.delete('tx-generic-segmentation');
  if (!has('rx-checksum')) f.delete('rx-gro-hw');
  if (has('rx-fcs')) {
    f.delete('rx-lro');
    f.delete('rx-gro-hw');
  }
  // UDP segmentation needs a checksum
  if (has('tx-udp-segmentation') && !has('tx-checksum-ip-generic') && !(has('tx-checksum-ipv4') && has('tx-checksum-ipv6'))) f.delete('tx-udp-segmentation');
  return f;
}

/** What one FEATURES_SET did: the bits asked for and the active features before and after. */
export interface FeatureChange {
  reqMask: Set<string>;
  reqWanted: Set<string>;
  oldActive: Set<string>;
  newActive: Set<string>;
}

/**
 * ethnl_set_features: the requested bits replace those of dev->wanted_features (only hw bits
 * are kept) and, if that changes it, the features are computed again (__netdev_update_features).
 * The names must be known and changeable by ethtool (the caller checked them).
 */
export function setFeatures(l: Link, req: ReadonlyMap<string, boolean>): FeatureChange {
  const k = featureKind(l.kind)!;
  const cur = netdevFeatures(l)!;
  const reqMask = new Set(req.keys());
  const reqWanted = new Set<string>([...cur.wanted].filter((n) => !reqMask.has(n)));
  for (const [n, on] of req) if (on) reqWanted.add(n);
  const oldActive = new Set(cur.active);
  const same = reqWanted.size === cur.wanted.size && [...reqWanted].every((n) => cur.wanted.has(n));
  if (!same) {
    const wanted = new Set([...reqWanted].filter((n) => cur.hw.has(n)));
    // netdev_get_wanted_features: the fixed features as they are, the hw ones as wanted
    const next = new Set([...cur.active].filter((n) => !cur.hw.has(n)));
    for (const n of wanted) next.add(n);
    l.features = { hw: cur.hw, wanted, active: fixFeatures(k, next) };
  }
  return { reqMask, reqWanted, oldActive, newActive: new Set(netdevFeatures(l)!.active) };
}
