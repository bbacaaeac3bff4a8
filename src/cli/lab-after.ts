/**
 * The simulated lab after a file ran, for the commands that only need its end state (reach,
 * explain, graph). A lab file's YAML parser is loaded only for a lab file.
 */
import { Lab } from '../lab.js';
import type { LoadLabOptions } from '../labfile/load.js';
import { isLabFile } from '../labfile/path.js';
import { loadInput } from './load.js';
import type { Step } from '../exec/step.js';

/** Runs FILE (a script on host `host`, or a lab file) in the simulator; the lab it leaves. */
export async function simulatedLab(file: string, opts: LoadLabOptions = {}): Promise<Lab> {
  return (await simulatedRun(file, opts)).lab;
}

/** Runs FILE in the simulator: the lab it leaves and the steps that made it. */
export async function simulatedRun(file: string, opts: LoadLabOptions = {}): Promise<{ lab: Lab; steps: Step[] }> {
  if (isLabFile(file)) {
    const { loadLabFile } = await import('../labfile/load.js');
    const { runLabSim } = await import('../labfile/sim-lab.js');
    const run = runLabSim(loadLabFile(file, opts));
    return { lab: new Lab(run.lab), steps: run.steps };
  }
  const input = loadInput(file);
  const lab = new Lab();
  const steps = lab.host('host').sh(input.text, { file });
  return { lab, steps };
}
