/**
 * A VXLAN device (drivers/net/vxlan/): always has carrier, UNKNOWN; its MTU (1450 over a
 * lower `dev`) and options are set when it is made (ops/apply-vxlan.ts); tso_max_size is its
 * lower device's.
 */
import type { Link } from '../link.js';
import { GSO_LEGACY_MAX_SIZE, type LinkKindModel } from './kind.js';

export const vxlanKind: LinkKindModel = {
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
  queues: 1,
  infoKind: 'vxlan',
  netnsLocal: false,
  deletable: true,
  portRefusal: null,
  onNetnsDelete: 'destroy',
  portCost: 100,
  ipv6ll: 'eui64',
  carrier: () => true,
  operState: () => 'UNKNOWN',
  operUpWhileDown: () => true,
  linkwatch: false,
  tsoMaxSize(l: Link, depth, s) {
    const lower = l.vxlan?.dev ? l.ns.linkByName(l.vxlan.dev) : undefined;
    return lower && depth < 4 ? s.tsoMaxSize(lower, depth + 1) : GSO_LEGACY_MAX_SIZE;
  },
};
