/**
 * macvlan (drivers/net/macvlan.c): an Ethernet device with its own MAC on a lower device. Its
 * carrier is its lower device's (netif_stacked_transfer_operstate), its MTU the lower's when
 * made and never above it; a passthru macvlan takes the lower's MAC (macvlan_common_newlink).
 * How frames move between it, its siblings and the lower's wire is sim/links/macvlan.ts.
 */
import type { Link } from '../link.js';
import { GSO_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const macvlanKind: LinkKindModel = {
  ...ETHER_SETUP,
  // IFF_NO_QUEUE: noqueue once up
  queued: false,
  infoKind: 'macvlan',
  // a macvlan read back without its lower device found has none
  carrier: (l: Link, s) => l.macvlan !== undefined && s.hasCarrier(l.macvlan.lower),
  // no carrier: LOWERLAYERDOWN while its lower is beside it and not up, DOWN once the lower is in another namespace
  operState: (l, s) => s.watchedOperState(l),
  operUpWhileDown: () => false,
  linkwatch: true,
  // macvlan_ethtool_get_link_ksettings asks the lower device
  speedFrom: (l: Link) => l.macvlan?.lower,
  // netif_inherit_tso_max from the lower device
  tsoMaxSize: (l, depth, s) => (l.macvlan && depth < 4 ? s.tsoMaxSize(l.macvlan.lower, depth + 1) : GSO_MAX_SIZE),
};

/**
 * What a device's macvlans add to its promiscuity count (`ip -d link`'s `promiscuity`): a
 * passthru macvlan that is up sets it once (macvlan_open); others put their MACs on its
 * unicast list, which a device without unicast filtering (none of the model's kinds has one)
 * turns into promiscuity while it is up (__dev_set_rx_mode).
 */
export function macvlanPromiscuity(lower: Link): number {
  const up = (lower.uppers ?? []).filter((u) => u.up);
  if (up.some((u) => u.macvlan?.mode === 'passthru')) return 1;
  return lower.up && up.length > 0 ? 1 : 0;
}
