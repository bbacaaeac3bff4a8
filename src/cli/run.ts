/** `nettwin run FILE [--json] [--real]` */
import { Lab } from '../lab.js';
import type { LabModel } from '../model/lab-model.js';
import type { Step } from '../exec/step.js';
import { isLabFile } from '../labfile/path.js';
import { loadInput } from './load.js';
import type { LabSpec } from '../labfile/spec.js';
import { formatSteps } from './format-steps.js';

export interface RunOptions {
  json?: boolean;
  real?: boolean;
  /** with real: simulate, then materialize the end state into prefixed machine namespaces */
  persist?: boolean;
  /** with persist: the state file */
  state?: string;
  /** write one pcap file per device that carried simulated traffic into this folder */
  pcap?: string;
}

/** A lab file, read and checked (the YAML parser is loaded only for one). */
async function loadLab(file: string): Promise<LabSpec> {
  const { loadLabFile } = await import('../labfile/load.js');
  return loadLabFile(file);
}

/** runLabSim, loaded when a lab file is run. */
async function labSim(): Promise<typeof import('../labfile/sim-lab.js').runLabSim> {
  return (await import('../labfile/sim-lab.js')).runLabSim;
}

/** Runs the file in the simulator and returns its steps and the model they left. */
export async function simulateFile(file: string): Promise<{ steps: Step[]; model: LabModel }> {
  if (isLabFile(file)) {
    const spec = await loadLab(file);
    const { lab, steps } = (await labSim())(spec);
    return { steps, model: lab.model };
  }
  const input = loadInput(file);
  const lab = new Lab();
  return { steps: lab.host('host').sh(input.text, { file: input.file }), model: lab.model };
}

/** Runs the file in the chosen mode and returns its steps. */
export async function runFile(file: string, real: boolean): Promise<Step[]> {
  if (isLabFile(file)) {
    const spec = await loadLab(file);
    if (real) {
      const { runLabReal } = await import('../../adapters/linux/real-lab.js');
      const { progressBar } = await import('./progress.js');
      const bar = await progressBar('real', 'lines');
      try {
        return await runLabReal(spec, { onProgress: (done, total) => bar.update(done, total) });
      } finally {
        bar.stop();
      }
    }
    return (await labSim())(spec).steps;
  }
  const input = loadInput(file);
  if (real) {
    // the sandbox starts opening before the rest of real mode is even loaded
    const { Sandbox } = await import('../../adapters/linux/sandbox.js');
    const sandbox = Sandbox.open({ hosts: ['host'] });
    sandbox.catch(() => {});
    const { runScriptInSandbox } = await import('../../adapters/linux/run-real.js');
    const { progressBar } = await import('./progress.js');
    const bar = await progressBar('real', 'lines');
    try {
      return await runScriptInSandbox(input.text, { file: input.file, host: 'host', sandbox, onProgress: (line, lines) => bar.update(line, lines) });
    } finally {
      bar.stop();
    }
  }
  const lab = new Lab();
  return lab.host('host').sh(input.text, { file: input.file });
}

export async function runCommand(file: string, opts: RunOptions): Promise<number> {
  if (opts.pcap !== undefined) {
    if (opts.real || opts.persist) {
      process.stderr.write('nettwin run: --pcap captures the simulation; with --real, run tcpdump -w in the sandbox instead\n');
      return 2;
    }
    return runWithPcap(file, opts);
  }
  if (opts.persist) return runPersist(file, opts);
  if (opts.real) {
    const { requireRealMode } = await import('../../adapters/linux/preconditions.js');
    for (const w of requireRealMode()) process.stderr.write(`nettwin: ${w}\n`);
  }
  const steps = await runFile(file, !!opts.real);
  const mode = opts.real ? 'real' : 'sim';
  if (opts.json) {
    process.stdout.write(JSON.stringify({ mode, steps }, null, 2) + '\n');
  } else {
    process.stdout.write(formatSteps(steps, mode));
  }
  return 0;
}

/** `run FILE --pcap DIR`: the simulation, with every device that carried traffic captured. */
async function runWithPcap(file: string, opts: RunOptions): Promise<number> {
  const { Capture, busTap } = await import('../../sim/pcap/capture.js');
  const { writePcapFiles } = await import('./pcap-files.js');
  let capture: InstanceType<typeof Capture> | null = null;
  const attach = (lab: { sim: Lab['sim'] }) => {
    capture = new Capture(busTap(lab.sim));
  };
  let steps: Step[];
  if (isLabFile(file)) {
    const spec = await loadLab(file);
    steps = (await labSim())(spec, { attach }).steps;
  } else {
    const input = loadInput(file);
    const lab = new Lab();
    attach(lab);
    steps = lab.host('host').sh(input.text, { file: input.file });
  }
  const written = writePcapFiles(opts.pcap!, capture!);
  if (opts.json) process.stdout.write(JSON.stringify({ mode: 'sim', steps, pcap: written }, null, 2) + '\n');
  else {
    process.stdout.write(formatSteps(steps, 'sim'));
    process.stderr.write(`nettwin: ${written.length} pcap file(s) in ${opts.pcap}${written.map((w) => `\n  ${w.file} (${w.packets} packets)`).join('')}\n`);
  }
  return 0;
}

/**
 * `run --real --persist`: the file runs in the simulator (a script is never replayed on the
 * machine, whose namespaces it would name); the lab it leaves is materialized into prefixed
 * namespaces of this machine, recorded for `nettwin destroy`.
 */
async function runPersist(file: string, opts: RunOptions): Promise<number> {
  if (!opts.real) throw new Error('--persist needs --real');
  const { requireRealMode, persistProblems } = await import('../../adapters/linux/preconditions.js');
  const warnings = requireRealMode(undefined, persistProblems());
  for (const w of warnings) process.stderr.write(`nettwin: ${w}\n`);
  const { steps, model } = await simulateFile(file);
  const { materialize } = await import('../../adapters/linux/materialize.js');
  const { defaultStatePath } = await import('../../adapters/linux/persist.js');
  const statePath = opts.state ?? defaultStatePath();
  const real = await materialize(model, { persist: { statePath } });
  const mapping = Object.fromEntries(real.mapping);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ mode: 'sim+persist', steps, persist: { prefix: real.run!.prefix, statePath, mapping, warnings: real.plan.warnings } }, null, 2) + '\n');
    return 0;
  }
  let out = formatSteps(steps, 'sim');
  out += `\nnettwin: the lab is now on this machine, in namespaces ${real.run!.prefix}*:\n`;
  for (const [path, name] of real.mapping) out += `  ${path} -> ${name}   (ip netns exec ${name} …)\n`;
  for (const w of real.plan.warnings) out += `  warning: ${w}\n`;
  out += `remove them with: nettwin destroy${opts.state ? ` --state ${opts.state}` : ''}\n`;
  process.stdout.write(out);
  return 0;
}
