/** `nettwin diff FILE`: the same file in both modes; only the disagreements. */
import { runFile } from './run.js';
import { diffSteps, formatDiff } from '../../adapters/linux/diff-steps.js';

export async function diffCommand(file: string, opts: { json?: boolean; allowOutside?: boolean }): Promise<number> {
  const load = { allowOutside: opts.allowOutside };
  const [sim, real] = [await runFile(file, false, load), await runFile(file, true, load)];
  const diffs = diffSteps(sim, real);
  if (opts.json) process.stdout.write(`${JSON.stringify({ file, disagreements: diffs }, null, 2)}\n`);
  else process.stdout.write(formatDiff(diffs, sim.length));
  return diffs.length ? 1 : 0;
}
