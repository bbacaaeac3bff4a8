/**
 * `run FILE --persist [--name LAB]` (implies --real): the file runs in the simulator (a script is
 * never replayed on the machine, whose namespaces it would name); the lab it leaves is
 * materialized into namespaces of this machine named `nt-<lab>-<host>-<ns>`, recorded for
 * `nettwin ls`, `nettwin exec` and `nettwin destroy`. The lab's name is `--name`, else the lab
 * file's `name:`, else made from the file's name.
 */
import { formatSteps } from './format-steps.js';
import { loadRunInput, type RunOptions } from './run.js';
import { outputPathProblem } from '../files/output-path.js';
import { Lab } from '../lab.js';
import type { LabModel } from '../model/lab-model.js';
import type { Step } from '../exec/step.js';
import { LAB_NAME } from '../labfile/spec.js';
import { UsageError } from './usage.js';

export async function runPersist(file: string, opts: RunOptions & { name?: string }): Promise<number> {
  if (opts.name !== undefined && !LAB_NAME.test(opts.name)) throw new UsageError(`--name ${JSON.stringify(opts.name)}: 1-6 lower-case letters or digits, a letter first (e.g. seed)`);
  const { requireRealMode, persistProblems } = await import('../../adapters/linux/preconditions.js');
  const warnings = requireRealMode(undefined, persistProblems());
  for (const w of warnings) process.stderr.write(`nettwin: ${w}\n`);
  const { defaultStatePath, labNameFrom } = await import('../../adapters/linux/persist.js');
  const statePath = opts.state ?? defaultStatePath();
  const bad = outputPathProblem(statePath);
  if (bad) {
    process.stderr.write(`nettwin run: --state ${statePath}: ${bad}\n`);
    return 2;
  }
  const input = await loadRunInput(file, { allowOutside: opts.allowOutside });
  let steps: Step[];
  let model: LabModel;
  if (input.kind === 'lab') {
    const { runLabSim } = await import('../labfile/sim-lab.js');
    const run = runLabSim(input.spec);
    steps = run.steps;
    model = run.lab.model;
  } else {
    const lab = new Lab();
    steps = lab.host('host').sh(input.text, { file: input.file });
    model = lab.model;
  }
  const name = opts.name ?? (input.kind === 'lab' ? input.spec.name : null) ?? labNameFrom(file);
  const { materialize } = await import('../../adapters/linux/materialize.js');
  const real = await materialize(model, { persist: { lab: name, statePath, source: file } });
  const mapping = Object.fromEntries(real.mapping);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ mode: 'sim+persist', steps, persist: { lab: name, prefix: real.run!.prefix, statePath, mapping, warnings: real.plan.warnings } }, null, 2)}\n`);
    return 0;
  }
  const state = opts.state ? ` --state ${opts.state}` : '';
  let out = formatSteps(steps, 'sim');
  out += `\nnettwin: lab ${name} is now on this machine, in namespaces ${real.run!.prefix}*:\n`;
  const width = Math.max(...[...real.mapping.keys()].map((p) => p.length));
  for (const [path, ns] of real.mapping) out += `  ${path.padEnd(width)} -> ${ns}\n`;
  for (const w of real.plan.warnings) out += `  warning: ${w}\n`;
  const some = [...real.mapping.keys()].find((p) => p.includes('/')) ?? [...real.mapping.keys()][0]!;
  out += `run a command in one: nettwin exec ${name} ${some}${state} -- ip -br addr\n`;
  out += `list persisted labs: nettwin ls${state}; remove this one: nettwin destroy ${name}${state}\n`;
  process.stdout.write(out);
  return 0;
}
