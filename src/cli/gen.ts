/**
 * `nettwin gen --seed S --count N --out DIR`: random labs from nettwin/testing's arbitraries,
 * written as scripts DIR/001.sh … . The same seed gives the same files, and file i does not
 * depend on N.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sampleLabs } from '../testing/sample.js';
import { toScript } from '../testing/to-script.js';
import { labNamespaces, labPings } from '../testing/lab-description.js';

export interface GenOptions {
  seed: number;
  count: number;
  out: string;
}

/** Most labs one call writes: a batch is for reading and running, not for filling a disk. */
const MAX_COUNT = 100_000;

/** The file name of lab `i` (1-based) in a batch of `count`: 001.sh, or wider for big batches. */
export function genFileName(i: number, count: number): string {
  return `${String(i).padStart(Math.max(3, String(count).length), '0')}.sh`;
}

/**
 * Writes the batch and prints one line about it; returns the exit status (0, or 2 for bad
 * options or an unwritable folder, with the reason on stderr).
 *
 * @example await genCommand({ seed: 42, count: 20, out: 'labs' }) // labs/001.sh … labs/020.sh
 */
export async function genCommand(opts: GenOptions): Promise<number> {
  const fail = (msg: string): number => {
    process.stderr.write(`nettwin gen: ${msg}\n`);
    return 2;
  };
  if (!Number.isSafeInteger(opts.seed)) return fail(`--seed must be an integer, got "${opts.seed}"`);
  if (!Number.isSafeInteger(opts.count) || opts.count < 1 || opts.count > MAX_COUNT) return fail(`--count must be an integer from 1 to ${MAX_COUNT}, got "${opts.count}"`);
  if (!opts.out) return fail('--out DIR is required');
  const labs = sampleLabs(opts.seed, opts.count);
  try {
    fs.mkdirSync(opts.out, { recursive: true });
    labs.forEach((lab, i) => {
      fs.writeFileSync(path.join(opts.out, genFileName(i + 1, opts.count)), toScript(lab), { mode: 0o755 });
    });
  } catch (e) {
    return fail(`cannot write to ${opts.out}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const big = labs.filter((l) => labNamespaces(l).length >= 3).length;
  const pings = labs.reduce((n, l) => n + labPings(l).length, 0);
  process.stdout.write(
    `nettwin gen: wrote ${labs.length} lab(s) to ${opts.out} (seed ${opts.seed}): ${big} with three or more namespaces, ${pings} pings\n`,
  );
  return 0;
}
