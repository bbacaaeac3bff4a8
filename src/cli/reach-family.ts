/**
 * Which destinations `reach` answers for: IPv4 addresses (`--family 4`), IPv6 global ones
 * (`--family 6`: link-local ones need a `%dev`), or both (`all`, the default: a dual-stack lab
 * answers for every address it has). One table either way — the same sources, IPv4
 * destinations first — so the matrix, the JSON and the unreachable list print alike.
 */
import { ip4ToString, type Ip4 } from '../model/ip.js';
import { formatIp6, type Ip6 } from '../model/ipv6/ip6.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import type { ReachOptions } from '../../sim/reach/index.js';
import type { Lab } from '../lab.js';

export const FAMILIES = ['4', '6', 'all'] as const;
export type Family = (typeof FAMILIES)[number];

/** The answers of one run of `reach`, whatever the families. */
export interface ReachTable {
  readonly sources: readonly Netns[];
  readonly destinations: readonly { addr: Ip4 | Ip6; ns: Netns; dev: Link }[];
  readonly reachableCount: number;
  /** every pair, 1 reachable / 0 not, row-major (sources × destinations) */
  matrix(): Uint8Array;
}

/** An address as `ip` prints it, either family. */
export function addrText(a: Ip4 | Ip6): string {
  return typeof a === 'bigint' ? formatIp6(a) : ip4ToString(a);
}

/** The reach table of `lab` for `family` (IPv6 once DAD is over, as a `ping -6` waits). */
export function familyReach(lab: Lab, family: Family, opts: ReachOptions): ReachTable {
  if (family === '4') return lab.reach(opts);
  const r6 = lab.reach6(opts);
  if (family === '6') return r6;
  const r4 = lab.reach(opts);
  let all: Uint8Array | null = null;
  return {
    sources: r4.sources,
    destinations: [...r4.destinations, ...r6.destinations],
    get reachableCount() {
      return r4.reachableCount + r6.reachableCount;
    },
    matrix() {
      if (all) return all;
      const a = r4.matrix();
      const b = r6.matrix();
      const n4 = r4.destinations.length;
      const n6 = r6.destinations.length;
      const m = new Uint8Array(a.length + b.length);
      for (let i = 0; i < r4.sources.length; i++) {
        m.set(a.subarray(i * n4, (i + 1) * n4), i * (n4 + n6));
        m.set(b.subarray(i * n6, (i + 1) * n6), i * (n4 + n6) + n4);
      }
      all = m;
      return m;
    },
  };
}
