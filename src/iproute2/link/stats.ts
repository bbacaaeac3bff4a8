/**
 * `ip -s link`'s counters (ip/ipaddress.c print_stats64 of iproute2 6.1, text output): an RX and a
 * TX header and one line of numbers each, every column as wide as its header or its widest
 * number, the header of a compressed count left blank when it is 0. With `-s -s`, an `RX errors`
 * and a `TX errors` pair of lines after each: the simulator's devices make no errors, and
 * `transns` is the device's carrier changes.
 */
import type { Link } from '../../model/link.js';
import type { LinkCounters } from '../types.js';
import type { ShowCtx } from './show-ctx.js';

/** the widths print_stats64 starts from: strlen of "*X errors:", "packets", … "otherhost" */
const START = ['*X errors:', 'packets', 'errors', 'dropped', 'heartbt', 'overrun', 'compressed', 'otherhost'].map((h) => h.length);

const digits = (n: number): number => String(n).length;
const num = (width: number, n: number): string => `${String(n).padStart(width)} `;
const head = (width: number, h: string): string => h.padStart(width);

/** print_stats64's text, after the `_SL_` that ends the link line before it. */
export function printLinkStats(c: ShowCtx, s: LinkCounters, link: Link): void {
  const rx = [s.rxBytes, s.rxPackets, 0, 0, 0, 0, 0, 0];
  const tx = [s.txBytes, s.txPackets, 0, 0, 0, 0, 0, 0];
  const cols = START.map((w, i) => Math.max(w, digits(rx[i]!), digits(tx[i]!)));
  const sl = c.sl;
  const line = (label: string, names: string[], values: number[]): string =>
    `    ${label}: ${head(cols[0]! - 4, names[0]!)} ${names
      .slice(1)
      .map((n, i) => head(cols[i + 1]!, n))
      .join(' ')} ${head(cols[6]!, '')}${sl}    ${values
      .slice(0, 6)
      .map((v, i) => num(cols[i]!, v))
      .join('')}`;
  // the error lines: a header after `*X errors:`, the numbers under it, columns 1 to 5
  const errors = (label: string, names: string[], values: number[]): string =>
    `${sl}    ${label} errors:${names.map((n, i) => ` ${head(cols[i + 1]!, n)}`).join('')}${sl}${' '.repeat(cols[0]! + 5)}${values.map((v, i) => num(cols[i + 1]!, v)).join('')}`;
  c.p.text(line('RX', ['bytes', 'packets', 'errors', 'dropped', 'missed', 'mcast'], rx));
  if (c.errorStats) c.p.text(errors('RX', ['length', 'crc', 'frame', 'fifo', 'overrun'], [0, 0, 0, 0, 0]));
  c.p.text(sl);
  c.p.text(line('TX', ['bytes', 'packets', 'errors', 'dropped', 'carrier', 'collsns'], tx));
  if (c.errorStats) c.p.text(errors('TX', ['aborted', 'fifo', 'window', 'heartbt', 'transns'], [0, 0, 0, 0, link.carrierChanges ?? 0]));
}
