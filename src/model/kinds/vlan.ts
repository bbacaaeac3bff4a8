/**
 * A VLAN sub-interface (net/8021q/vlan_dev.c, vlan_netlink.c): an Ethernet device on a lower
 * device, with the lower's MAC (eth_hw_addr_inherit), its MTU when made and never above it, no
 * queue of its own (IFF_NO_QUEUE), min_mtu 0 and max_mtu ETH_MAX_MTU. Its carrier is its lower
 * device's (netif_stacked_transfer_operstate); it comes up and goes down with the lower unless
 * made with loose_binding (vlan_device_event, model/device.ts). How its frames are tagged and
 * untagged is sim/links/vlan.ts.
 */
import type { Link } from '../link.js';
import { GSO_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const vlanKind: LinkKindModel = {
  ...ETHER_SETUP,
  minMtu: 0,
  randomMac: false,
  queued: false,
  infoKind: 'vlan',
  carrier: (l: Link, s) => l.vlan !== undefined && (l.vlan.held ?? s.hasCarrier(l.vlan.lower)),
  operState: (l, s) => s.watchedOperState(l),
  operUpWhileDown: () => false,
  linkwatch: true,
  // vlan_dev_init: netif_inherit_tso_max from the lower device
  tsoMaxSize: (l, depth, s) => (l.vlan && depth < 4 ? s.tsoMaxSize(l.vlan.lower, depth + 1) : GSO_MAX_SIZE),
};
