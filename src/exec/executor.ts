/**
 * The spine: the shell front end yields one Request per modelled command line, an executor
 * answers it with an Outcome, and the answers become Steps. There are two executors — the
 * simulator's (src/twin/sim-executor.ts, synchronous) and the kernel's
 * (adapters/linux/kernel-executor.ts, asynchronous, in a sandbox) — and one loop each to drive a
 * script through them, so both modes see exactly the same requests in the same order.
 */
import type { Invocation } from './invocation.js';
import type { Outcome } from './outcome.js';
import type { Step } from './step.js';

/** One command for an executor: what to run, and where it came from. */
export interface Request {
  invocation: Invocation;
  /** the command text after expansion */
  command: string;
  /** its line in the script's own text (a driver maps it to the file's line) */
  line: number;
  /**
   * Its stdout goes only to the script's own output (a step) or /dev/null, never into a pipe,
   * `$(…)` or a file: nothing in the script acts on what it prints, only on its status. Real
   * mode may then read the kernel's answer later, in a batch (speculative-reads.ts).
   */
  shown?: boolean;
}

/** What the front end is: a generator of requests that takes each one's outcome and returns the steps. */
export type Script = Generator<Request, Step[], Outcome>;

/** Answers one request at a time, at once (the simulator). */
export interface Executor {
  exec(req: Request): Outcome;
}

/** Answers one request at a time, when the kernel has (real mode). */
export interface AsyncExecutor {
  exec(req: Request): Promise<Outcome>;
}

/** Runs a script to its end through a synchronous executor. */
export function drive(script: Script, executor: Executor): Step[] {
  let r = script.next();
  while (!r.done) r = script.next(executor.exec(r.value));
  return r.value;
}

/** Runs a script to its end through an asynchronous executor, one request after the other. */
export async function driveAsync(script: Script, executor: AsyncExecutor): Promise<Step[]> {
  let r = script.next();
  while (!r.done) r = script.next(await executor.exec(r.value));
  return r.value;
}
