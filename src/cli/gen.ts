/**
 * `nettwin gen --seed S --count N --out DIR`: random labs from nettwin/testing's arbitraries,
 * written as scripts DIR/001.sh … . The same seed gives the same files, and file i does not
 * depend on N.
 */
import * as path from 'node:path';
import { makeOutputDir, OutputRefused, outputPathProblem, writeOutputFile } from '../files/output-path.js';
import { usageFailure } from './usage.js';
import { sampleLabs } from '../testing/sample.js';
import { toScript } from '../testing/to-script.js';
import { labNamespaces, labPings } from '../testing/lab-description.js';

export interface GenOptions {
  seed: number;
  count: number;
  out: string;
  /** let segments be macvlans too (nettwin/testing's `macvlan` option) */
  macvlan?: boolean;
  /** the most iptables rules and policies a lab writes (nettwin/testing's `rules` option; 0: none) */
  rules?: number;
}

/** Most labs one call writes: a batch is for reading and running, not for filling a disk. */
const MAX_COUNT = 100_000;

/** The file name of lab `i` (1-based) in a batch of `count`: 001.sh, or wider for big batches. */
export function genFileName(i: number, count: number): string {
  return `${String(i).padStart(Math.max(3, String(count).length), '0')}.sh`;
}

/** The largest seed: fast-check takes 32-bit signed seeds, and a seed is printed as given. */
export const MAX_SEED = 2 ** 31 - 1;

/**
 * Writes the batch and prints one line about it; returns the exit status (0, or 2 for bad
 * options or an unwritable folder, or one under /proc, /sys or /dev, with the reason on stderr).
 *
 * @example await genCommand({ seed: 42, count: 20, out: 'labs' }) // labs/001.sh … labs/020.sh
 */
export async function genCommand(opts: GenOptions): Promise<number> {
  const fail = (msg: string): number => {
    process.stderr.write(`nettwin gen: ${msg}\n`);
    return 2;
  };
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0 || opts.seed > MAX_SEED) return usageFailure('gen', `--seed must be an integer from 0 to ${MAX_SEED}, got "${opts.seed}"`);
  if (!Number.isSafeInteger(opts.count) || opts.count < 1 || opts.count > MAX_COUNT) return usageFailure('gen', `--count must be an integer from 1 to ${MAX_COUNT}, got "${opts.count}"`);
  if (!opts.out) return usageFailure('gen', '--out DIR is required');
  const bad = outputPathProblem(opts.out);
  if (bad) return fail(`cannot write to ${opts.out}: ${bad}`);
  const labs = sampleLabs(opts.seed, opts.count, { macvlan: opts.macvlan === true, rules: opts.rules ?? 0 });
  try {
    makeOutputDir(opts.out);
    labs.forEach((lab, i) => {
      writeOutputFile(path.join(opts.out, genFileName(i + 1, opts.count)), toScript(lab), 0o755);
    });
  } catch (e) {
    return fail(`cannot write to ${opts.out}: ${e instanceof OutputRefused && e.path === opts.out ? e.reason : e instanceof Error ? e.message : String(e)}`);
  }
  const big = labs.filter((l) => labNamespaces(l).length >= 3).length;
  const pings = labs.reduce((n, l) => n + labPings(l).length, 0);
  process.stdout.write(`nettwin gen: wrote ${labs.length} lab(s) to ${opts.out} (seed ${opts.seed}): ${big} with three or more namespaces, ${pings} pings\n`);
  return 0;
}
