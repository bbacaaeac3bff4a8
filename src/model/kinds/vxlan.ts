/**
 * A VXLAN device (drivers/net/vxlan/): always has carrier, UNKNOWN; its MTU (1450 over a
 * lower `dev`) and options are set when it is made (ops/apply-vxlan.ts); tso_max_size is its
 * lower device's, and so is its speed (a bridge port's cost).
 */
import type { Link } from '../link.js';
import { GSO_LEGACY_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

export const vxlanKind: LinkKindModel = {
  ...ETHER_SETUP,
  infoKind: 'vxlan',
  portCost: 100,
  carrier: () => true,
  operState: () => 'UNKNOWN',
  operUpWhileDown: () => true,
  linkwatch: false,
  // vxlan_get_link_ksettings asks its lower device (none: no speed, cost 100)
  // (the lower device is in the namespace the VXLAN was made in, wherever it is now)
  speedFrom: (l: Link) => (l.vxlan?.dev ? (l.vxlan.net ?? l.ns).linkByName(l.vxlan.dev) : undefined),
  tsoMaxSize(l: Link, depth, s) {
    const lower = l.vxlan?.dev ? (l.vxlan.net ?? l.ns).linkByName(l.vxlan.dev) : undefined;
    return lower && depth < 4 ? s.tsoMaxSize(lower, depth + 1) : GSO_LEGACY_MAX_SIZE;
  },
};
