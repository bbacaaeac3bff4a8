/** A lab file verified in the simulator: its setups and `run` list, then its `expect` section. */
import { runLabSim } from '../labfile/sim-lab.js';
import type { LabSpec } from '../labfile/spec.js';
import type { ForwardingEngine } from './engine.js';
import { parseIntents } from './intents.js';
import { SimProber } from './sim-prober.js';
import { intentsFor, report, type VerifyReport } from './verify.js';

/**
 * Runs a lab file's setups and `run` list in the simulator and checks its `expect` section.
 *
 * @example
 * const r = verifyLabSim(loadLabFile('examples/seed/verify.yaml'));
 * r.holds; // true
 */
export function verifyLabSim(spec: LabSpec, opts: { engine?: ForwardingEngine } = {}): VerifyReport {
  const t0 = performance.now();
  const { lab } = runLabSim(spec);
  const { intents, problems } = intentsFor(lab, parseIntents(spec.expect));
  return report(spec.file, 'sim', intents, problems, new SimProber(lab.model, lab.sim, opts.engine), t0);
}
