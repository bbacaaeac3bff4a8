/**
 * A lab host's NIC: carrier while the cable's far end is up (or always, with no cable). In
 * real mode it is one end of a veth pair, so it shows itself as one; it cannot be deleted,
 * and goes back to its host's root namespace when its namespace is deleted.
 */
import type { Link } from '../link.js';
import { GSO_MAX_SIZE, POSSIBLE_CPUS, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const etherKind: LinkKindModel = {
  ...ETHER_SETUP,
  queues: POSSIBLE_CPUS,
  perCpuQueues: true,
  infoKind: 'veth',
  deletable: false,
  onNetnsDelete: 'home',
  carrier: (l: Link) => (l.cable ? l.cable.up : true),
  operState: (l, s) => s.watchedOperState(l),
  operUpWhileDown: () => false,
  linkwatch: true,
  tsoMaxSize: () => GSO_MAX_SIZE,
};
