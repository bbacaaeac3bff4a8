/**
 * How control leaves a command early — `exit`, `return`, `break`, `continue`, errors that end
 * the shell or the line — and the bounds every input-driven thing has, so no script can hang
 * nettwin or fill its memory: each is reported as a "nettwin: … limit" line when reached.
 */

/** `exit N`, or an error that ends the shell (set -e, set -u, `${x:?}`). */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** `return N` from a function or a sourced file. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `break N` / `continue N`. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/** An expansion error that abandons the rest of the command line (bash goes on with the next). */
export class AbortLine {
  constructor(readonly status: number) {}
}

/** A bound reached: the run stops, with the message as its last step. */
export class LimitSignal {
  constructor(readonly message: string) {}
}

export const LIMITS = {
  /** iterations of one `while`/`until`/`for ((…))` loop */
  loopIterations: 10_000,
  /** words of one `for … in` list */
  forWords: 100_000,
  /** commands run in one script (each stage of a pipeline counts) */
  commands: 200_000,
  /** nested function calls, `$(…)`, `source`, `eval` and `bash -c` */
  depth: 200,
  /** what one `$(…)` or pipe may carry, and one variable may hold */
  bytes: 8 * 1024 * 1024,
  /** seconds a script may sleep in all */
  sleepSeconds: 600,
} as const;
