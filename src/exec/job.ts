/**
 * A background job (`cmd &`) that ended: what it printed and its exit status. In a terminal its
 * messages appear whenever it dies; nettwin reports them with the command after which the death
 * was seen, so both modes report them at the same place.
 *
 * @example
 * // after `sudo ip link set tundudp up` the socat started on line 251 died:
 * // { host: 'node1', line: 251, command: 'sudo socat UDP:… TUN:… &', exit: 1,
 * //   stderr: '… socat[3] E read(5, 0x…, 8192): Connection refused\n', why: '…' }
 */
export interface JobReport {
  /** the host whose script started it */
  host: string;
  /** the line that started it */
  line: number;
  command: string;
  exit: number;
  /** what it printed on stderr since it started */
  stderr: string;
  /** the executor's handle of the job (Outcome.job of the line that started it) */
  job?: number;
  /** the simulator's explanation (empty in real mode, where only the kernel's words exist) */
  why: string;
}
