/**
 * A tun device (drivers/net/tun.c, IFF_TUN): ARPHRD_NONE, POINTOPOINT and NOARP, no hardware
 * address, carrier while a process holds it open; addrconf gives it a random link-local.
 */
import type { Link } from '../link.js';
import { GSO_LEGACY_MAX_SIZE, type LinkKindModel } from './kind.js';

export const tunKind: LinkKindModel = {
  mtu: 1500,
  minMtu: 68,
  maxMtu: 65535,
  randomMac: false,
  zeroBroadcast: false,
  // tun_setup: 500 (a tap is set up by ether_setup afterwards: 1000)
  txqlen: 500,
  pointopoint: true,
  noarp: true,
  type: 'none',
  hwAddrLen: 0,
  queued: true,
  queues: 1,
  infoKind: 'tun',
  netnsLocal: false,
  deletable: true,
  portRefusal: 'EINVAL',
  onNetnsDelete: 'destroy',
  portCost: 2,
  ipv6ll: 'random',
  carrier: (l: Link) => l.tun!.attached,
  operState: (l: Link) => (l.tun!.attached ? 'UNKNOWN' : 'DOWN'),
  operUpWhileDown: () => false,
  linkwatch: false,
  tsoMaxSize: () => GSO_LEGACY_MAX_SIZE,
};
