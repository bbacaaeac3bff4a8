/**
 * A program listening on a TCP port in the background (`nc -l 8080 &`, `python3 -m http.server
 * 8000 &`): it holds a listener in its namespace and answers each connection it accepts as its
 * owner says; it ends when its owner says so (nc without -k after its one connection). Jobs
 * are reported as socat's are (sim/processes.ts).
 */
import type { Netns } from '../../model/netns.js';
import { processTable, type SimProcess } from '../../../sim/processes.js';
import type { Simulator } from '../../../sim/simulator.js';
import { tcpTable, type InetAddr, type TcpConn, type TcpEvents, type TcpListener } from '../../../sim/tcp.js';

/** What the listening program does with a connection it accepted. */
export type AcceptHandler = (sim: Simulator, c: TcpConn, p: ListenProcess) => TcpEvents;

export class ListenProcess implements SimProcess {
  readonly pid: number;
  alive = true;
  exit: number | null = null;
  stderr = '';
  stdout = '';
  why = '';
  reported = false;
  listener: TcpListener | null = null;

  constructor(
    readonly home: Simulator,
    readonly ns: Netns,
    readonly host: string,
    readonly line: number,
    readonly command: string,
  ) {
    this.pid = processTable(home).nextPid();
    processTable(home).add(this);
  }

  /** listen(): the errno when the port cannot be had. */
  listen(sim: Simulator, local: InetAddr, port: number, backlog: number, onAccept: AcceptHandler): string | null {
    const l: TcpListener = { ns: this.ns, local, port, backlog, accept: (s, c) => onAccept(s, c, this) };
    const err = tcpTable(sim).listen(sim, l);
    if (err) return err;
    this.listener = l;
    return null;
  }

  /** Stops listening (nc without -k once it accepted). */
  unlisten(sim: Simulator): void {
    if (this.listener) tcpTable(sim).unlisten(this.listener);
    this.listener = null;
  }

  /** The program exits. */
  end(sim: Simulator, exit: number, why: string): void {
    this.unlisten(sim);
    this.alive = false;
    this.exit = exit;
    this.why = why;
  }

  holds(): boolean {
    return false;
  }

  /**
   * nc and python3's http.server keep the default action of HUP, TERM and KILL (status 128 +
   * the signal, nothing printed); INT is python's KeyboardInterrupt (a message, status 0 or 1),
   * which is not modelled. nc ends on INT as on the others.
   */
  signal(sim: Simulator, signo: number): boolean {
    if (!this.alive) return true;
    if (signo === 2 && /\bpython3?\b/.test(this.command)) return false;
    this.end(sim, 128 + signo, `ended by signal ${signo} (kill)`);
    return true;
  }

  fromDevice(): void {}

  tick(): void {}
}
