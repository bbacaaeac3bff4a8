/**
 * What `nettwin diff` reports: the disagreements between the simulator and the kernel, and
 * apart from them what could not be compared — the lines the simulator does not model (with
 * the kernel's answer to each: real mode ran them) and the lines skipped in both modes (never
 * run) — so that "no disagreement" never hides what was not looked at.
 */
import type { Step } from '../../src/exec/step.js';
import { coverageOf, coverageReport, divergenceNote, type CoverageReport } from '../../src/exec/coverage.js';
import { diffSteps, formatDiff, type Disagreement } from './diff-steps.js';

/**
 * A line the simulator does not model, with what the kernel answered.
 *
 * @example
 * // { line: 7, command: 'iptables -S', feature: 'netfilter', kernel: { exit: 0, stdout: '-P INPUT ACCEPT\n', stderr: '' }, … }
 */
export interface UnmodelledLine {
  line: number;
  file: string;
  host: string;
  command: string;
  feature: string;
  kernel: { exit: number; stdout: string; stderr: string };
}

/**
 * A line neither mode ran, and why.
 *
 * @example
 * // { line: 3, command: 'curl http://x/', why: 'command curl', … }
 */
export interface SkippedLine {
  line: number;
  file: string;
  host: string;
  command: string;
  why: string;
}

/**
 * A modelled line that set something the simulator ignores.
 *
 * @example
 * // { line: 5, command: 'sysctl -w net.ipv4.conf.v0.proxy_arp=1', ignored: ['net.ipv4.conf.v0.proxy_arp'], … }
 */
export interface PartialLine {
  line: number;
  host: string;
  command: string;
  ignored: string[];
}

/**
 * The whole comparison, as `nettwin diff --json` prints it.
 *
 * @example
 * const r = diffReport(sim, real);
 * r.agree;       // lines compared that agree
 * r.unmodelled;  // [{ line: 7, command: 'iptables -P FORWARD DROP', kernel: { exit: 0, … } }]
 */
export interface DiffReport {
  /** steps compared that agree */
  agree: number;
  disagree: Disagreement[];
  unmodelled: UnmodelledLine[];
  skipped: SkippedLine[];
  partial: PartialLine[];
  /** the first line not modelled: later disagreements may come from it */
  divergedAt: CoverageReport['divergedAt'];
}

/**
 * Compares a simulated run with a real one.
 *
 * @example
 * const r = diffReport(new Lab().host('host').sh(script), await runScriptInSandbox(script, { file: 'x.sh', host: 'host' }));
 * r.unmodelled.length; // lines only the kernel answered
 */
export function diffReport(sim: readonly Step[], real: readonly Step[]): DiffReport {
  const disagree = diffSteps([...sim], [...real]);
  const unmodelled: UnmodelledLine[] = [];
  const skipped: SkippedLine[] = [];
  const partial: PartialLine[] = [];
  for (const k of real) {
    const c = coverageOf(k);
    if (c === 'not-modelled')
      unmodelled.push({ line: k.line, file: k.file, host: k.host, command: k.command, feature: k.feature ?? 'other', kernel: { exit: k.exit, stdout: k.stdout, stderr: k.stderr } });
    else if (c === 'skipped') skipped.push({ line: k.line, file: k.file, host: k.host, command: k.command, why: k.stderr.replace(/^nettwin: unsupported: /, '').trimEnd() });
    else if (c === 'partial') partial.push({ line: k.line, host: k.host, command: k.command, ignored: k.ignored ?? [] });
  }
  const differing = new Set(disagree.map((d) => d.index));
  const agree = real.filter((k, i) => coverageOf(k) !== 'not-modelled' && coverageOf(k) !== 'skipped' && !differing.has(i)).length;
  return { agree, disagree, unmodelled, skipped, partial, divergedAt: coverageReport(real).divergedAt };
}

/**
 * Whether `diff` exits 1: a disagreement, or (unless allowed) a line the simulator does not model.
 *
 * @example
 * process.exitCode = diffFails(diffReport(sim, real), false) ? 1 : 0;
 */
export function diffFails(r: DiffReport, allowUnmodelled: boolean): boolean {
  return r.disagree.length > 0 || (!allowUnmodelled && r.unmodelled.length > 0);
}

const indent = (text: string, pad: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');

/**
 * The report as text: the disagreements (or "no disagreement"), then the lines not modelled
 * with the kernel's answers, the lines skipped in both modes, and the first line after which
 * the simulator no longer follows the kernel.
 *
 * @example
 * formatDiffReport({ agree: 12, disagree: [], unmodelled: [], skipped: [], partial: [], divergedAt: null });
 * // "no disagreement: 12 commands agree\n"
 */
export function formatDiffReport(r: DiffReport): string {
  const multiHost = new Set([...r.unmodelled, ...r.skipped].map((x) => x.host)).size > 1;
  const where = (x: { line: number; host: string }) => `line ${x.line}${multiHost ? ` [${x.host}]` : ''}`;
  const compared = r.agree + new Set(r.disagree.map((d) => d.index)).size;
  let out = r.disagree.length ? formatDiff(r.disagree, compared) : `no disagreement: ${r.agree} commands agree\n`;
  if (r.unmodelled.length) {
    out += `${r.unmodelled.length} line(s) not modelled by the simulator, answered by the kernel:\n`;
    for (const u of r.unmodelled) {
      out += `  ${where(u)}: ${u.command}\n    kernel: exit ${u.kernel.exit}\n`;
      if (u.kernel.stdout) out += `${indent(u.kernel.stdout, '    | ')}\n`;
      if (u.kernel.stderr) out += `${indent(u.kernel.stderr, '    ! ')}\n`;
    }
  }
  if (r.skipped.length) {
    out += `${r.skipped.length} line(s) skipped in both modes (never run):\n`;
    for (const s of r.skipped) out += `  ${where(s)}: ${s.command}  (${s.why})\n`;
  }
  if (r.partial.length) {
    out += `${r.partial.length} line(s) set something the simulator ignores:\n`;
    for (const p of r.partial) out += `  ${where(p)}: ${p.command}  (ignored: ${p.ignored.join(', ')})\n`;
  }
  if (r.divergedAt) out += `${divergenceNote(r.divergedAt, 'real', multiHost)}\n`;
  return out;
}
