/**
 * Shrinking a lab by deleting steps. Any subset of a lab's steps, in order, is still a runnable
 * script (a command whose namespace or device is gone fails the way the kernel makes it fail),
 * so deletion is always safe; the candidates come biggest first — a whole namespace with every
 * step that names it, then halves, quarters, … single steps — the way delta debugging does.
 */
import type { LabDescription, LabStep } from './lab-description.js';

/** Whether a step names namespace `ns` (runs there, moves a device there, creates it). */
function mentions(step: LabStep, ns: string): boolean {
  if (step.kind === 'netns-add') return step.name === ns;
  if (step.in === ns) return true;
  if (step.kind === 'link-move') return step.to === ns;
  if (step.kind === 'veth-add') return step.peerIn === ns;
  return false;
}

function withSteps(lab: LabDescription, steps: LabStep[]): LabDescription {
  const out: LabDescription = { ...lab, steps };
  if (lab.title !== undefined && !lab.title.endsWith(SHRUNK)) out.title = lab.title + SHRUNK;
  return out;
}

/** Marks the title of a lab that lost steps, so its header does not promise what is gone. */
const SHRUNK = ' (shrunk)';

/**
 * Smaller labs, each with some steps deleted, biggest deletions first.
 *
 * @example
 * for (const smaller of stepRemovals(lab)) if (stillFails(smaller)) { lab = smaller; break; }
 */
export function* stepRemovals(lab: LabDescription): Generator<LabDescription> {
  const steps = lab.steps;
  const n = steps.length;
  if (n === 0) return;
  // a whole namespace and everything that names it
  for (const s of steps) {
    if (s.kind !== 'netns-add') continue;
    const kept = steps.filter((x) => !mentions(x, s.name));
    if (kept.length < n) yield withSteps(lab, kept);
  }
  // chunks, from half the lab down to single steps (the last steps first: they depend on the rest)
  for (let size = Math.max(1, n >> 1); ; size = Math.max(1, size >> 1)) {
    for (let end = n; end > 0; end -= size) {
      const start = Math.max(0, end - size);
      yield withSteps(lab, [...steps.slice(0, start), ...steps.slice(end)]);
    }
    if (size === 1) break;
  }
}

/** How hard `minimizeLab` tries. */
export interface MinimizeOptions {
  /** stop trying after this long (the best lab so far is returned); default: no limit */
  budgetMs?: number;
  /** stop after this many runs of `fails`; default: no limit */
  maxRuns?: number;
}

/** What `minimizeLab` found: the shortest lab that still fails, and how many runs it took. */
export interface Minimized {
  lab: LabDescription;
  /** how many times `fails` ran */
  runs: number;
  /** false when the budget ran out before no deletion kept the failure */
  complete: boolean;
}

/**
 * The smallest lab reachable by deleting steps that still fails: greedy, restarting from each
 * smaller failing lab, until no single deletion keeps the failure (1-minimal) or the budget
 * runs out. For properties too slow for fast-check's synchronous shrinking loop, e.g. a kernel
 * run per candidate.
 *
 * @example
 * const { lab } = await minimizeLab(big, async (l) => (await disagreements(l)).length > 0);
 */
export async function minimizeLab(lab: LabDescription, fails: (lab: LabDescription) => Promise<boolean> | boolean, opts: MinimizeOptions = {}): Promise<Minimized> {
  const deadline = opts.budgetMs === undefined ? Infinity : Date.now() + opts.budgetMs;
  const maxRuns = opts.maxRuns ?? Infinity;
  let current = lab;
  let runs = 0;
  const tried = new Set<string>();
  for (;;) {
    let smaller: LabDescription | null = null;
    for (const candidate of stepRemovals(current)) {
      if (Date.now() > deadline || runs >= maxRuns) return { lab: current, runs, complete: false };
      const key = JSON.stringify(candidate.steps);
      if (tried.has(key)) continue;
      tried.add(key);
      runs++;
      if (await fails(candidate)) {
        smaller = candidate;
        break;
      }
    }
    if (!smaller) return { lab: current, runs, complete: true };
    current = smaller;
  }
}
