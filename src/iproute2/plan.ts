/**
 * What parsing one command line yields: the Ops to send to the "kernel", a show request for a
 * renderer, or a finished result (an error found by iproute2 itself, a usage text). Keeping
 * the three apart lets the Linux adapter and the linter reuse the parsers without running
 * anything.
 */
import type { Op } from '../ops/op.js';
import type { CommandResult } from './types.js';

export type IpPlan =
  | {
      kind: 'ops';
      ops: Op[];
      /** what iproute2 prints before it talks to the kernel (warnings), on stderr */
      warn: string;
      /**
       * Exit status for a refusal by the kernel. `ip` returns 2 (`return -2`); `bridge`
       * returns -1 from its handlers, so 255.
       */
      kernelExit: number;
      /** what the command prints once every Op went through (`ip -s neigh flush`'s rounds) */
      stdout?: string;
    }
  | { kind: 'show'; warn: string; render: () => CommandResult }
  | { kind: 'done'; result: CommandResult };

/** A plan that sends these Ops, with `ip`'s exit status 2 for kernel refusals. */
export function opsPlan(ops: Op[], warn = '', kernelExit = 2): IpPlan {
  return { kind: 'ops', ops, warn, kernelExit };
}

/** A plan that shows something. */
export function showPlan(render: () => CommandResult, warn = ''): IpPlan {
  return { kind: 'show', warn, render };
}

/** A plan that is already finished. */
export function donePlan(result: CommandResult): IpPlan {
  return { kind: 'done', result };
}

/**
 * Collects the options the model does not cover while parsing goes on, so that iproute2's
 * own parse errors (and its "Cannot find device") still come first, as on Linux; `check()`
 * ends the command as unsupported just before it would reach the kernel.
 */
export class Gaps {
  private readonly items: string[] = [];

  add(what: string): void {
    if (!this.items.includes(what)) this.items.push(what);
  }

  get any(): boolean {
    return this.items.length > 0;
  }

  text(): string {
    return this.items.join(', ');
  }
}
