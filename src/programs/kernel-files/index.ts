/**
 * The kernel's files a script reads besides sysctls — /sys/class/net/IF/ATTR and
 * /proc/net/{route,arp} — answered from the model in the namespace the reader runs in.
 * /proc/net/dev needs per-device packet counters, which the simulator does not keep: not modelled.
 */
import type { Netns } from '../../model/netns.js';
import type { DynamicNeighbour } from '../../iproute2/types.js';
import { checkKernelPath } from '../../model/kernel-path.js';
import { readSysfsNet } from './sysfs-net.js';
import { procNetRoute } from './proc-net-route.js';
import { procNetArp } from './proc-net-arp.js';

export { listNetdevs } from './sysfs-net.js';

/** A file's text, its read error, or null when nettwin does not model it. */
export function readKernelFile(ns: Netns, path: string, neighbours: () => DynamicNeighbour[]): { text: string } | { error: string } | null {
  const c = checkKernelPath(path);
  if (!c.ok) return null;
  const f = c.file;
  if (f.kind === 'sysfs-net') return readSysfsNet(ns, f.ifname, f.attr);
  if (f.kind === 'proc-net') {
    if (f.file === 'route') return { text: procNetRoute(ns) };
    if (f.file === 'arp') return { text: procNetArp(ns, neighbours()) };
    return null;
  }
  return null;
}
