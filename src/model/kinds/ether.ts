/**
 * A lab host's NIC: carrier while the cable's far end is up (or always, with no cable). In
 * real mode it is one end of a veth pair, so it shows itself as one; it cannot be deleted,
 * and goes back to its host's root namespace when its namespace is deleted.
 */
import type { Link } from '../link.js';
import { GSO_MAX_SIZE, POSSIBLE_CPUS, type LinkKindModel } from './kind.js';

export const etherKind: LinkKindModel = {
  mtu: 1500,
  minMtu: 68,
  maxMtu: 65535,
  randomMac: true,
  zeroBroadcast: false,
  txqlen: 1000,
  pointopoint: false,
  noarp: false,
  type: 'ether',
  hwAddrLen: 6,
  queued: false,
  queues: POSSIBLE_CPUS,
  infoKind: 'veth',
  netnsLocal: false,
  deletable: false,
  portRefusal: null,
  onNetnsDelete: 'home',
  portCost: 2,
  ipv6ll: 'eui64',
  carrier: (l: Link) => (l.cable ? l.cable.up : true),
  operState: (l, s) => s.watchedOperState(l),
  operUpWhileDown: () => false,
  linkwatch: true,
  tsoMaxSize: () => GSO_MAX_SIZE,
};
