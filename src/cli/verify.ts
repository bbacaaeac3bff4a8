/** `nettwin verify FILE [--real] [--json] [--junit PATH]`: check a lab file's `expect` section. */
import { outputPathProblem, writeOutputFile } from '../files/output-path.js';
import { loadLabFile, isLabFile } from '../labfile/load.js';
import { LabFileError } from '../labfile/spec.js';
import { formatReport, reportJson } from '../verify/format.js';
import { junitXml } from '../verify/junit.js';
import { verifyLabSim } from '../verify/verify-file.js';
import type { VerifyReport } from '../verify/verify.js';
import { colorsFor } from './colors.js';
import { usageFailure } from './usage.js';

export interface VerifyOptions {
  real?: boolean;
  json?: boolean;
  /** write a JUnit XML report here */
  junit?: string;
  /** a lab file's setup scripts may be outside its folder */
  allowOutside?: boolean;
  /** the kernel profile (kernel-profile.ts); default: the lab file's `kernel:` key */
  kernel?: string;
}

/**
 * Prints one line per intent (and why each failure fails). Exit status: 0 every intent holds,
 * 1 one fails, 2 the file cannot be used (unreadable, invalid, bad intents, no intents).
 */
export async function verifyCommand(file: string, opts: VerifyOptions): Promise<number> {
  if (!isLabFile(file)) return usageFailure('verify', `${file}: intents live in a lab file (.yaml) with an \`expect\` section`);
  // a report nettwin may not write is refused before anything runs
  const badJunit = opts.junit === undefined ? null : outputPathProblem(opts.junit);
  if (badJunit) {
    process.stderr.write(`nettwin verify: --junit ${opts.junit}: ${badJunit}\n`);
    return 2;
  }
  let r: VerifyReport;
  try {
    const spec = loadLabFile(file, { allowOutside: opts.allowOutside });
    if (opts.kernel !== undefined && opts.kernel !== 'auto') spec.kernel = opts.kernel;
    if (opts.real && spec.expect.length === 0) {
      // nothing to check: no sandbox is opened for it
      r = verifyLabSim(spec);
    } else if (opts.real) {
      const { requireRealMode } = await import('../../adapters/linux/preconditions.js');
      for (const w of requireRealMode()) process.stderr.write(`nettwin: ${w}\n`);
      const { verifyLabReal } = await import('../../adapters/linux/verify-real.js');
      r = await verifyLabReal(spec);
    } else {
      r = verifyLabSim(spec);
    }
  } catch (e) {
    if (e instanceof LabFileError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.junit) writeOutputFile(opts.junit, junitXml(r));
  if (opts.json) process.stdout.write(`${JSON.stringify(reportJson(r), null, 2)}\n`);
  else if (r.problems.length || !r.verdicts.length) process.stderr.write(formatReport(r, colorsFor(process.stderr)));
  else process.stdout.write(formatReport(r, colorsFor(process.stdout)));
  if (r.problems.length || !r.verdicts.length) return 2;
  return r.holds ? 0 : 1;
}
