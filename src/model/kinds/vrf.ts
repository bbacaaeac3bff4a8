/**
 * A VRF device (drivers/net/vrf.c): an L3 master whose ports' routes live in its own FIB table
 * (l3mdev). vrf_setup: ether_setup, then flags IFF_MASTER|IFF_NOARP only (no broadcast, no
 * multicast), no queue (IFF_NO_QUEUE), a random MAC, MTU 64 KiB + 39 (VRF_MTU 0x10000 + 39)
 * with IPV6_MIN_MTU as its minimum; always carrier, so UP once opened. What enslaving does to
 * routes and rules is model/vrf.ts.
 */
import { GSO_LEGACY_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

/** VRF_MTU: ETH_MAX_MTU + the header room vrf.c keeps */
export const VRF_MTU = 65575;

export const vrfKind: LinkKindModel = {
  ...ETHER_SETUP,
  mtu: VRF_MTU,
  minMtu: 1280,
  maxMtu: VRF_MTU,
  noarp: true,
  multicast: false,
  broadcast: false,
  iffMaster: true,
  queued: false,
  infoKind: 'vrf',
  // vrf is NETIF_F_NETNS_LOCAL (vrf_setup: dev->features |= NETIF_F_NETNS_LOCAL)
  netnsLocal: true,
  portRefusal: 'EINVAL',
  portCost: 100,
  carrier: () => true,
  operState: () => 'UP',
  operUpWhileDown: () => false,
  linkwatch: false,
  tsoMaxSize: () => GSO_LEGACY_MAX_SIZE,
};
