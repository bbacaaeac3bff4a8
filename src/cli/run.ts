/** `nettwin run FILE [--json] [--real]` */
import { Lab } from '../lab.js';
import type { LabModel } from '../model/lab-model.js';
import type { Step } from '../exec/step.js';
import { isLabFile } from '../labfile/path.js';
import { readSetupFile, SetupRefused } from '../labfile/setup-file.js';
import type { LoadLabOptions } from '../labfile/load.js';
import { loadInput, type LoadedScript } from './load.js';
import type { LabSpec } from '../labfile/spec.js';
import { formatSteps } from './format-steps.js';
import { usageFailure } from './usage.js';
import type { KernelProfile } from '../model/kernel-profile.js';
import { coverageReport, divergenceNote, formatCoverage } from '../exec/coverage.js';

export interface RunOptions {
  json?: boolean;
  real?: boolean;
  /** with real: simulate, then materialize the end state into prefixed machine namespaces */
  persist?: boolean;
  /** with persist: the state file */
  state?: string;
  /** with persist: the lab's name (run-persist.ts) */
  name?: string;
  /** write one pcap file per device that carried traffic into this folder (run-pcap.ts) */
  pcap?: string;
  /** with pcap: when the simulated clock starts (seconds since 1970, or an ISO time) */
  epoch?: string;
  /** a lab file's setup scripts may be outside its folder */
  allowOutside?: boolean;
  /** print how many lines were modelled, partial, not modelled and skipped, per feature */
  coverage?: boolean;
  /** the kernel profile the simulator models: `auto` (default) or a recorded one (kernel-profile.ts) */
  kernel?: string;
}

/** A lab file, read and checked (the YAML parser is loaded only for one). */
async function loadLab(file: string, opts: LoadLabOptions): Promise<LabSpec> {
  const { loadLabFile } = await import('../labfile/load.js');
  return loadLabFile(file, opts);
}

/** What a run is given: a lab file, checked, or a script, read. */
export type RunInput = { kind: 'lab'; spec: LabSpec } | LoadedScript;

/** Reads FILE once (a lab file or a script), so that both sides of a diff run the same text. */
export async function loadRunInput(file: string, opts: LoadLabOptions = {}): Promise<RunInput> {
  return isLabFile(file) ? { kind: 'lab', spec: await loadLab(file, opts) } : loadInput(file);
}

/** The kernel profile a run models: `--kernel` when given, else a lab file's `kernel:` key, else `auto`. */
export async function kernelNameFor(file: string, cli: string | undefined, opts: LoadLabOptions = {}): Promise<string> {
  if (cli !== undefined && cli !== 'auto') return cli;
  if (!isLabFile(file)) return 'auto';
  try {
    return (await loadLab(file, opts)).kernel ?? 'auto';
  } catch {
    return 'auto'; // the run itself reports what is wrong with the file
  }
}

/** runLabSim, loaded when a lab file is run. */
async function labSim(): Promise<typeof import('../labfile/sim-lab.js').runLabSim> {
  return (await import('../labfile/sim-lab.js')).runLabSim;
}

/** Runs the file in the simulator and returns its steps and the model they left. */
export async function simulateFile(file: string, opts: LoadLabOptions = {}): Promise<{ steps: Step[]; model: LabModel }> {
  const input = await loadRunInput(file, opts);
  if (input.kind === 'lab') {
    const { lab, steps } = (await labSim())(input.spec);
    return { steps, model: lab.model };
  }
  const lab = new Lab();
  return { steps: lab.host('host').sh(input.text, { file: input.file, readSource: sourceBeside(input.file) }), model: lab.model };
}

/** Runs the file in the chosen mode and returns its steps; `kernel`: the profile the simulator models (default: the stock one; real mode: this machine's). */
export async function runFile(file: string, real: boolean, opts: LoadLabOptions = {}, kernel?: KernelProfile): Promise<Step[]> {
  return runInput(await loadRunInput(file, opts), real, kernel);
}

/** Runs what was read in the chosen mode and returns its steps. */
export async function runInput(input: RunInput, real: boolean, kernel?: KernelProfile): Promise<Step[]> {
  if (input.kind === 'lab') {
    const spec = input.spec;
    if (real) {
      const { runLabReal } = await import('../../adapters/linux/real-lab.js');
      const { progressBar } = await import('./progress.js');
      const bar = await progressBar('real', 'lines');
      try {
        return await runLabReal(spec, { onProgress: (done, total) => bar.update(done, total), kernel });
      } finally {
        bar.stop();
      }
    }
    return (await labSim())(spec, { kernel }).steps;
  }
  if (real) {
    // the sandbox starts opening before the rest of real mode is even loaded
    const { Sandbox, sandboxKernelFor } = await import('../../adapters/linux/sandbox.js');
    const sandbox = Sandbox.open({ hosts: ['host'], kernel: sandboxKernelFor(kernel) });
    sandbox.catch(() => {});
    const { runScriptInSandbox } = await import('../../adapters/linux/run-real.js');
    const { progressBar } = await import('./progress.js');
    const bar = await progressBar('real', 'lines');
    try {
      return await runScriptInSandbox(input.text, { file: input.file, host: 'host', sandbox, onProgress: (line, lines) => bar.update(line, lines), kernel, readSource: sourceBeside(input.file) });
    } finally {
      bar.stop();
    }
  }
  const lab = new Lab({ kernel });
  return lab.host('host').sh(input.text, { file: input.file, readSource: sourceBeside(input.file) });
}

/**
 * `source FILE` in a script: a file beside it, by the rule a lab file's setup scripts follow
 * (inside the script's folder, a regular text file of bounded size).
 */
export function sourceBeside(script: string): (name: string) => { text: string } | { error: string } {
  return (name) => {
    try {
      return { text: readSetupFile(script, name).text };
    } catch (e) {
      if (e instanceof SetupRefused)
        return {
          error: e.message
            .replace(/^setup script "[^"]*" /, '')
            .replace(/ \(setup paths stay[^)]*\)/, '')
            .replace(/the lab file's folder/g, "the script's folder")
            .replace(/relative to the lab file/g, 'relative to the script'),
        };
      throw e;
    }
  };
}

export async function runCommand(file: string, opts: RunOptions): Promise<number> {
  if (opts.pcap !== undefined) return (await import('./run-pcap.js')).runWithPcap(file, opts);
  if (opts.persist) return (await import('./run-persist.js')).runPersist(file, opts);
  if (opts.state !== undefined) return usageFailure('run', '--state goes with --persist (it names the file a --persist run records what it made in)');
  if (opts.real) {
    const { requireRealMode } = await import('../../adapters/linux/preconditions.js');
    for (const w of requireRealMode()) process.stderr.write(`nettwin: ${w}\n`);
  }
  const { resolveKernelProfile } = await import('../../adapters/linux/kernel-detect.js');
  const kernel = await resolveKernelProfile(await kernelNameFor(file, opts.kernel, { allowOutside: opts.allowOutside }));
  for (const w of kernel.warnings) process.stderr.write(`nettwin: ${w}\n`);
  const steps = await runFile(file, !!opts.real, { allowOutside: opts.allowOutside }, kernel.profile);
  if (opts.real) for (const n of (await import('../../adapters/linux/kernel-notes.js')).kernelNotes(steps, kernel.profile)) process.stderr.write(`nettwin: ${n}\n`);
  const mode = opts.real ? 'real' : 'sim';
  const coverage = coverageReport(steps);
  if (opts.json) {
    const { name, release, source } = kernel.profile;
    process.stdout.write(`${JSON.stringify({ mode, kernel: { name, release, source }, steps, coverage }, null, 2)}\n`);
  } else {
    let out = formatSteps(steps, mode);
    if (coverage.divergedAt) out += `${divergenceNote(coverage.divergedAt, mode, new Set(steps.map((s) => s.host)).size > 1)}\n`;
    if (opts.coverage) out += `\nkernel profile: ${kernel.profile.name} (${kernel.profile.description})\n${formatCoverage(coverage)}`;
    process.stdout.write(out);
  }
  return 0;
}
