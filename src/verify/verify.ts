/**
 * Verification of a lab: parse the intents, check that every namespace they name exists in the
 * lab, then judge each intent with the simulator's answers (lab files: `verify-file.ts`; on the
 * kernel: `real.ts`).
 */
import type { Twin } from '../twin/twin.js';
import { checkIntents, type Prober, type Verdict } from './check.js';
import type { ForwardingEngine } from './engine.js';
import { parseIntentValues, resolveIntentNamespaces, type Intent, type IntentProblem } from './intents.js';
import { SimProber } from './sim-prober.js';

/**
 * The outcome of verifying a lab: verdicts, or the problems that kept it from being checked.
 *
 * @example
 * const r: VerifyReport = lab.verify([{ 'no-loops': {} }]);
 * if (r.problems.length) console.error(r.problems); else console.log(r.holds);
 */
export interface VerifyReport {
  /** the lab file, or null for intents given through the API */
  file: string | null;
  mode: 'sim' | 'real';
  /** true when there were intents, no problems, and every intent holds */
  holds: boolean;
  /** entries that could not be used (nothing was judged when there are any) */
  problems: IntentProblem[];
  verdicts: Verdict[];
  timeMs: number;
}

/**
 * The intents of a lab that ran, their namespaces resolved to the lab's paths, and their
 * problems: their form, then names the lab does not have.
 */
export function intentsFor(lab: Twin, raw: { intents: Intent[]; problems: IntentProblem[] }): { intents: Intent[]; problems: IntentProblem[] } {
  const known = lab.model.namespaces().map((n) => n.path);
  const resolved = resolveIntentNamespaces(raw.intents, known);
  const problems = [...raw.problems, ...resolved.problems].sort((a, b) => a.line - b.line);
  return { intents: resolved.intents, problems };
}

/** Judges intents against a prober, timing the whole. */
export function report(file: string | null, mode: 'sim' | 'real', intents: Intent[], problems: IntentProblem[], prober: Prober | null, t0: number): VerifyReport {
  const verdicts = problems.length || !prober ? [] : checkIntents(intents, prober);
  const holds = problems.length === 0 && verdicts.length > 0 && verdicts.every((v) => v.holds);
  return { file, mode, holds, problems, verdicts, timeMs: performance.now() - t0 };
}

/**
 * Checks intents given as objects of the lab file's shape against a lab as it is now (what
 * `lab.verify` does).
 *
 * @example
 * verifyLab(lab, [{ reach: { from: 'node1/NS1', to: '172.16.1.2' } }]).holds;
 */
export function verifyLab(lab: Twin, values: readonly unknown[], opts: { engine?: ForwardingEngine } = {}): VerifyReport {
  const t0 = performance.now();
  const { intents, problems } = intentsFor(lab, parseIntentValues(values));
  return report(null, 'sim', intents, problems, new SimProber(lab.model, lab.sim, opts.engine), t0);
}
