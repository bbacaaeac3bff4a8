/**
 * Kernel comparison: run a script in the simulator and, sandboxed, on the kernel, and return
 * the disagreements. Tests assert there are none: the kernel is the specification.
 */
import { Lab } from '../../src/lab.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { diffSteps, formatDiff, type Disagreement } from '../../adapters/linux/diff-steps.js';
import type { Step } from '../../src/exec/step.js';

export interface Comparison {
  sim: Step[];
  real: Step[];
  diffs: Disagreement[];
  report: string;
}

export async function compareScript(text: string, file = '<case>'): Promise<Comparison> {
  const sim = new Lab().host('host').sh(text, { file });
  const real = await runScriptInSandbox(text, { file, host: 'host' });
  const diffs = diffSteps(sim, real);
  return { sim, real, diffs, report: diffs.length ? formatDiff(diffs, real.length) : '' };
}
