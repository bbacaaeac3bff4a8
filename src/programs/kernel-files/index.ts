/**
 * The kernel's files a script reads besides sysctls — /sys/class/net/IF/ATTR and
 * /proc/net/{route,arp} — answered from the model in the namespace the reader runs in.
 * /proc/net/dev lists the simulator's packet counters, where it keeps them for every device.
 */
import type { Netns } from '../../model/netns.js';
import type { Link } from '../../model/link.js';
import type { DynamicNeighbour, LinkCounters } from '../../iproute2/types.js';
import { checkKernelPath } from '../../model/kernel-path.js';
import { readSysfsNet } from './sysfs-net.js';
import { procNetRoute } from './proc-net-route.js';
import { procNetArp } from './proc-net-arp.js';
import { procNetDev } from './proc-net-dev.js';

export { listNetdevs } from './sysfs-net.js';

/** A file's text, its read error, or null when nettwin does not model it. */
export function readKernelFile(ns: Netns, path: string, neighbours: () => DynamicNeighbour[], stats?: (dev: Link) => LinkCounters | null): { text: string } | { error: string } | null {
  const c = checkKernelPath(path);
  if (!c.ok) return null;
  const f = c.file;
  if (f.kind === 'sysfs-net') return readSysfsNet(ns, f.ifname, f.attr);
  if (f.kind === 'proc-net') {
    if (f.file === 'route') return { text: procNetRoute(ns) };
    if (f.file === 'arp') return { text: procNetArp(ns, neighbours()) };
    const dev = stats ? procNetDev(ns, stats) : null;
    return dev === null ? null : { text: dev };
  }
  return null;
}
