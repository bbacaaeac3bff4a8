/**
 * ipvlan (drivers/net/ipvlan/ipvlan_main.c): an Ethernet device that shares its lower device's
 * MAC (copied when made, and again on the lower's NETDEV_CHANGEADDR) and its port, whose mode
 * and flag are the port's. ipvlan_setup: ether_setup, IFF_NO_QUEUE, max_mtu ETH_MAX_MTU (its MTU
 * may be set above the lower's, but follows the lower's on every change of it). Its carrier is
 * what netif_stacked_transfer_operstate last copied (model/ipvlan.ts); l3 and l3s ports set
 * IFF_NOARP on their ipvlans. How packets move is sim/links/ipvlan.ts.
 */
import type { Link } from '../link.js';
import { GSO_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const ipvlanKind: LinkKindModel = {
  ...ETHER_SETUP,
  randomMac: false,
  queued: false,
  infoKind: 'ipvlan',
  carrier: (l: Link) => l.ipvlan?.carrier ?? false,
  operState: (l, s) => s.watchedOperState(l),
  operUpWhileDown: () => false,
  linkwatch: true,
  // ipvlan_ethtool_get_link_ksettings asks the lower device
  speedFrom: (l: Link) => l.ipvlan?.lower,
  // ipvlan_init: netif_inherit_tso_max from the lower device
  tsoMaxSize: (l, depth, s) => (l.ipvlan && depth < 4 ? s.tsoMaxSize(l.ipvlan.lower, depth + 1) : GSO_MAX_SIZE),
};
