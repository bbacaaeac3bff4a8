/**
 * An intermediate functional block (drivers/net/ifb.c, ifb_setup): ether_setup, then NOARP and
 * no MULTICAST, a random MAC, any MTU (min_mtu = max_mtu = 0), a short transmit queue
 * (TX_Q_LIMIT: txqueuelen 32) under the default qdisc (pfifo_fast once opened: it is not
 * IFF_NO_QUEUE), one queue each way. It has no carrier events: UNKNOWN with carrier once up.
 * What it is given to send it drops, unless a tc mirred action redirected it there
 * (sim/links/ifb.ts: then it goes back to the device it came from).
 */
import { GSO_MAX_SIZE, type LinkKindModel } from './kind.js';

export const ifbKind: LinkKindModel = {
  mtu: 1500,
  minMtu: 0,
  maxMtu: 0,
  randomMac: true,
  zeroBroadcast: false,
  txqlen: 32,
  pointopoint: false,
  noarp: true,
  multicast: false,
  type: 'ether',
  hwAddrLen: 6,
  queued: true,
  queues: 1,
  infoKind: 'ifb',
  netnsLocal: false,
  deletable: true,
  portRefusal: null,
  onNetnsDelete: 'destroy',
  // ifb's ethtool_ops report no speed: the cost of an unknown one
  portCost: 100,
  ipv6ll: 'eui64',
  carrier: () => true,
  operState: () => 'UNKNOWN',
  operUpWhileDown: () => true,
  linkwatch: false,
  // ifb_setup sets no TSO limit of its own (measured: tso_max_size 524280)
  tsoMaxSize: () => GSO_MAX_SIZE,
};
