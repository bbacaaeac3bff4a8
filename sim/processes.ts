/**
 * The user-space processes a lab runs in the background (socat tunnels): started by a script
 * line ending in `&`, alive across the commands that follow (and across hosts of a lab), ended
 * by the kernel's answers (an ICMP port unreachable, a write error) or never. After each
 * command the drivers let the lab settle for a moment (`SETTLE_MS`: what the kernel needs for
 * the packets a command set off — a tun brought up sends its router solicitation at once — to
 * come back) and report the jobs that ended meanwhile, so both modes report a death after the
 * same command.
 */
import type { LabModel } from '../src/model/lab-model.js';
import type { Link } from '../src/model/link.js';
import type { Frame } from './packet.js';
import type { Simulator } from './simulator.js';

/** How long a driver lets a lab with live background jobs settle after each command. */
export const SETTLE_MS = 100;

/**
 * A process that ended: where it was started, its status and what it printed (a job report, to
 * the drivers). The same shape as src/exec/job.ts's JobReport on purpose: sim/ sits below
 * exec/ and may not import it (DESIGN.md's layers), so the engine states what it reports and
 * the spine's type matches it structurally.
 */
export interface EndedProcess {
  /** the process's id: the handle its job is known by */
  job: number;
  host: string;
  line: number;
  command: string;
  exit: number;
  stderr: string;
  /** why it ended, in the simulator's words */
  why: string;
}

/** A simulated background process. */
export interface SimProcess {
  readonly pid: number;
  /** where it was started: the report names it */
  readonly host: string;
  readonly line: number;
  readonly command: string;
  /** the simulator it runs in (a fork only watches it) */
  readonly home: Simulator;
  alive: boolean;
  exit: number | null;
  stderr: string;
  why: string;
  /** its end was reported already */
  reported: boolean;
  /** whether it holds `dev` open (a tun device) */
  holds(dev: Link): boolean;
  /** a frame the kernel sent out of a device it holds */
  fromDevice(sim: Simulator, dev: Link, frame: Frame): void;
  /** the model changed under it (a command ran): react as the kernel and the process would */
  tick(sim: Simulator): void;
  /**
   * A signal from `kill` (1 HUP, 2 INT, 9 KILL, 15 TERM): the process ends as the program does
   * on it (its handler, or the default action: status 128 + the signal). False when how this
   * program takes that signal is not modelled (then nothing changed).
   */
  signal(sim: Simulator, signo: number): boolean;
}

/** The signals `kill` may send that the processes model: their default action ends the process. */
export const MODELLED_SIGNALS: ReadonlySet<number> = new Set([1, 2, 9, 15]);

/** The processes of one lab. */
export class ProcessTable {
  readonly list: SimProcess[] = [];
  private pidSeq = 1000;

  /** A new process id (the kernel's are small numbers in a fresh PID namespace; masked when compared). */
  nextPid(): number {
    return ++this.pidSeq;
  }

  add(p: SimProcess): void {
    this.list.push(p);
  }

  /** The process with this id, alive or not. */
  byPid(pid: number): SimProcess | undefined {
    return this.list.find((p) => p.pid === pid);
  }

  /** The live process holding a device, if any. */
  holderOf(dev: Link): SimProcess | undefined {
    return this.list.find((p) => p.alive && p.holds(dev));
  }

  get anyAlive(): boolean {
    return this.list.some((p) => p.alive);
  }

  /** The jobs that ended since the last call. */
  takeEnded(): EndedProcess[] {
    const out: EndedProcess[] = [];
    for (const p of this.list) {
      if (p.alive || p.reported) continue;
      p.reported = true;
      out.push({ job: p.pid, host: p.host, line: p.line, command: p.command, exit: p.exit ?? 0, stderr: p.stderr, why: p.why });
    }
    return out;
  }
}

const tables = new WeakMap<LabModel, ProcessTable>();

/** The background processes of the lab a simulator runs. */
export function processTable(sim: Simulator): ProcessTable {
  let t = tables.get(sim.lab);
  if (!t) {
    t = new ProcessTable();
    tables.set(sim.lab, t);
  }
  return t;
}

/**
 * After a command: every live process reacts to the model as it is now, the lab runs for
 * `SETTLE_MS` (only when a background job is alive), and the jobs that ended are returned.
 *
 * @example
 * const ended = settleJobs(lab.sim); // [] or [{ line: 251, exit: 1, stderr: '… Connection refused\n', … }]
 */
export function settleJobs(sim: Simulator): EndedProcess[] {
  const t = tables.get(sim.lab);
  if (!t) return [];
  if (t.anyAlive) {
    for (const p of t.list) if (p.alive && p.home === sim) p.tick(sim);
    sim.sleep(SETTLE_MS / 1000);
  }
  return t.takeEnded();
}
