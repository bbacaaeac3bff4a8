/** `nettwin lint FILE`: mistakes found before anything runs. */
import { Lab } from '../lab.js';
import { formatFindings, lint, type LintInput } from '../lint/index.js';
import type { LabModel } from '../model/lab-model.js';
import type { LabSpec } from '../labfile/spec.js';
import { parseIntents, resolveIntentNamespaces, type Target } from '../verify/intents.js';
import { addressOfNs } from '../verify/describe.js';
import { isLabFile, loadLabFile, type LoadLabOptions } from '../labfile/load.js';
import { runLabSim } from '../labfile/sim-lab.js';
import { loadInput } from './load.js';
import type { Step } from '../exec/step.js';

/** What a lab's reach, via and all-reach intents expect to reach, as pairs (the intents verify cannot use are verify's to report). */
function expected(spec: LabSpec, model: LabModel): NonNullable<LintInput['expect']> {
  const { intents } = resolveIntentNamespaces(
    parseIntents(spec.expect).intents,
    model.namespaces().map((ns) => ns.path),
  );
  const out: NonNullable<LintInput['expect']> = [];
  const to = (t: Target) => (t.kind === 'addr' ? t.addr : t.kind === 'ns' ? addressOfNs(model, t.ns) : null);
  for (const i of intents) {
    // lint's rules read IPv4 routes: an IPv6 intent is verify's alone
    if ((i.kind === 'reach' || i.kind === 'via') && (i.to.kind === 'addr6' || (i.to.kind === 'ns' && i.to.family === 6))) continue;
    const pairs: [string, number | null][] =
      i.kind === 'reach' || i.kind === 'via'
        ? [[i.from, to(i.to)]]
        : i.kind === 'all-reach'
          ? i.among.flatMap((a) => i.among.filter((b) => b !== a).map((b): [string, number | null] => [a, addressOfNs(model, b)]))
          : [];
    for (const [from, addr] of pairs) if (addr !== null) out.push({ from, to: addr, file: spec.file, line: i.line });
  }
  return out;
}

/** The findings on a lab file that already ran (the web view lints the lab it shows). */
export function lintLab(spec: LabSpec, model: LabModel, steps: Step[]) {
  const sources = spec.hosts.filter((h) => h.setup).map((h) => ({ file: h.setup!.file, text: h.setup!.text, firstLine: h.setup!.firstLine, host: h.name }));
  return lint({ steps, model, sources, expect: expected(spec, model) });
}

export function lintFile(file: string, opts: LoadLabOptions = {}) {
  if (isLabFile(file)) {
    const spec = loadLabFile(file, opts);
    const { lab, steps } = runLabSim(spec);
    return lintLab(spec, lab.model, steps);
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
