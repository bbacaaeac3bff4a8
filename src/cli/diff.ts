/** `nettwin diff FILE`: the same file in both modes; the disagreements, and what could not be compared. */
import { kernelNameFor, runFile } from './run.js';
import { diffFails, diffReport, formatDiffReport } from '../../adapters/linux/diff-report.js';
import { kernelNotes } from '../../adapters/linux/kernel-notes.js';

export interface DiffOptions {
  json?: boolean;
  allowOutside?: boolean;
  /** only disagreements make the exit status 1, not lines the simulator does not model */
  allowUnmodelled?: boolean;
  /** the kernel profile the simulator models (kernel-profile.ts); default `auto` */
  kernel?: string;
}

export async function diffCommand(file: string, opts: DiffOptions): Promise<number> {
  const load = { allowOutside: opts.allowOutside };
  const { resolveKernelProfile } = await import('../../adapters/linux/kernel-detect.js');
  const kernel = await resolveKernelProfile(await kernelNameFor(file, opts.kernel, load));
  const [sim, real] = [await runFile(file, false, load, kernel.profile), await runFile(file, true, load, kernel.profile)];
  const r = diffReport(sim, real);
  if (opts.json) process.stdout.write(`${JSON.stringify({ file, kernel: kernel.profile.name, ...r }, null, 2)}\n`);
  else process.stdout.write(formatDiffReport(r));
  for (const w of kernel.warnings) process.stderr.write(`nettwin: ${w}\n`);
  for (const n of kernelNotes(real, kernel.profile)) process.stderr.write(`nettwin: ${n}\n`);
  return diffFails(r, !!opts.allowUnmodelled) ? 1 : 0;
}
