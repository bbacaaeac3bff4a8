/**
 * The simulated lab after a file ran, for the commands that only need its end state (reach,
 * explain, graph). A lab file's YAML parser is loaded only for a lab file.
 */
import { Lab } from '../lab.js';
import type { LoadLabOptions } from '../labfile/load.js';
import { isLabFile } from '../labfile/path.js';
import { loadInput } from './load.js';

/** Runs FILE (a script on host `host`, or a lab file) in the simulator; the lab it leaves. */
export async function simulatedLab(file: string, opts: LoadLabOptions = {}): Promise<Lab> {
  if (isLabFile(file)) {
    const { loadLabFile } = await import('../labfile/load.js');
    const { runLabSim } = await import('../labfile/sim-lab.js');
    return new Lab(runLabSim(loadLabFile(file, opts)).lab);
  }
  const input = loadInput(file);
  const lab = new Lab();
  lab.host('host').sh(input.text, { file });
  return lab;
}
