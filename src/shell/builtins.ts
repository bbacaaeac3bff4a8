/**
 * The builtins the interpreter runs itself, as bash does: `set`, `shift`, `exit`, `return`,
 * `break`, `continue`, `local`/`export`/`declare`/`readonly`/`unset`, `read`, `source`/`.`,
 * `eval`, `trap`, `test`/`[`, `let`, `:`, `command`, `exec`, `printf -v`, `wait` without jobs, and
 * `sleep`'s bound.
 * Their errors read as bash's in a script (`FILE: line N: shift: …`).
 */
import type { Run } from './expand.js';
import { UnsupportedExpansion } from './expand.js';
import type { Shell } from './shell.js';
import type { Io, StepRecord } from './io.js';
import { AbortLine, ExitSignal, LimitSignal, LIMITS, LoopSignal, ReturnSignal } from './signals.js';
import { TERMINAL } from './io.js';
import { testArgs, TestError } from './test-expr.js';
import { runExternal, unsupportedHere } from './simple.js';
import { jobs, kill, wait } from './job-control.js';
import { fileTest } from './redirect.js';
import { ArithError } from './arith.js';
import { read } from './read.js';
import { declare, unset } from './declare.js';

export type Builtin = (sh: Shell, argv: string[], io: Io, rec: StepRecord) => Run<number>;

/** Builtins whose `NAME=value` arguments are assignments (not split). */
export const DECLARATION: ReadonlySet<string> = new Set(['local', 'export', 'declare', 'typeset', 'readonly']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function* none(): Run<void> {
  // a builtin that runs no command still has the generator's shape
}

function usage(sh: Shell, io: Io, message: string, status = 2): number {
  sh.shellError(io, message);
  return status;
}

const setOption = (sh: Shell, name: string, on: boolean): boolean => {
  switch (name) {
    case 'e':
    case 'errexit':
      sh.opts.errexit = on;
      return true;
    case 'u':
    case 'nounset':
      sh.opts.nounset = on;
      return true;
    case 'x':
    case 'xtrace':
      sh.opts.xtrace = on;
      return true;
    case 'pipefail':
      sh.opts.pipefail = on;
      return true;
    // no pathname expansion, no job control, hashing and brace expansion as bash has them: nothing changes
    case 'f':
    case 'noglob':
    case 'h':
    case 'hashall':
    case 'B':
    case 'braceexpand':
    case 'a':
    case 'allexport':
      return true;
    default:
      return false;
  }
};

function* set(sh: Shell, argv: string[], _io: Io, rec: StepRecord): Run<number> {
  yield* none();
  const args = argv.slice(1);
  if (args.length === 0) return unsupportedHere(sh, rec, 'set without arguments (listing variables)');
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-' || !/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    for (const f of a.slice(1)) {
      if (f === 'o') {
        const name = args[++i];
        if (name === undefined) return unsupportedHere(sh, rec, 'set -o without a name (listing options)');
        if (!setOption(sh, name, on)) return unsupportedHere(sh, rec, `set -o ${name}`);
      } else if (!setOption(sh, f, on)) return unsupportedHere(sh, rec, `set ${on ? '-' : '+'}${f}`);
    }
  }
  if (i < args.length) sh.positional = args.slice(args[i] === '-' ? i + 1 : i);
  return 0;
}

function* shift(sh: Shell, argv: string[], io: Io): Run<number> {
  yield* none();
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) return usage(sh, io, `shift: ${argv[1]}: numeric argument required`, 1);
  if (n > sh.positional.length) return 1;
  sh.positional = sh.positional.slice(n);
  return 0;
}

function numeric(sh: Shell, io: Io, name: string, arg: string | undefined): number | null {
  if (arg === undefined) return sh.lastExit;
  if (!/^\s*[-+]?\d+\s*$/.test(arg)) {
    sh.shellError(io, `${name}: ${arg}: numeric argument required`);
    return null;
  }
  return Number(arg) & 255;
}

function* exit(sh: Shell, argv: string[], io: Io): Run<number> {
  yield* none();
  const n = numeric(sh, io, 'exit', argv[1]);
  throw new ExitSignal(n ?? 2);
}

function* ret(sh: Shell, argv: string[], io: Io): Run<number> {
  yield* none();
  if (sh.funcDepth === 0 && sh.sourcing === 0) return usage(sh, io, "return: can only `return' from a function or sourced script", 1);
  const n = numeric(sh, io, 'return', argv[1]);
  throw new ReturnSignal(n ?? 2);
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return function* (sh, argv, io) {
    yield* none();
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 1) return usage(sh, io, `${kind}: ${argv[1]}: loop count out of range`, 1);
    if (sh.loopDepth === 0) {
      sh.shellError(io, `${kind}: only meaningful in a \`for', \`while', or \`until' loop`);
      return 0;
    }
    throw new LoopSignal(kind, Math.min(n, sh.loopDepth));
  };
}

function* source(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  const name = argv[1];
  if (name === undefined) return usage(sh, io, `${argv[0]}: filename argument required`, 2);
  const read = sh.options.readSource;
  if (!read) return unsupportedHere(sh, rec, `${argv[0]} ${name}`);
  const r = read(name);
  if ('error' in r) return unsupportedHere(sh, rec, `${argv[0]} ${name}: ${r.error}`);
  if (++sh.depth > LIMITS.depth) throw new LimitSignal(`nettwin: nesting limit (${LIMITS.depth} levels of functions, $(…), source and bash -c) reached`);
  const savedPos = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  sh.sourcing++;
  try {
    return yield* sh.runText(r.text, io, sh.line - sh.lineShift);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.sourcing--;
    sh.depth--;
    if (argv.length > 2) sh.positional = savedPos;
  }
}

function* evalBuiltin(sh: Shell, argv: string[], io: Io): Run<number> {
  if (argv.length < 2) return 0;
  if (++sh.depth > LIMITS.depth) throw new LimitSignal(`nettwin: nesting limit (${LIMITS.depth} levels of functions, $(…), source and bash -c) reached`);
  try {
    return yield* sh.runText(argv.slice(1).join(' '), io, sh.line - sh.lineShift);
  } finally {
    sh.depth--;
  }
}

const IGNORED_SIGNALS = new Set(['INT', 'TERM', 'HUP', 'QUIT', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', '1', '2', '3', '15']);

function* trap(sh: Shell, argv: string[], _io: Io, rec: StepRecord): Run<number> {
  yield* none();
  const args = argv.slice(1);
  if (args.length < 2 || args[0] === '-p' || args[0] === '-l') return unsupportedHere(sh, rec, `trap ${args.join(' ')}`.trim());
  const action = args[0]!;
  for (const sig of args.slice(1)) {
    const s = sig.toUpperCase();
    if (s === 'EXIT' || s === '0' || s === 'SIGEXIT') {
      if (action === '-') sh.traps.delete('EXIT');
      else sh.traps.set('EXIT', action);
    } else if (!IGNORED_SIGNALS.has(s)) return unsupportedHere(sh, rec, `trap on ${sig}`);
    // INT, TERM, HUP, QUIT: never delivered to a script nettwin runs
  }
  return 0;
}

function* test(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') return usage(sh, io, "[: missing `]'", 2);
    args = args.slice(0, -1);
  }
  try {
    return (yield* testArgs(args, sh, fileTest(sh, io))) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) return usage(sh, io, `${argv[0]}: ${e.message}`, 2);
    if (e instanceof UnsupportedExpansion) return unsupportedHere(sh, rec, e.text);
    throw e;
  }
}

function* let_(sh: Shell, argv: string[], io: Io): Run<number> {
  yield* none();
  if (argv.length < 2) return usage(sh, io, 'let: expression expected', 1);
  let v = 0n;
  for (const e of argv.slice(1)) {
    try {
      v = sh.evaluate(e);
    } catch (err) {
      if (err instanceof ArithError) return usage(sh, io, `let: ${err.message}`, 1);
      throw err;
    }
  }
  return v === 0n ? 1 : 0;
}

function* command(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  if (argv[1]?.startsWith('-')) return unsupportedHere(sh, rec, `command ${argv[1]}`);
  if (argv.length < 2) return 0;
  return yield* runExternal(sh, argv.slice(1), io, rec, { background: false, kernelOut: null });
}

function* exec(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  if (argv.length < 2) return unsupportedHere(sh, rec, 'exec without a command (redirecting the shell)');
  const status = yield* runExternal(sh, argv.slice(1), io, rec, { background: false, kernelOut: null });
  if (sh.lastUnsupported) return status;
  throw new ExitSignal(status);
}

/** `printf -v NAME FORMAT …`: printf's output into a variable. */
function* printf(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  if (argv[1] !== '-v') return yield* runExternal(sh, argv, io, rec, { background: false, kernelOut: null });
  const name = argv[2];
  if (name === undefined || !NAME.test(name)) return usage(sh, io, `printf: \`${name ?? ''}': not a valid identifier`, 2);
  const buf = { text: '' };
  const status = yield* runExternal(sh, ['printf', ...argv.slice(3)], { ...io, out: { kind: 'capture', buf } }, rec, { background: false, kernelOut: null });
  if (!sh.lastUnsupported) sh.set(name, buf.text);
  return status;
}

/** `sleep N`: the request, within the run's bound on sleeping. */
function* sleep(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  const s = Number(argv[1]?.replace(/s$/, ''));
  if (argv.length === 2 && Number.isFinite(s) && s > 0) {
    sh.slept += s;
    if (sh.slept > LIMITS.sleepSeconds) throw new LimitSignal(`nettwin: sleep limit (${LIMITS.sleepSeconds} s of sleep in one run) reached at line ${sh.line}`);
  }
  return yield* runExternal(sh, argv, io, rec, { background: false, kernelOut: null });
}

function* colon(): Run<number> {
  yield* none();
  return 0;
}

export const BUILTINS: Record<string, Builtin> = {
  ':': colon,
  set,
  shift,
  exit,
  return: ret,
  break: loopControl('break'),
  continue: loopControl('continue'),
  local: declare('local'),
  export: declare('export'),
  declare: declare('declare'),
  typeset: declare('declare'),
  readonly: declare('readonly'),
  unset,
  read,
  source,
  '.': source,
  eval: evalBuiltin,
  trap,
  test,
  '[': test,
  let: let_,
  command,
  exec,
  printf,
  sleep,
  wait,
  kill,
  jobs,
};

/** `exit`, the end, or a fatal error: the EXIT trap runs once, as cleanup. */
export function* runExitTrap(sh: Shell): Run<void> {
  const t = sh.traps.get('EXIT');
  if (t === undefined || t === '') return;
  sh.traps.delete('EXIT');
  // the script's status stays what it was, unless the trap itself calls exit
  const status = sh.lastExit;
  try {
    yield* sh.runText(t, TERMINAL, sh.line - sh.lineShift);
    sh.lastExit = status;
  } catch (e) {
    if (!(e instanceof ExitSignal) && !(e instanceof AbortLine)) throw e;
    sh.lastExit = e instanceof ExitSignal ? e.status : status;
  }
}
