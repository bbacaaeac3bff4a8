/**
 * What every field printer of `ip link|addr show` shares (ip/ipaddress.c's globals and
 * lib/utils.c helpers): the run's printer and options, the line break of `-o`, index names.
 * Below both link/fields.ts and link/details.ts, which use it and not each other's.
 */
import type { Netns } from '../../model/netns.js';
import type { Printer } from '../print.js';
import type { Link } from '../../model/link.js';
import type { LinkCounters } from '../types.js';

/** What one `ip link|addr show` run prints with, shared by every field printer. */
export interface ShowCtx {
  p: Printer;
  /** the namespace the command runs in: names of indexes and of namespace ids resolve here */
  ns: Netns;
  /** _SL_: the line separator, `\` with `-o` */
  sl: string;
  /** `ip link` (do_link) rather than `ip addr` */
  doLink: boolean;
  brief: boolean;
  details: boolean;
  oneline: boolean;
  /** filter.family: `link` is AF_PACKET (`ip link`, `ip -0 addr`) */
  family: 'inet' | 'inet6' | 'link' | null;
  /** `-s`: a link's counters after it (`ip -s link`) */
  stats?: (dev: Link) => LinkCounters | null;
  /** `-s -s`: the RX and TX error lines too */
  errorStats?: boolean;
}

/** print_nl: a line break in text (the `\` of `-o`), nothing in JSON. */
export function printNl(c: ShowCtx): void {
  c.p.text(c.sl);
}

/** printf's `%-Ns`. */
export function padRight(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** ll_index_to_name: a name for an index of this namespace, `ifN` when there is none. */
export function indexName(ns: Netns, ifindex: number): string {
  if (ifindex === 0) return '*';
  return ns.linkByIndex(ifindex)?.name ?? `if${ifindex}`;
}
