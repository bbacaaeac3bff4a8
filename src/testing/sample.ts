/**
 * Reproducible batches of labs: the same seed gives the same labs, and lab i of a batch does
 * not depend on how many come after it, so `--count 10` starts with the labs of `--count 5`.
 */
import fc from 'fast-check';
import { lab, type LabOptions } from './arb-lab.js';
import type { LabDescription } from './lab-description.js';

/** fast-check takes 32-bit seeds. */
export function normalizeSeed(seed: number): number {
  return Math.trunc(seed) | 0;
}

/**
 * `count` labs drawn with `seed`, each titled with how to make it again.
 *
 * @example sampleLabs(42, 3).map(toScript)
 */
export function sampleLabs(seed: number, count: number, opts: LabOptions = {}): LabDescription[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`sampleLabs: count must be a non-negative integer, got ${count}`);
  if (count === 0) return [];
  const s = normalizeSeed(seed);
  return fc.sample(lab(opts), { seed: s, numRuns: count }).map((l, i) => ({ ...l, title: `nettwin gen --seed ${s}: lab ${i + 1}` }));
}
