/** Human output of a run: each command echoed like `bash -x`, what it printed, a summary. */
import { colorsFor, type Colors } from './colors.js';
import type { Step } from '../exec/step.js';
import type { JobReport } from '../exec/job.js';

/** A background job that ended: what it printed (as a terminal shows it) and why it ended. */
function formatJob(j: JobReport, multiHost: boolean, pc: Colors): string {
  let out = j.stderr ? pc.red(j.stderr.endsWith('\n') ? j.stderr : `${j.stderr}\n`) : '';
  const where = multiHost ? `${j.host} ` : '';
  out += `${pc.yellow(`nettwin: background job ${where}line ${j.line} exited with status ${j.exit}${j.why ? `: ${j.why}` : ''}`)}\n`;
  return out;
}

export function formatSteps(steps: Step[], mode: string, pc: Colors = colorsFor(process.stdout)): string {
  let out = '';
  let multiHost = new Set(steps.map((s) => s.host)).size > 1;
  for (const s of steps) {
    const where = multiHost ? `[${s.host}] ` : '';
    out += `${pc.dim(`+ ${where}${s.command}`)}\n`;
    out += s.stdout;
    const err = s.stderr ? pc.red(s.stderr.endsWith('\n') ? s.stderr : `${s.stderr}\n`) : '';
    if (s.modelled === false && mode === 'real') out += `${err}${pc.yellow(`nettwin: not modelled by the simulator: the kernel answered (exit ${s.exit})`)}\n`;
    else if (s.modelled === false) out += `${pc.yellow(`nettwin: not modelled, skipped (--real runs it on the kernel): ${s.command}`)}\n`;
    else if (!s.supported) out += `${pc.yellow(`nettwin: not modelled, skipped: ${s.command}`)}\n`;
    else {
      out += err;
      if (s.modelled === 'partial') out += `${pc.yellow(`nettwin: partly modelled: kept but not simulated: ${(s.ignored ?? []).join(', ')}`)}\n`;
    }
    for (const j of s.jobs ?? []) out += formatJob(j, multiHost, pc);
  }
  const supported = steps.filter((s) => s.supported);
  const failed = supported.filter((s) => s.exit !== 0);
  const unsupported = steps.length - supported.length;
  const kernelOnly = steps.filter((s) => s.modelled === false).length;
  const split = kernelOnly ? ` (${kernelOnly} not modelled${mode === 'real' ? ', answered by the kernel' : ''}, ${unsupported - kernelOnly} skipped)` : '';
  out += `\nnettwin (${mode}): ${steps.length} commands: ${supported.length - failed.length} ok, ${failed.length} failed, ${unsupported} unsupported${split}\n`;
  multiHost = false;
  return out;
}
