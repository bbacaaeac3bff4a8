/**
 * Kernel comparison: run a script in the simulator and, sandboxed, on the kernel, and return
 * the disagreements. Tests assert there are none: the kernel is the specification.
 */
import { Lab } from '../../src/lab.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { diffSteps, formatDiff, type Disagreement } from '../../adapters/linux/diff-steps.js';
import type { Step } from '../../src/exec/step.js';
import { resolveKernelProfile } from '../../adapters/linux/kernel-detect.js';

export interface Comparison {
  sim: Step[];
  real: Step[];
  diffs: Disagreement[];
  report: string;
}

export async function compareScript(text: string, file = '<case>'): Promise<Comparison> {
  // the simulator models the kernel it is compared with
  const kernel = (await resolveKernelProfile('auto')).profile;
  const sim = new Lab({ kernel }).host('host').sh(text, { file });
  const real = await runScriptInSandbox(text, { file, host: 'host', kernel });
  const diffs = diffSteps(sim, real);
  return { sim, real, diffs, report: diffs.length ? formatDiff(diffs, real.length) : '' };
}
