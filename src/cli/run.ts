/** `nettwin run FILE [--json] [--real]` */
import { Lab } from '../lab.js';
import type { Step } from '../script/step.js';
import { loadInput } from './load.js';
import { isLabFile, loadLabFile } from '../labfile/load.js';
import { runLabSim } from '../labfile/sim-lab.js';
import { formatSteps } from './format-steps.js';

export interface RunOptions {
  json?: boolean;
  real?: boolean;
}

/** Runs the file in the chosen mode and returns its steps. */
export async function runFile(file: string, real: boolean): Promise<Step[]> {
  if (isLabFile(file)) {
    const spec = loadLabFile(file);
    if (real) {
      const { runLabReal } = await import('../../adapters/linux/real-lab.js');
      return runLabReal(spec);
    }
    return runLabSim(spec).steps;
  }
  const input = loadInput(file);
  if (real) {
    const { runScriptInSandbox } = await import('../../adapters/linux/run-real.js');
    return runScriptInSandbox(input.text, { file: input.file, host: 'host' });
  }
  const lab = new Lab();
  return lab.host('host').sh(input.text, { file: input.file });
}

export async function runCommand(file: string, opts: RunOptions): Promise<number> {
  const steps = await runFile(file, !!opts.real);
  const mode = opts.real ? 'real' : 'sim';
  if (opts.json) {
    process.stdout.write(JSON.stringify({ mode, steps }, null, 2) + '\n');
  } else {
    process.stdout.write(formatSteps(steps, mode));
  }
  return 0;
}
