import type { JobReport } from './job.js';
import type { LineFeature } from './catalogue.js';

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
  /**
   * false when the simulator does not model the command. With `modelled: false` it is a line of
   * a known network program: the simulator skipped it (exit 127), real mode ran it on the
   * kernel and this is the kernel's answer. Without `modelled` it was skipped in both modes,
   * never run.
   */
  supported: boolean;
  /**
   * `false`: not modelled, answered by the kernel in real mode (see `supported`); `'partial'`:
   * modelled, but it set something the simulator keeps and does not act on, named in
   * `ignored`. Absent when the line is modelled (or skipped in both modes).
   */
  modelled?: false | 'partial';
  /** the settings of a `'partial'` line that the simulator ignores, e.g. `net.ipv4.conf.veth1.proxy_arp` */
  ignored?: string[];
  /** what the line is about (catalogue.ts), for coverage reports */
  feature?: LineFeature;
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
