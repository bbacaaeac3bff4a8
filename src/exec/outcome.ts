/**
 * What one command answered, in either mode: the spine's unit of result. The interpreter turns
 * it into a Step (with the line and the command text); executors produce it.
 */
import type { JobReport } from './job.js';
import type { PingSummary } from './step.js';
import type { ScratchWrite } from './scratch.js';

export interface Outcome {
  exit: number;
  stdout: string;
  stderr: string;
  /** false when nettwin does not model the command: reported and skipped, never run */
  supported: boolean;
  /**
   * `false`: the simulator does not model this line of a known network program, which real
   * mode may run on the kernel (its argv passed the checks); `'partial'`: modelled, but it sets
   * something the simulator stores and does not act on (`ignored`). Absent otherwise.
   */
  modelled?: false | 'partial';
  /** with `modelled: 'partial'`: the settings the simulator keeps but ignores (`net.ipv4.conf.veth1.arp_accept`) */
  ignored?: string[];
  /** real mode: the kernel ran this not-modelled line and this is its answer (the shell follows its status) */
  answeredBy?: 'kernel';
  ping?: PingSummary;
  jobs?: JobReport[];
  /**
   * `cmd &` that left a process running (socat, nc -l, http.server, a line the kernel ran): the
   * executor's handle for it, which `job-signal` names and the job's JobReport repeats.
   */
  job?: number;
  /** files of the run's scratch area a text tool wrote (tee): the shell applies them */
  writes?: ScratchWrite[];
}

/** The answer to a line nettwin does not model: exit 127, as a shell says of a missing command. */
export function unsupported(why: string): Outcome {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${why}\n`, supported: false };
}

/**
 * The simulator's answer to a line of a known network program it does not model: exit 127 as
 * for any unsupported line, marked `modelled: false` (real mode runs it on the kernel).
 */
export function notModelled(why: string): Outcome {
  return { ...unsupported(why), modelled: false };
}

/** A command that did what it was asked and printed nothing. */
export const OK: Readonly<Outcome> = Object.freeze({ exit: 0, stdout: '', stderr: '', supported: true });
