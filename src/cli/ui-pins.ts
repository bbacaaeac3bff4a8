/**
 * What the web view pins to the drawing: `lint`'s findings and the `expect:` intents that fail
 * (`verify`), each on the namespaces it concerns, so a mistake is seen where it is. The same
 * rules and judging as the CLI's; nothing here decides anything of its own.
 */
import type { Step } from '../exec/step.js';
import type { LabSpec } from '../labfile/spec.js';
import { lint } from '../lint/index.js';
import { ipStep } from '../lint/step-ns.js';
import type { LabModel } from '../model/lab-model.js';
import type { Pin } from '../ui/view.js';
import type { Intent } from '../verify/intents.js';
import { verifyLabSim } from '../verify/verify-file.js';
import { lintLab } from './lint.js';

/** The namespaces a finding is about: the one its line ran in (a ping's own, or read from the command as lint reads it), else its host's own. */
function findingNs(f: { file: string; line: number; host: string }, steps: Step[], known: Set<string>): string[] {
  const step = steps.find((s) => s.file === f.file && s.line === f.line && s.host === f.host);
  const ns = step ? (step.ping?.from ?? ipStep(step)?.ns ?? f.host) : f.host;
  if (known.has(ns)) return [ns];
  return known.has(f.host) ? [f.host] : [];
}

/** The namespaces an intent names as its sources; none for a lab-wide one (no-loops). */
function intentNs(i: Intent): string[] {
  switch (i.kind) {
    case 'reach':
    case 'isolated':
    case 'service':
    case 'via':
      return [i.from];
    case 'all-reach':
      return i.among;
    case 'no-blackholes':
      return i.from ?? [];
    case 'no-loops':
      return [];
  }
}

/** Pins of a lab file (findings, then failing intents) or of a script (findings only), for the lab a run left. */
export function pinsOf(spec: LabSpec | null, run: { model: LabModel; steps: Step[] }, script: { file: string; text: string } | null): Pin[] {
  const known = new Set(run.model.namespaces().map((n) => n.path));
  const findings = spec
    ? lintLab(spec, run.model, run.steps)
    : lint({ steps: run.steps, model: run.model, sources: script ? [{ file: script.file, text: script.text, firstLine: 1, host: 'host' }] : [] });
  const pins: Pin[] = findings.map((f) => ({
    source: 'lint',
    severity: f.severity,
    ns: findingNs(f, run.steps, known),
    file: f.file,
    line: f.line,
    title: f.rule,
    text: f.message,
    fix: f.fix,
  }));
  if (!spec?.expect.length) return pins;
  // verify runs the lab again: its pings must not warm the caches of the run the view explains
  const report = verifyLabSim(spec);
  for (const p of report.problems) pins.push({ source: 'expect', severity: 'error', ns: [], file: spec.file, line: p.line, title: 'expect', text: p.message });
  for (const v of report.verdicts) {
    if (v.holds) continue;
    pins.push({ source: 'expect', severity: 'error', ns: intentNs(v.intent).filter((n) => known.has(n)), file: spec.file, line: v.intent.line, title: v.name, text: v.summary, fix: v.why.join('\n') });
  }
  return pins;
}
