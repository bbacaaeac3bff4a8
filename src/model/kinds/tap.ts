/** A tap device (drivers/net/tun.c, IFF_TAP): an Ethernet tun, carrier while a process holds it open. */
import type { Link } from '../link.js';
import { GSO_LEGACY_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const tapKind: LinkKindModel = {
  ...ETHER_SETUP,
  // tun_net_init: MAX_MTU less the Ethernet header
  maxMtu: 65521,
  queued: true,
  infoKind: 'tun',
  carrier: (l: Link) => l.tun!.attached,
  operState: (l: Link) => (l.tun!.attached ? 'UNKNOWN' : 'DOWN'),
  operUpWhileDown: () => false,
  linkwatch: false,
  tsoMaxSize: () => GSO_LEGACY_MAX_SIZE,
};
