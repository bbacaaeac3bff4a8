/**
 * /proc/net/dev (net/core/net-procfs.c dev_seq_show): two header lines, then one line per device
 * of the namespace in the order it arrived there (for_each_netdev), its counters in the
 * kernel's column widths. The simulator counts some kinds only (sim/dev-stats.ts): with a device
 * of another kind present, the file is not modelled.
 */
import type { Netns } from '../../model/netns.js';
import type { Link } from '../../model/link.js';
import type { LinkCounters } from '../../iproute2/types.js';

const HEADER =
  'Inter-|   Receive                                                |  Transmit\n' +
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';

/** the column widths of dev_seq_printf_stats, each number after one space */
const WIDTHS = [7, 7, 4, 4, 4, 5, 10, 9, 8, 7, 4, 4, 4, 5, 7, 10];

export function procNetDev(ns: Netns, stats: (dev: Link) => LinkCounters | null): string | null {
  let out = HEADER;
  for (const l of ns.links.values()) {
    const s = stats(l);
    if (!s || s.unpredictable) return null;
    const values = [s.rxBytes, s.rxPackets, 0, 0, 0, 0, 0, 0, s.txBytes, s.txPackets, 0, 0, 0, 0, 0, 0];
    out += `${l.name.padStart(6)}:${values.map((v, i) => ` ${String(v).padStart(WIDTHS[i]!)}`).join('')}\n`;
  }
  return out;
}
