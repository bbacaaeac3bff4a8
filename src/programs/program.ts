/**
 * What a program is to the simulator: a function from its argv (without its own name), run in
 * one namespace of a running lab, to what it prints and its exit status — in its own words.
 * Each program owns its argument parsing and its messages (iputils for ping, procps for sysctl,
 * socat's own); the simulator under it answers with data only.
 */
import type { CmdContext, CommandResult } from '../iproute2/types.js';
import type { Simulator } from '../../sim/simulator.js';
import type { PingSummary } from '../exec/step.js';

/** Where a command line came from: background jobs it starts are reported with it. */
export interface ProgramSource {
  host: string;
  line: number;
  command: string;
  /** started with `&` */
  background: boolean;
}

/** The namespace a program runs in, the lab's simulator, and where the line came from. */
export interface ProgramContext extends CmdContext {
  sim: Simulator;
  source: ProgramSource;
  /** what the command reads on stdin (a here-document, a pipe), if anything */
  stdin?: string;
}

/** What a program run answered (ping adds its counts). */
export interface ProgramResult extends CommandResult {
  ping?: PingSummary;
}

/** One program as the simulator runs it. */
export type SimProgram = (ctx: ProgramContext, argv: string[]) => ProgramResult;
