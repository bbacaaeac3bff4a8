/**
 * A bond (drivers/net/bonding/bond_main.c bond_setup): an Ethernet master with IFF_MASTER, no
 * queue (IFF_NO_QUEUE), 16 transmit queues (the tx_queues module parameter), a random MAC until
 * its first slave lends it one. Its carrier is its slaves' (bond_set_carrier: one whose link
 * miimon sees up is enough, min_links 0); with none it is DOWN. model/bond.ts keeps the slaves'
 * state and the active one.
 */
import type { Link } from '../link.js';
import { GSO_LEGACY_MAX_SIZE, GSO_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const bondKind: LinkKindModel = {
  ...ETHER_SETUP,
  iffMaster: true,
  queued: false,
  queues: 16,
  infoKind: 'bond',
  portCost: 100,
  carrier: (l: Link) => !!l.bond?.slaves.some((s) => s.bondSlave?.mii),
  operState: (l, s) => (s.hasCarrier(l) ? 'UP' : 'DOWN'),
  operUpWhileDown: () => false,
  linkwatch: false,
  // bond_compute_features: the smallest of the slaves', once computed; bond_setup's until then
  tsoMaxSize: (l, depth, s) => {
    const b = l.bond;
    if (!b?.featuresComputed) return GSO_LEGACY_MAX_SIZE;
    let m = GSO_MAX_SIZE;
    if (depth < 4) for (const sl of b.slaves) m = Math.min(m, s.tsoMaxSize(sl, depth + 1));
    return m;
  },
};
