/** veth (drivers/net/veth.c): carrier while both ends are up; linkwatch keeps its operstate. */
import type { Link } from '../link.js';
import { GSO_MAX_SIZE, POSSIBLE_CPUS, type LinkKindModel } from './kind.js';

export const vethKind: LinkKindModel = {
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
  deletable: true,
  portRefusal: null,
  onNetnsDelete: 'destroy',
  portCost: 2,
  ipv6ll: 'eui64',
  carrier: (l: Link) => l.peer !== null && l.peer.up,
  operState: (l, s) => s.watchedOperState(l),
  operUpWhileDown: () => false,
  linkwatch: true,
  tsoMaxSize: () => GSO_MAX_SIZE,
};
