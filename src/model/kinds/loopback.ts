/** lo (drivers/net/loopback.c): always has carrier, UNKNOWN, 64 KiB MTU, no MAC, never leaves its namespace. */
import { LOOPBACK_CONF, type IfConf } from '../sysctl.js';
import { GSO_MAX_SIZE, type LinkKindModel } from './kind.js';

export const loopbackKind: LinkKindModel = {
  mtu: 65536,
  minMtu: 0,
  maxMtu: 0,
  randomMac: false,
  zeroBroadcast: true,
  txqlen: 1000,
  pointopoint: false,
  noarp: false,
  type: 'loopback',
  hwAddrLen: 6,
  queued: false,
  queues: 1,
  infoKind: null,
  netnsLocal: true,
  deletable: false,
  portRefusal: 'EINVAL',
  onNetnsDelete: 'stay',
  portCost: 2,
  ipv6ll: 'loopback',
  carrier: () => true,
  operState: () => 'UNKNOWN',
  operUpWhileDown: () => true,
  linkwatch: false,
  tsoMaxSize: () => GSO_MAX_SIZE,
  // inetdev_init on a loopback device: no IPsec policy or transform (set, so conf/default writes skip it)
  confInit(l) {
    for (const [k, v] of Object.entries(LOOPBACK_CONF) as [keyof IfConf, number][]) {
      l.conf[k] = v;
      l.confSet.add(k);
    }
  },
};
