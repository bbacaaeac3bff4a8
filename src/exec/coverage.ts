/**
 * How much of a run the simulator answered, so that a user knows how far to trust the answer
 * before reading it: each step is modelled, partial (modelled, but it set something the
 * simulator ignores), not modelled (a network program's line the simulator skips and real mode
 * runs on the kernel) or skipped (never run in either mode), counted per feature.
 */
import { FEATURE_LABEL, type LineFeature } from './catalogue.js';
import type { Step } from './step.js';

export type Coverage = 'modelled' | 'partial' | 'not-modelled' | 'skipped';

/** Which of the four a step is. */
export function coverageOf(s: Step): Coverage {
  if (s.modelled === false) return 'not-modelled';
  if (!s.supported) return 'skipped';
  return s.modelled === 'partial' ? 'partial' : 'modelled';
}

/** The counts of one feature (or of the whole run). */
export interface CoverageCounts {
  lines: number;
  modelled: number;
  partial: number;
  notModelled: number;
  skipped: number;
}

/**
 * A run's coverage: totals, the counts per feature (features with no line left out), and the
 * first line from which the simulator no longer follows the kernel.
 *
 * @example
 * const c = coverageReport(new Lab().host('h').sh('ip link add br0 type bridge\niptables -A FORWARD -j DROP'));
 * c.total;               // { lines: 2, modelled: 1, partial: 0, notModelled: 1, skipped: 0 }
 * c.byFeature.netfilter; // { lines: 1, modelled: 0, partial: 0, notModelled: 1, skipped: 0 }
 */
export interface CoverageReport {
  total: CoverageCounts;
  byFeature: Partial<Record<LineFeature, CoverageCounts>>;
  /** the first line not modelled: from there on the simulator does not know the kernel's state */
  divergedAt: { line: number; file: string; host: string; command: string } | null;
}

const zero = (): CoverageCounts => ({ lines: 0, modelled: 0, partial: 0, notModelled: 0, skipped: 0 });

function add(c: CoverageCounts, k: Coverage): void {
  c.lines++;
  if (k === 'modelled') c.modelled++;
  else if (k === 'partial') c.partial++;
  else if (k === 'not-modelled') c.notModelled++;
  else c.skipped++;
}

/**
 * Counts a run's steps.
 *
 * @example
 * coverageReport(new Lab().host('h').sh('iptables -L')).total.notModelled; // 1
 */
export function coverageReport(steps: readonly Step[]): CoverageReport {
  const total = zero();
  const byFeature: Partial<Record<LineFeature, CoverageCounts>> = {};
  let divergedAt: CoverageReport['divergedAt'] = null;
  for (const s of steps) {
    const k = coverageOf(s);
    add(total, k);
    add((byFeature[s.feature ?? 'shell'] ??= zero()), k);
    if (k === 'not-modelled' && !divergedAt) divergedAt = { line: s.line, file: s.file, host: s.host, command: s.command };
  }
  return { total, byFeature, divergedAt };
}

/**
 * The sentence a run prints once about the first line the simulator did not model.
 *
 * @example
 * divergenceNote({ line: 7, file: 'x.sh', host: 'host', command: 'iptables -P FORWARD DROP' }, 'real');
 * // 'nettwin: from line 7 (x.sh) the simulator no longer knows the kernel\'s state: iptables -P FORWARD DROP is not modelled'
 */
export function divergenceNote(d: NonNullable<CoverageReport['divergedAt']>, mode: 'sim' | 'real', multiHost = false): string {
  const where = `line ${d.line} (${d.file}${multiHost ? `, ${d.host}` : ''})`;
  return mode === 'real'
    ? `nettwin: from ${where} the simulator no longer knows the kernel's state: \`${d.command}\` is not modelled (the kernel answered it)`
    : `nettwin: from ${where} the simulation may differ from the kernel: \`${d.command}\` is not modelled (skipped here; --real runs it on the kernel)`;
}

/** The coverage as `nettwin run --coverage` prints it. */
export function formatCoverage(c: CoverageReport): string {
  const row = (name: string, x: CoverageCounts) =>
    `  ${name.padEnd(28)} ${String(x.lines).padStart(5)} line${x.lines === 1 ? ' ' : 's'}: ${x.modelled} modelled, ${x.partial} partial, ${x.notModelled} not modelled, ${x.skipped} skipped\n`;
  let out = 'coverage:\n';
  const features = Object.entries(c.byFeature) as [LineFeature, CoverageCounts][];
  features.sort((a, b) => b[1].lines - a[1].lines || FEATURE_LABEL[a[0]].localeCompare(FEATURE_LABEL[b[0]]));
  for (const [f, x] of features) out += row(FEATURE_LABEL[f], x);
  out += row('all', c.total);
  return out;
}
