/** veth (drivers/net/veth.c): carrier while both ends are up; linkwatch keeps its operstate. */
import type { Link } from '../link.js';
import { GSO_MAX_SIZE, POSSIBLE_CPUS, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const vethKind: LinkKindModel = {
  ...ETHER_SETUP,
  queues: POSSIBLE_CPUS,
  perCpuQueues: true,
  infoKind: 'veth',
  carrier: (l: Link) => l.peer !== null && l.peer.up,
  operState: (l, s) => s.watchedOperState(l),
  operUpWhileDown: () => false,
  linkwatch: true,
  tsoMaxSize: () => GSO_MAX_SIZE,
};
