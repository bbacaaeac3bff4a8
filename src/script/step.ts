/** One executed command of a script, as `nettwin run --json` reports it. */
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
}

export interface PingSummary {
  /** the namespace the ping ran in: `host` or `host/NS` */
  from: string;
  to: string;
  transmitted: number;
  received: number;
}
