/**
 * Verification of a lab: parse the intents, run the lab, check that every namespace they name
 * exists, then judge each intent with the simulator's answers (or, `real.ts`, the kernel's).
 */
import type { Lab } from '../lab.js';
import { runLabSim } from '../labfile/sim-lab.js';
import type { LabSpec } from '../labfile/spec.js';
import { checkIntents, type Prober, type Verdict } from './check.js';
import type { ForwardingEngine } from './engine.js';
import { parseIntents, parseIntentValues, unknownNamespaces, type Intent, type IntentProblem } from './intents.js';
import { SimProber } from './sim-prober.js';

/** The outcome of verifying a lab: verdicts, or the problems that kept it from being checked. */
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

/** Problems with the intents of a lab that ran: their form, then namespaces it does not have. */
export function intentsFor(lab: Lab, raw: { intents: Intent[]; problems: IntentProblem[] }): { intents: Intent[]; problems: IntentProblem[] } {
  const known = lab.model.namespaces().map((n) => n.path);
  const problems = [...raw.problems, ...unknownNamespaces(raw.intents, known)].sort((a, b) => a.line - b.line);
  return { intents: raw.intents, problems };
}

/** Judges intents against a prober, timing the whole. */
export function report(file: string | null, mode: 'sim' | 'real', intents: Intent[], problems: IntentProblem[], prober: Prober | null, t0: number): VerifyReport {
  const verdicts = problems.length || !prober ? [] : checkIntents(intents, prober);
  const holds = problems.length === 0 && verdicts.length > 0 && verdicts.every((v) => v.holds);
  return { file, mode, holds, problems, verdicts, timeMs: performance.now() - t0 };
}

/**
 * Runs a lab file's setups and `run` list in the simulator and checks its `expect` section.
 *
 * @example
 * const r = verifyLabSim(loadLabFile('examples/verify/lab.yaml'));
 * r.holds; // true
 */
export function verifyLabSim(spec: LabSpec, opts: { engine?: ForwardingEngine } = {}): VerifyReport {
  const t0 = performance.now();
  const { lab } = runLabSim(spec);
  const { intents, problems } = intentsFor(lab, parseIntents(spec.expect));
  return report(spec.file, 'sim', intents, problems, new SimProber(lab.model, lab.sim, opts.engine), t0);
}

/**
 * Checks intents given as objects of the lab file's shape against a lab as it is now (what
 * `lab.verify` does).
 */
export function verifyLab(lab: Lab, values: readonly unknown[], opts: { engine?: ForwardingEngine } = {}): VerifyReport {
  const t0 = performance.now();
  const { intents, problems } = intentsFor(lab, parseIntentValues(values));
  return report(null, 'sim', intents, problems, new SimProber(lab.model, lab.sim, opts.engine), t0);
}
