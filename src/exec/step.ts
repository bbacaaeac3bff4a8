import type { JobReport } from './job.js';

/**
 * One executed command of a script, as `nettwin run --json` reports it.
 *
 * @example
 * const [step] = new Lab().host('h').sh('ip link show eth9');
 * step.exit;   // 1
 * step.stderr; // 'Device "eth9" does not exist.\n'
 */
export interface Step {
  /** 1-based line in `file` where the command starts */
  line: number;
  file: string;
  host: string;
  /** the command text after expansion */
  command: string;
  /** the exit status it has on Linux */
  exit: number;
  stdout: string;
  stderr: string;
  /** false when nettwin does not model the command: it was reported and skipped, never run */
  supported: boolean;
  /** for ping lines */
  ping?: PingSummary;
  /** background jobs (socat …&) seen to end after this command: their messages and status */
  jobs?: JobReport[];
}

/**
 * What a ping line did, without its timings (so two runs compare).
 *
 * @example
 * new Lab().host('h').sh('ping -c 1 127.0.0.1')[0].ping;
 * // { from: 'h', to: '127.0.0.1', transmitted: 1, received: 1 }
 */
export interface PingSummary {
  /** the namespace the ping ran in: `host` or `host/NS` */
  from: string;
  to: string;
  transmitted: number;
  received: number;
}
