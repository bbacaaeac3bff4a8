/**
 * A dummy device (drivers/net/dummy.c): ether_setup, then NOARP and no MULTICAST, no queue
 * (IFF_NO_QUEUE: noqueue), a random MAC, any MTU (min_mtu = max_mtu = 0); no carrier events,
 * so it is UNKNOWN with carrier once up; it swallows whatever it is given to send.
 */
import { GSO_LEGACY_MAX_SIZE, type LinkKindModel } from './kind.js';

export const dummyKind: LinkKindModel = {
  mtu: 1500,
  minMtu: 0,
  maxMtu: 0,
  randomMac: true,
  zeroBroadcast: false,
  txqlen: 1000,
  pointopoint: false,
  noarp: true,
  multicast: false,
  type: 'ether',
  hwAddrLen: 6,
  queued: false,
  queues: 1,
  infoKind: 'dummy',
  netnsLocal: false,
  deletable: true,
  portRefusal: null,
  onNetnsDelete: 'destroy',
  // dummy's ethtool_ops have no link settings: no speed, the cost of an unknown one
  portCost: 100,
  ipv6ll: 'eui64',
  carrier: () => true,
  operState: () => 'UNKNOWN',
  operUpWhileDown: () => true,
  linkwatch: false,
  tsoMaxSize: () => GSO_LEGACY_MAX_SIZE,
};
