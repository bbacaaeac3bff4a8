/**
 * VRF devices (drivers/net/vrf.c vrf_newlink, vrf_add_slave): the table, the l3mdev rules the
 * first one adds, and the refusals in the kernel's words.
 */
import { createLink } from '../model/device.js';
import type { Link, LinkKind } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { addL3mdevRules } from '../model/vrf.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import type { LinkAddOp } from './op.js';

/** vrf_newlink: the new VRF device (apply-link.ts finishes it as any other). */
export function makeVrf(ns: Netns, op: LinkAddOp, master: Link | null): Link {
  const table = op.vrf?.table ?? null;
  if (table === null) throw kernelError('VRF table id is missing');
  if (table === 0) throw kernelError('Invalid VRF table id');
  if (master) throw rtnetlinkError(ERRNO.EINVAL);
  const l = createLink(ns, op.name ?? freeName(ns), 'vrf');
  l.vrf = { table };
  // vrf_rtable_create, vrf_rt6_create: the tables exist from now on (empty until a port's routes come)
  ns.table(table);
  ns.inet6.table(table);
  addL3mdevRules(ns);
  return l;
}

function freeName(ns: Netns): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`vrf${i}`)) return `vrf${i}`;
}

/** vrf_add_slave: an L3 master (another VRF) is refused in its words. */
export function checkVrfEnslave(kind: LinkKind): void {
  if (kind === 'vrf') throw kernelError('Can not enslave an L3 master device to a VRF');
}
