/**
 * `nettwin reach --compare OLD NEW`: differential reachability, as Batfish answers it. Both
 * files run in the simulator; a pair is a source namespace and a destination address (with the
 * namespace holding it), and it is gained when NEW answers a ping OLD did not, lost the other
 * way. A pair one lab lacks (a namespace or address added or removed) counts as unreachable
 * there. Exit status for CI: 1 when a pair is lost, 0 otherwise (gains are fine).
 */
import { ip4ToString } from '../model/ip.js';
import { colorsFor, useColor } from './colors.js';
import { simulatedLab } from './lab-after.js';
import type { Lab } from '../lab.js';

/** One pair: `from` pings `to` (an address of `at`). */
export interface ReachPair {
  from: string;
  to: string;
  at: string;
}

export interface ReachComparison {
  old: string;
  new: string;
  /** pairs in each lab, and how many of them get a reply */
  before: { pairs: number; reachable: number };
  after: { pairs: number; reachable: number };
  gained: ReachPair[];
  lost: ReachPair[];
}

const key = (p: ReachPair) => `${p.from}\0${p.to}\0${p.at}`;

/** Every pair of a lab that ran, and whether it gets a reply (keyed by from, to and at). */
export type ReachPairs = Map<string, { pair: ReachPair; ok: boolean }>;

/** The pairs of a lab as it is now (the web view's editor compares two runs with these). */
export function reachPairs(lab: Lab): ReachPairs {
  const r = lab.reach({ track: false });
  const m = r.matrix();
  const nd = r.destinations.length;
  const out: ReachPairs = new Map();
  for (let i = 0; i < r.sources.length; i++) {
    for (let j = 0; j < nd; j++) {
      const d = r.destinations[j]!;
      const pair = { from: r.sources[i]!.path, to: ip4ToString(d.addr), at: d.ns.path };
      const k = key(pair);
      // the same address held twice: a reply from either is a reply
      out.set(k, { pair, ok: (out.get(k)?.ok ?? false) || m[i * nd + j] === 1 });
    }
  }
  return out;
}

/** What NEW gained and lost against OLD: a pair one side lacks counts as unreachable there. */
export function comparePairs(a: ReachPairs, b: ReachPairs): { gained: ReachPair[]; lost: ReachPair[] } {
  return {
    gained: [...b].filter(([k, v]) => v.ok && !a.get(k)?.ok).map(([, v]) => v.pair),
    lost: [...a].filter(([k, v]) => v.ok && !b.get(k)?.ok).map(([, v]) => v.pair),
  };
}

/**
 * The pairs NEW gains and loses against OLD.
 *
 * @example (await compareReach('examples/seed/lab.yaml', 'examples/seed/lab-fixed-routes.yaml')).lost // []
 */
export async function compareReach(oldFile: string, newFile: string, opts: { allowOutside?: boolean } = {}): Promise<ReachComparison> {
  const a = reachPairs(await simulatedLab(oldFile, opts));
  const b = reachPairs(await simulatedLab(newFile, opts));
  const count = (m: ReachPairs) => ({ pairs: m.size, reachable: [...m.values()].filter((v) => v.ok).length });
  return { old: oldFile, new: newFile, before: count(a), after: count(b), ...comparePairs(a, b) };
}

export function formatComparison(c: ReachComparison, color = false): string {
  const col = colorsFor({ isTTY: color });
  const list = (ps: ReachPair[], mark: string) => ps.map((p) => `  ${mark} ${p.from} -> ${p.to} (${p.at})\n`).join('');
  let out = `reach: ${c.old} -> ${c.new}: ${c.gained.length} pair(s) gained, ${c.lost.length} lost\n`;
  out += `  before: ${c.before.reachable} of ${c.before.pairs} pairs reachable; after: ${c.after.reachable} of ${c.after.pairs}\n`;
  if (c.gained.length) out += `\ngained (${c.gained.length}):\n${col.green(list(c.gained, '+').trimEnd())}\n`;
  if (c.lost.length) out += `\nlost (${c.lost.length}):\n${col.red(list(c.lost, '-').trimEnd())}\n`;
  return out;
}

/** Exit status: 1 a pair is lost, 0 otherwise; 2 a file cannot be read or used (thrown). */
export async function reachCompareCommand(oldFile: string, newFile: string, opts: { json?: boolean; allowOutside?: boolean }): Promise<number> {
  const c = await compareReach(oldFile, newFile, opts);
  if (opts.json) process.stdout.write(`${JSON.stringify(c)}\n`);
  else process.stdout.write(formatComparison(c, useColor(process.stdout)));
  return c.lost.length ? 1 : 0;
}
