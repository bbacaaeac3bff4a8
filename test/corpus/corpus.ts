/**
 * The public corpus (test/cases/corpus/): scripts adapted from public tutorials, courses and
 * repositories, each with a kernel record (records/NAME.json: every command's exit, stdout and
 * stderr on the kernel, made in a sandbox by test/corpus/record.ts; records/NAME.trace: the
 * same script under test/tools/sbx, bash's own trace). What a script's header declares:
 *   # corpus: timing         the kernel's answers depend on timing: compared with the record only
 *   # corpus: second-kernel  needs a link kind or qdisc this kernel lacks (dummy, vlan, netem …)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCases, projectRoot, type Case } from '../real/cases.js';
import type { Step } from '../../src/exec/step.js';
import { diffSteps, type Disagreement } from '../../adapters/linux/diff-steps.js';

export const CORPUS_DIR = path.join(projectRoot, 'test/cases/corpus');
export const RECORDS_DIR = path.join(CORPUS_DIR, 'records');
/** The disagreements the corpus has today, per script: the CI tests hold the runs to exactly these. */
export const GAPS_FILE = path.join(CORPUS_DIR, 'known-disagreements.json');

export interface CorpusCase extends Case {
  timing: boolean;
  secondKernel: boolean;
  source: string;
}

export function corpusCases(): CorpusCase[] {
  return loadCases('corpus').map((c) => ({
    ...c,
    timing: /^# corpus: .*\btiming\b/m.test(c.text),
    secondKernel: /^# corpus: .*\bsecond-kernel\b/m.test(c.text),
    source: /^# source: (\S+)/m.exec(c.text)?.[1] ?? '',
  }));
}

/** What a record keeps of a kernel step (the fields diffSteps compares). */
export type RecordedStep = Pick<Step, 'line' | 'file' | 'host' | 'command' | 'exit' | 'stdout' | 'stderr' | 'supported' | 'modelled' | 'ping' | 'jobs'>;

export function recordPath(c: Case, ext: 'json' | 'trace'): string {
  return path.join(RECORDS_DIR, `${c.name}.${ext}`);
}

export function readRecord(c: Case): RecordedStep[] | undefined {
  const p = recordPath(c, 'json');
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as RecordedStep[]) : undefined;
}

export function toRecord(steps: Step[]): RecordedStep[] {
  return steps.map((s) => {
    const r: RecordedStep = { line: s.line, file: s.file, host: s.host, command: s.command, exit: s.exit, stdout: s.stdout, stderr: s.stderr, supported: s.supported };
    if (s.modelled !== undefined) r.modelled = s.modelled;
    if (s.ping) r.ping = s.ping;
    if (s.jobs?.length) r.jobs = s.jobs;
    return r;
  });
}

/** A disagreement as pinned in known-disagreements.json: the line and the field, no texts. */
export interface Gap {
  line: number;
  command: string;
  field: Disagreement['field'];
}

export function gapsOf(diffs: Disagreement[]): Gap[] {
  return diffs.map((d) => ({ line: d.line, command: d.command, field: d.field }));
}

export function knownGaps(): Record<string, Gap[]> {
  return fs.existsSync(GAPS_FILE) ? (JSON.parse(fs.readFileSync(GAPS_FILE, 'utf8')) as Record<string, Gap[]>) : {};
}

/** The simulator's steps against a kernel run (live or recorded). */
export function compareWith(sim: Step[], kernel: RecordedStep[]): Disagreement[] {
  return diffSteps(sim, kernel as Step[]);
}
