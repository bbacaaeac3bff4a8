/** A tap device (drivers/net/tun.c, IFF_TAP): an Ethernet tun, carrier while a process holds it open. */
import type { Link } from '../link.js';
import { GSO_LEGACY_MAX_SIZE, type LinkKindModel } from './kind.js';

export const tapKind: LinkKindModel = {
  mtu: 1500,
  minMtu: 68,
  // tun_net_init: MAX_MTU less the Ethernet header
  maxMtu: 65521,
  randomMac: true,
  zeroBroadcast: false,
  txqlen: 1000,
  pointopoint: false,
  noarp: false,
  type: 'ether',
  hwAddrLen: 6,
  queued: true,
  queues: 1,
  infoKind: 'tun',
  netnsLocal: false,
  deletable: true,
  portRefusal: null,
  onNetnsDelete: 'destroy',
  portCost: 2,
  ipv6ll: 'eui64',
  carrier: (l: Link) => l.tun!.attached,
  operState: (l: Link) => (l.tun!.attached ? 'UNKNOWN' : 'DOWN'),
  operUpWhileDown: () => false,
  linkwatch: false,
  tsoMaxSize: () => GSO_LEGACY_MAX_SIZE,
};
