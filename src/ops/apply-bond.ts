/** Bonds (drivers/net/bonding: bond_newlink, bond_enslave's refusals), in the kernel's words. */
import { createLink } from '../model/device.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { kernelError } from './errors.js';
import type { LinkAddOp } from './op.js';

/** bond_newlink: the new bond (apply-link.ts finishes it as any other). */
export function makeBond(ns: Netns, op: LinkAddOp): Link {
  const s = op.bond;
  const l = createLink(ns, op.name ?? freeName(ns), 'bond');
  l.bond = {
    mode: s?.mode ?? 'balance-rr',
    miimon: s?.miimon ?? 0,
    updelay: s?.updelay ?? 0,
    downdelay: s?.downdelay ?? 0,
    slaves: [],
    active: null,
    rrNext: 0,
    macSet: op.address !== null,
    featuresComputed: false,
  };
  return l;
}

function freeName(ns: Netns): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`bond${i}`)) return `bond${i}`;
}

/** bond_enslave's refusals: a device that is up, or a bond as its own slave. */
export function checkBondEnslave(bond: Link, dev?: Link): void {
  if (dev === bond) throw kernelError('Cannot enslave bond to itself.');
  if (dev?.up) throw kernelError('Device can not be enslaved while up');
}
