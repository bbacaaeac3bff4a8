/**
 * Background jobs on the kernel (socat …&): started with `Sandbox.spawnBackground`, ended by
 * the kernel's answers or by the sandbox closing. After each command, while one is alive, the
 * real driver waits `SETTLE_MS` — as long as the simulator lets the lab run (sim/processes.ts)
 * — and reports the jobs that ended meanwhile: a socat killed by the ICMP port unreachable its
 * tun's first packet brought back is reported after the command that brought the tun up, in
 * both modes, instead of racing the next command.
 */
import { SETTLE_MS } from '../../sim/processes.js';
import type { JobReport } from '../../src/exec/job.js';
import type { Sandbox } from './sandbox.js';

export interface RealJob {
  id: number;
  host: string;
  line: number;
  command: string;
  reported: boolean;
  /**
   * Whether what the job held (its tun) is gone: the kernel removes it the moment the process
   * dies, while the agent may hear of the exit 100 ms later.
   */
  gone?: () => Promise<boolean>;
}

/** How long to wait for the exit status of a job whose device is already gone. */
const EXIT_LAG_MS = 2000;

const jobsBySandbox = new WeakMap<Sandbox, RealJob[]>();

/**
 * Records a job started with `spawnBackground`, to be reported when it ends; the caller may
 * set `gone` on the returned record once it knows what the job holds.
 */
export function addRealJob(sb: Sandbox, job: Omit<RealJob, 'reported' | 'gone'>): RealJob {
  let list = jobsBySandbox.get(sb);
  if (!list) {
    list = [];
    jobsBySandbox.set(sb, list);
  }
  const j: RealJob = { ...job, reported: false };
  list.push(j);
  return j;
}

/**
 * After a command: with a job still unreported, wait `SETTLE_MS` and return the jobs that ended.
 *
 * @example
 * const ended = await settleRealJobs(sandbox); // [{ line: 251, exit: 1, stderr: '… Connection refused\n', … }]
 */
export async function settleRealJobs(sb: Sandbox): Promise<JobReport[]> {
  const list = jobsBySandbox.get(sb)?.filter((j) => !j.reported) ?? [];
  if (!list.length) return [];
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const out: JobReport[] = [];
  for (const j of list) {
    let st = await sb.backgroundStatus(j.id);
    if (st.running && j.gone && (await j.gone())) {
      const deadline = Date.now() + EXIT_LAG_MS;
      while (st.running && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
        st = await sb.backgroundStatus(j.id);
      }
    }
    if (st.running) continue;
    j.reported = true;
    out.push({ job: j.id, host: j.host, line: j.line, command: j.command, exit: st.exit ?? 0, stderr: st.stderr, why: '' });
  }
  return out;
}

/** How long a signalled job may take to end before `kill` returns anyway (its end is then reported later). */
const SIGNAL_END_MS = 2000;

/**
 * `kill -SIG` of a job: the agent signals the job's process group, and this waits (a bounded
 * while) until it has ended, so its end is reported after the `kill` line, where the simulator
 * reports it. A job that ended already is left alone: bash's kill of a dead job succeeds.
 */
export async function signalRealJob(sb: Sandbox, id: number, signo: number): Promise<void> {
  let st = await sb.backgroundStatus(id);
  if (!st.running) return;
  await sb.signalBackground(id, signo);
  const deadline = Date.now() + SIGNAL_END_MS;
  while (st.running && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
    st = await sb.backgroundStatus(id);
  }
}

/** Whether a job is still unreported: commands then run one by one, each followed by the job's settle. */
export function hasPendingJobs(sb: Sandbox): boolean {
  return jobsBySandbox.get(sb)?.some((j) => !j.reported) ?? false;
}
