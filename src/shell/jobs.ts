/**
 * Bash's job table, as a script (a non-interactive shell, job control off) sees it: `cmd &`
 * makes a job and sets `$!`; `jobs`, `kill` and `wait` read it; a job's end comes from the
 * executor (a JobReport after some command). The processes themselves are the executor's —
 * the simulator's or the kernel sandbox's — named by the handle each line's Outcome gave; the
 * rules here are bash's (jobs.c, builtins/kill.def, wait.def, jobs.def), measured against bash
 * 5.2:
 * - a job that exited stays in the table until `jobs` lists it or `wait` takes its status;
 * - a job ended by a signal leaves at the next command, printing `FILE: line N: PID Killed
 *   CMD` first for signals other than TERM and INT (HUP: Hangup, KILL: Killed);
 * - `kill %N` of a job that ended but is still listed succeeds and does nothing; `kill PID` of a
 *   process that ended fails with `(PID) - No such process`;
 * - `wait PID` knows the status of every job's process, listed or not.
 * PIDs are nettwin's own (the same in both modes, as `$$` is): the kernel's differ per run.
 */
import type { JobReport } from '../exec/job.js';

export interface ShellJob {
  /** its number: `%N`, `[N]` */
  n: number;
  pid: number;
  /** the executor's handle (Outcome.job), or null: nettwin ran the command to its end at once */
  handle: number | null;
  /** as `jobs` lists it, without the ` &` */
  command: string;
  state: 'running' | 'exited' | 'signalled';
  status: number;
  /** the signal it was sent by `kill` (its end with 128 + that signal is a death by it) */
  sentSignal: number | null;
}

/** How bash names the signals a job may die of in its notices and in `jobs`. */
const SIGNAL_TEXT: Record<number, string> = { 1: 'Hangup', 2: 'Interrupt', 9: 'Killed', 15: 'Terminated' };

/** The signals `kill` sends here, by name (bash takes them with or without SIG, in any case). */
export const SIGNAL_NUMBERS: Record<string, number> = { HUP: 1, INT: 2, KILL: 9, TERM: 15 };

const FIRST_PID = 4243;

export class JobTable {
  readonly list: ShellJob[] = [];
  /** every job's final status by pid, listed or not (`wait PID`) */
  private readonly statuses = new Map<number, number>();
  private nextPid = FIRST_PID;
  /** `$!` */
  lastPid: number | null = null;
  private pending: string[] = [];

  /** A new job for `cmd &`. */
  start(command: string, handle: number | null, exit: number): ShellJob {
    const n = this.list.reduce((m, j) => Math.max(m, j.n), 0) + 1;
    const job: ShellJob = { n, pid: this.nextPid++, handle, command, state: 'running', status: 0, sentSignal: null };
    if (handle === null) this.end(job, exit);
    this.list.push(job);
    this.lastPid = job.pid;
    return job;
  }

  /** The executor reported jobs that ended. */
  ended(reports: readonly JobReport[] | undefined): void {
    for (const r of reports ?? []) {
      const job = this.list.find((j) => j.handle !== null && j.handle === r.job && j.state === 'running');
      if (job) this.end(job, r.exit);
    }
  }

  private end(job: ShellJob, status: number): void {
    job.status = status;
    job.state = job.sentSignal !== null && status === 128 + job.sentSignal ? 'signalled' : 'exited';
    this.statuses.set(job.pid, status);
  }

  /**
   * At the start of a command: jobs that died of a signal leave the table, with bash's notice
   * for the signals it reports (`line` is this command's).
   */
  notices(file: string, line: number): string {
    let out = '';
    for (const j of [...this.list]) {
      if (j.state !== 'signalled') continue;
      const sig = j.status - 128;
      if (sig !== 15 && sig !== 2) out += `${file}: line ${line}: ${String(j.pid).padStart(5)} ${(SIGNAL_TEXT[sig] ?? `Signal ${sig}`).padEnd(24)}${j.command}\n`;
      this.remove(j);
    }
    return out;
  }

  remove(job: ShellJob): void {
    const i = this.list.indexOf(job);
    if (i !== -1) this.list.splice(i, 1);
  }

  /** `%N`, `%%`, `%+`, `%-`: the job, null when there is none, or 'unsupported' (`%name`, `%?text`). */
  bySpec(spec: string): ShellJob | null | 'unsupported' {
    if (spec === '%' || spec === '%%' || spec === '%+') return this.list[this.list.length - 1] ?? null;
    if (spec === '%-') return this.list[this.list.length - 2] ?? null;
    const m = /^%(\d+)$/.exec(spec);
    if (!m) return 'unsupported';
    return this.list.find((j) => j.n === Number(m[1])) ?? null;
  }

  byPid(pid: number): ShellJob | null {
    return this.list.find((j) => j.pid === pid) ?? null;
  }

  /** Whether the pid is one this shell started (a job, listed or not). */
  knows(pid: number): boolean {
    return pid >= FIRST_PID && pid < this.nextPid;
  }

  statusOf(pid: number): number | undefined {
    return this.statuses.get(pid);
  }

  /** `jobs` / `jobs -l` / `jobs -p`: the lines; listing ends a finished job's stay (not -p's). */
  listing(mode: 'plain' | 'long' | 'pids'): string {
    const cur = this.list[this.list.length - 1];
    const prev = this.list[this.list.length - 2];
    let out = '';
    for (const j of [...this.list]) {
      if (mode === 'pids') {
        out += `${j.pid}\n`;
        continue;
      }
      const mark = j === cur ? '+' : j === prev ? '-' : ' ';
      const state = j.state === 'running' ? 'Running' : j.state === 'signalled' ? (SIGNAL_TEXT[j.status - 128] ?? `Signal ${j.status - 128}`) : j.status === 0 ? 'Done' : `Exit ${j.status}`;
      const text = j.state === 'running' ? `${j.command} &` : j.command;
      out += `[${j.n}]${mark} ${mode === 'long' ? `${j.pid} ` : ' '}${state.padEnd(24)}${text}\n`;
      if (j.state !== 'running') this.remove(j);
    }
    return out;
  }

  takePending(): string[] {
    return this.pending.splice(0);
  }
}
