/** `nettwin lint FILE`: mistakes found before anything runs. */
import { Lab } from '../lab.js';
import { formatFindings, lint } from '../lint/index.js';
import { isLabFile, loadLabFile, type LoadLabOptions } from '../labfile/load.js';
import { runLabSim } from '../labfile/sim-lab.js';
import { loadInput } from './load.js';

export function lintFile(file: string, opts: LoadLabOptions = {}) {
  if (isLabFile(file)) {
    const spec = loadLabFile(file, opts);
    const { lab, steps } = runLabSim(spec);
    const sources = spec.hosts.filter((h) => h.setup).map((h) => ({ file: h.setup!.file, text: h.setup!.text, firstLine: h.setup!.firstLine, host: h.name }));
    return lint({ steps, model: lab.model, sources });
  }
  const input = loadInput(file);
  const lab = new Lab();
  const steps = lab.host('host').sh(input.text, { file });
  return lint({ steps, model: lab.model, sources: [{ file, text: input.text, firstLine: 1, host: 'host' }] });
}

export async function lintCommand(file: string, opts: { json?: boolean; allowOutside?: boolean }): Promise<number> {
  const findings = lintFile(file, { allowOutside: opts.allowOutside });
  if (opts.json) process.stdout.write(`${JSON.stringify({ file, findings }, null, 2)}\n`);
  else process.stdout.write(formatFindings(findings));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
