/** Geneve devices (drivers/net/geneve.c geneve_newlink, geneve_configure): one per id, remote and port. */
import { createLink } from '../model/device.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { ERRNO, rtnetlinkError } from './errors.js';
import type { LinkAddOp } from './op.js';

/** GENEVE_UDP_PORT */
export const GENEVE_PORT = 6081;

/** geneve_configure: a device with the same id, remote and port is EBUSY. */
export function makeGeneve(ns: Netns, op: LinkAddOp): Link {
  const s = op.geneve!;
  const dstport = s.dstport ?? GENEVE_PORT;
  const same = ns.linkList().some((l) => l.geneve && l.geneve.id === s.id && l.geneve.remote === s.remote && l.geneve.dstport === dstport);
  if (same) throw rtnetlinkError(ERRNO.EBUSY);
  const l = createLink(ns, op.name ?? freeName(ns), 'geneve');
  l.geneve = { id: s.id ?? 0, remote: s.remote ?? 0, ttl: s.ttl ?? 0, dstport };
  return l;
}

function freeName(ns: Netns): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`geneve${i}`)) return `geneve${i}`;
}
