/**
 * Running a lab description in the simulator, for properties: the script goes through the same
 * path as `nettwin run`, and the pings come back paired with their steps.
 */
import { Twin } from '../twin/twin.js';
import type { Step } from '../exec/step.js';
import type { LabDescription } from './lab-description.js';
import { toScript } from './to-script.js';

/** One ping of a run. */
export interface PingOutcome {
  /** `host` or `host/NS` */
  from: string;
  to: string;
  answered: boolean;
  step: Step;
}

/** A lab run in the simulator: its steps and its pings with their outcomes. */
export interface LabRun {
  script: string;
  /** one per command, as `nettwin run --json` reports them */
  steps: Step[];
  pings: PingOutcome[];
}

/**
 * Runs a lab in a fresh simulated host named `host`.
 *
 * @example
 * const run = simulate(lab);
 * run.pings.filter((p) => !p.answered); // the pings nobody answered
 */
export function simulate(lab: LabDescription, opts: { file?: string } = {}): LabRun {
  const script = toScript(lab);
  const steps = new Twin().run('host', script, { file: opts.file ?? '<lab>' });
  const pings: PingOutcome[] = [];
  for (const step of steps) {
    if (!step.ping) continue;
    pings.push({ from: step.ping.from, to: step.ping.to, answered: step.ping.received > 0, step });
  }
  return { script, steps, pings };
}
