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
  ping?: PingSummary;
  jobs?: JobReport[];
  /** files of the run's scratch area a text tool wrote (tee): the shell applies them */
  writes?: ScratchWrite[];
}

/** The answer to a line nettwin does not model: exit 127, as a shell says of a missing command. */
export function unsupported(why: string): Outcome {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${why}\n`, supported: false };
}

/** A command that did what it was asked and printed nothing. */
export const OK: Readonly<Outcome> = Object.freeze({ exit: 0, stdout: '', stderr: '', supported: true });
