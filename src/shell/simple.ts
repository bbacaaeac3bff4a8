/**
 * One simple command: its assignments, words and redirections expanded, then a function, a
 * builtin, or a command nettwin classifies (src/exec/invocation.ts) and yields as a request,
 * its stdout and stderr sent where the redirections say. Each simple command run at the top of a
 * line (not in a pipe, `$(…)` or `bash -c`) is one step: what reached the script's own stdout
 * and stderr, and its exit status.
 */
import type { ShellCommand, ShellWord } from './ast.js';
import { expandSubscript, expandWord, UnsupportedExpansion, type Run } from './expand.js';
import { asAssignment, assignCompound, assignElement, assignmentOf, BadSubscript, expandAssignmentValue, expandCompound, type ArrayItem } from './assign.js';
import type { Shell } from './shell.js';
import { drain, write, type Io, type StepRecord } from './io.js';
import { AbortLine, ExitSignal, LimitSignal, LIMITS, LoopSignal, ReturnSignal } from './signals.js';
import { BUILTINS, DECLARATION } from './builtins.js';
import { BraceLimit } from './brace.js';
import { runXargs } from './xargs.js';
import { scalarValue } from './declare.js';
import { restartProcsubs } from './procsub.js';
import { ArithError } from './arith.js';
import { applyRedirects, quoteWord } from './redirect.js';
import { classify, redirectProblem, unwrap, type Invocation, type NetnsWrapper } from '../exec/invocation.js';
import { isTextTool } from '../exec/text-tools.js';
import { featureOf } from '../exec/catalogue.js';
import type { Outcome } from '../exec/outcome.js';
import { fileInput } from '../exec/file-input.js';

export interface SimpleContext {
  /** a pipeline stage: its text goes to the pipeline's step */
  texts?: string[] | null;
  background?: boolean;
}

export function* runSimple(sh: Shell, c: ShellCommand, io: Io, ctx: SimpleContext): Run<number> {
  sh.line = c.line + sh.lineShift;
  sh.countCommand();
  const own = ctx.texts || sh.inline ? null : sh.beginStep(sh.line, c.text);
  const rec = own ?? sh.step();
  // jobs that died of a signal leave the table now, with bash's notice for most signals
  const notices = sh.jobs.notices(sh.options.file, sh.line);
  if (notices) rec.stderr += notices;
  let keep = true;
  let status = sh.lastExit;
  try {
    status = yield* simpleBody(
      sh,
      c,
      io,
      ctx,
      rec,
      (text) => {
        if (own) own.command = text;
        ctx.texts?.push(text);
      },
      () => {
        keep = false;
      },
    );
    return status;
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof AbortLine || e instanceof ReturnSignal) status = e.status;
    else if (e instanceof LoopSignal) status = 0;
    else if (e instanceof LimitSignal) status = 127;
    throw e;
  } finally {
    if (own) {
      // a function call's own step is kept only when something (xtrace, an error) went to it
      const empty = own.stdout === '' && own.stderr === '';
      sh.endStep(own, sh.lastUnsupported ? 127 : status, keep || !empty);
    }
  }
}

function* simpleBody(sh: Shell, c: ShellCommand, io: Io, ctx: SimpleContext, rec: StepRecord, setText: (t: string) => void, isCall: () => void): Run<number> {
  let k = 0;
  while (k < c.words.length && assignmentOf(c.words[k]!)) k++;
  const assigns = c.words.slice(0, k);
  const rest = c.words.slice(k);
  sh.lastSub = null;
  let argv: string[];
  const values: Assignment[] = [];
  try {
    for (const w of assigns) {
      const a = assignmentOf(w)!;
      if (w.array) values.push({ name: a.name, value: yield* expandCompound(w.array, sh), append: a.append });
      else {
        const index = a.index !== undefined ? yield* expandSubscript(a.index, sh) : undefined;
        values.push({ name: a.name, value: yield* expandAssignmentValue(a.value, sh), append: a.append, ...(index !== undefined ? { index, raw: a.index! } : {}) });
      }
    }
    argv = yield* expandArgs(sh, rest);
    for (const w of sh.warnings.splice(0)) sh.shellError(io, w);
  } catch (e) {
    sh.warnings.length = 0;
    if (e instanceof UnsupportedExpansion) return unsupportedHere(sh, rec, `expansion ${e.text}`);
    if (e instanceof BraceLimit) throw new LimitSignal(`nettwin: ${e.message}`);
    return sh.expansionFailed(e, io);
  }
  const r = yield* applyRedirects(sh, c.redirects, io);
  if ('error' in r) {
    setText(c.text);
    sh.shellError(io, r.error);
    sh.lastExit = 1;
    return 1;
  }
  if ('unsupported' in r) return unsupportedHere(sh, rec, r.unsupported);
  const cio = r.io;
  const redirs = r.texts.length ? ` ${r.texts.join(' ')}` : '';
  if (argv.length === 0) {
    // assignments alone: their status is the last $(…)'s
    setText(values.map((v) => `${target(v)}=${Array.isArray(v.value) ? `(${v.value.map((i) => itemText(i)).join(' ')})` : v.value}`).join(' ') + redirs || c.text);
    if (sh.opts.xtrace) for (const v of values) sh.err(io, `+ ${target(v)}=${Array.isArray(v.value) ? `(${v.value.map((i) => itemText(i, quoteWord)).join(' ')})` : quoteWord(v.value)}\n`);
    for (const v of values) assign(sh, v, io);
    const status = sh.lastSub ?? 0;
    sh.lastExit = status;
    return status;
  }
  setText(argv.join(' ') + redirs + (ctx.background ? ' &' : ''));
  if (sh.opts.xtrace) sh.err(io, `${'+'.repeat(1 + sh.inline)} ${[...values.map((v) => `${v.name}=${quoteWord(String(v.value))}`), ...argv.map(quoteWord)].join(' ')}\n`);
  const name = argv[0]!;
  const fn = sh.functions.get(name);
  if (fn && !ctx.background) {
    isCall();
    return yield* withTemporary(sh, values, io, () => callFunction(sh, fn, argv.slice(1), cio));
  }
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (builtin && !ctx.background && (r.kernelOut === null || name !== 'printf')) {
    // the commands of a sourced file or of eval are steps of their own, as a function's are
    if (name === 'source' || name === '.' || name === 'eval') isCall();
    // `VAR=x read …` and friends: the assignment lasts for the builtin only (POSIX special builtins keep it; nettwin does not)
    const status = yield* withTemporary(sh, values, io, () => builtin(sh, argv, cio, rec));
    if (!sh.lastUnsupported) sh.lastExit = status;
    return status;
  }
  const status = yield* runExternal(sh, argv, cio, rec, { background: ctx.background === true, kernelOut: r.kernelOut });
  return status;
}

/** Words of a command: a declaration builtin's `NAME=value` arguments are not split. */
function* expandArgs(sh: Shell, words: ShellWord[]): Run<string[]> {
  const first = words[0];
  const decl = first && first.parts.length === 1 && first.parts[0]!.kind === 'lit' && DECLARATION.has(first.text);
  const out: string[] = [];
  sh.declItems = new Map();
  restartProcsubs(sh);
  for (const w of words) {
    const a = decl ? asAssignment(w) : null;
    if (a && w.array) {
      // the builtin takes the items themselves (sh.declItems); the word is what the step shows
      const items = yield* expandCompound(w.array, sh);
      sh.declItems.set(out.length, items);
      out.push(`${a.name}${a.append ? '+' : ''}=(${items.map((i) => itemText(i)).join(' ')})`);
    } else if (a) out.push(`${w.text.slice(0, w.text.indexOf('=') + 1)}${yield* expandAssignmentValue(a.value, sh)}`);
    else out.push(...(yield* expandWord(w, sh)));
  }
  return out;
}

type Assignment = { name: string; value: string | ArrayItem[]; append: boolean; index?: string; raw?: string };

const target = (v: Assignment): string => (v.index !== undefined ? `${v.name}[${v.index}]${v.append ? '+' : ''}` : `${v.name}${v.append ? '+' : ''}`);

/** an item of `(…)` as bash's xtrace shows it */
function itemText(i: ArrayItem, quote: (w: string) => string = (w) => w.replace(/[\\ ]/g, '\\$&')): string {
  return i.sub === undefined ? quote(i.value) : `[${i.sub}]${i.append ? '+' : ''}=${quote(i.value)}`;
}

function assign(sh: Shell, v: Assignment, io: Io): void {
  let ok: boolean;
  try {
    if (Array.isArray(v.value)) {
      const r = assignCompound(sh, v.name, v.value, v.append);
      for (const w of r.warnings) sh.shellError(io, w);
      ok = r.ok;
    } else if (v.index !== undefined) ok = assignElement(sh, v.name, v.index, v.value, v.append, v.raw);
    else ok = sh.vars.set(v.name, scalarValue(sh, v.name, v.value, v.append));
  } catch (e) {
    if (e instanceof ArithError) {
      // an integer variable's value that is not arithmetic: bash's words, and the line stops
      sh.shellError(io, e.message);
      throw new AbortLine(1);
    }
    if (!(e instanceof BadSubscript)) throw e;
    // bash leaves the script on an assignment to a bad subscript
    sh.shellError(io, e.message);
    throw new ExitSignal(1);
  }
  if (!ok) {
    sh.shellError(io, `${v.name}: readonly variable`);
    throw new AbortLine(1);
  }
}

/** Runs `fn` with prefix assignments in force, then puts the variables back. */
function* withTemporary(sh: Shell, values: Assignment[], io: Io, fn: () => Run<number>): Run<number> {
  if (values.length === 0) return yield* fn();
  const saved = values.map((v) => ({ name: v.name, old: sh.vars.raw(v.name) }));
  for (const v of values) assign(sh, v, io);
  try {
    return yield* fn();
  } finally {
    for (const s of saved) sh.vars.restore(s.name, s.old);
  }
}

export function* callFunction(sh: Shell, fn: Extract<import('./ast.js').Command, { type: 'function' }>, args: string[], io: Io): Run<number> {
  if (sh.funcDepth >= LIMITS.depth) throw new LimitSignal(`nettwin: nesting limit (${LIMITS.depth} nested function calls) reached in ${fn.name}`);
  const savedPos = sh.positional;
  const savedLoop = sh.loopDepth;
  sh.positional = args;
  sh.funcDepth++;
  sh.loopDepth = 0;
  sh.vars.push();
  let status: number;
  try {
    status = yield* sh.runCommand(fn.body, io, null);
  } catch (e) {
    if (!(e instanceof ReturnSignal)) throw e;
    status = e.status;
  } finally {
    sh.vars.pop();
    sh.funcDepth--;
    sh.loopDepth = savedLoop;
    sh.positional = savedPos;
  }
  sh.lastExit = status;
  return status;
}

/** What an outcome tells of the step's line: its feature, whether the simulator models it. */
function noteOutcome(rec: StepRecord, inv: Invocation, o: Outcome): void {
  if (rec.feature === undefined || rec.feature === 'shell') rec.feature = featureOf(inv);
  if (o.modelled === false || (!o.supported && o.answeredBy === 'kernel')) {
    rec.modelled = false;
    rec.supported = false;
  } else if (o.modelled === 'partial' && rec.modelled !== false) {
    rec.modelled = 'partial';
    rec.ignored = [...(rec.ignored ?? []), ...(o.ignored ?? [])];
  }
}

export function unsupportedHere(sh: Shell, rec: StepRecord, why: string): number {
  rec.supported = false;
  rec.stderr += `nettwin: unsupported: ${why}\n`;
  sh.lastUnsupported = true;
  return sh.lastExit;
}

/** Whether a command (its wrappers peeled) reads what is on its stdin. */
function readsStdin(argv: string[]): boolean {
  const u = unwrap(argv, []);
  if (!Array.isArray(u)) return false;
  const [cmd, ...args] = u;
  if (cmd === undefined) return false;
  if (isTextTool(cmd)) return !['echo', 'printf', 'seq', 'true', 'false', 'basename', 'dirname'].includes(cmd);
  if (cmd === 'ip' || cmd === 'bridge' || cmd === 'tc') return args.some((a, i) => /^--?b(a(t(ch?)?)?)?$/.test(a) && args[i + 1] === '-');
  if (/-restore$/.test(cmd)) return true;
  if (cmd === 'nft') return args.some((a, i) => (a === '-f' || a === '--file') && args[i + 1] === '-');
  // socat's STDIO address (`-`, `STDIO`, `STDIN`, with or without options)
  if (cmd === 'socat') return args.some((a) => /^(?:-|stdio|stdin)(?:,|$)/i.test(a));
  return false;
}

export interface ExternalContext {
  background: boolean;
  kernelOut: string | null;
}

/** A command nettwin does not run itself: classified, yielded as a request, its output routed. */
export function* runExternal(sh: Shell, argv: string[], io: Io, rec: StepRecord, ctx: ExternalContext): Run<number> {
  const full = [...sh.wrapperPrefix, ...argv];
  const wrappers: NetnsWrapper[] = [];
  const peeled = unwrap(full, wrappers);
  if (Array.isArray(peeled) && !ctx.background) {
    const [cmd, ...args] = peeled;
    if ((cmd === 'bash' || cmd === 'sh') && (args.length || io.stdin)) return yield* inlineShell(sh, cmd, args, wrappers, io, rec);
    if (cmd === 'xargs') return yield* runXargs(sh, args, io, rec);
  }
  const files = sh.scratch;
  // `nft -f FILE` / `iptables-restore FILE` of a file this run wrote: its text on stdin instead
  const fi = Array.isArray(peeled) ? fileInput(peeled, files) : null;
  if (fi && Array.isArray(peeled)) full.splice(full.length - peeled.length, peeled.length, ...fi.argv);
  const stdin = fi ? fi.stdin : readsStdin(full) ? drain(io.stdin) : null;
  let inv: Invocation = classify({ argv: full, stdin, stdoutTo: ctx.kernelOut, files }, ctx.background);
  let viaCapture = false;
  const outProblem = ctx.kernelOut === null ? 'none' : redirectProblem(ctx.kernelOut);
  if (ctx.kernelOut !== null && inv.kind === 'unsupported' && inv.why === `redirect to ${ctx.kernelOut}` && typeof outProblem !== 'string') {
    // `printf 1 > /proc/sys/…`: the command's output is what the shell writes to the file
    inv = classify({ argv: full, stdin, stdoutTo: null, files }, ctx.background);
    viaCapture = inv.kind !== 'unsupported';
  }
  if (inv.kind === 'proc-write' && inv.redirect && sh.shellWrappers.length) inv.shellWrappers = sh.shellWrappers;
  const shown = !viaCapture && (io.out.kind === 'out' || io.out.kind === 'null') && io.err.kind !== 'capture' && io.err.kind !== 'file';
  const o = yield { invocation: inv, command: rec.command || argv.join(' '), line: sh.line, shown };
  // nft names its input in an error: the file, not the stdin nettwin handed it
  if (fi?.renameStdin) o.stderr = o.stderr.replaceAll('/dev/stdin:', `${fi.path}:`);
  noteOutcome(rec, inv, o);
  // a line the kernel answered in real mode (not modelled) steers the script as its status says
  if (!o.supported && o.answeredBy !== 'kernel') return unsupportedHere(sh, rec, o.stderr.replace(/^nettwin: unsupported: /, '').replace(/\n$/, ''));
  if (o.ping) rec.ping = o.ping;
  if (o.jobs?.length) (rec.jobs ??= []).push(...o.jobs);
  sh.jobs.ended(o.jobs);
  if (ctx.background) sh.startedJob = { handle: o.job ?? null, command: rec.command.replace(/ &$/, ''), exit: o.exit };
  for (const w of o.writes ?? []) {
    const why = sh.scratch.write(w.path, w.text, w.append);
    if (why) throw new LimitSignal(why);
  }
  if (viaCapture && o.exit === 0) {
    write(io.err, o.stderr, sh.step, sh.scratch);
    const pw: Invocation = { kind: 'proc-write', path: ctx.kernelOut!, value: o.stdout.trim(), echoed: '', wrappers: [], redirect: true };
    if (outProblem !== null && typeof outProblem !== 'string') pw.notModelled = outProblem.kernelOnly;
    if (sh.shellWrappers.length) pw.shellWrappers = sh.shellWrappers;
    const w = yield { invocation: pw, command: rec.command, line: sh.line };
    noteOutcome(rec, pw, w);
    if (!w.supported && w.answeredBy !== 'kernel') return unsupportedHere(sh, rec, w.stderr.replace(/^nettwin: unsupported: /, '').replace(/\n$/, ''));
    write(io.err, w.stderr, sh.step, sh.scratch);
    sh.lastExit = w.exit;
    return w.exit;
  }
  write(io.out, o.stdout, sh.step, sh.scratch);
  write(io.err, o.stderr, sh.step, sh.scratch);
  sh.lastExit = o.exit;
  return o.exit;
}

/**
 * `bash -c 'SCRIPT' [NAME ARGS…]` (also `sh -c`, inside `ip netns exec NS`) and `bash <<EOF`: the
 * same interpreter, in a subshell.
 */
function* inlineShell(sh: Shell, shell: string, args: string[], wrappers: NetnsWrapper[], io: Io, rec: StepRecord): Run<number> {
  let errexit = false;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-c'; i++) {
    if (!/^-[ex]+$/.test(args[i]!)) return unsupportedHere(sh, rec, `${shell} option ${args[i]}`);
    if (args[i]!.includes('e')) errexit = true;
  }
  const joined = args[i];
  // `bash <<EOF … EOF` (or fed by a pipe): with no -c and no operand bash reads its script from stdin
  const fromStdin = joined === undefined && io.stdin !== null;
  if (!fromStdin && joined !== '-c' && !/^-[ex]*c$/.test(joined ?? '')) return unsupportedHere(sh, rec, `${shell} without -c`);
  if (joined?.includes('e')) errexit = true;
  const script = fromStdin ? drain(io.stdin) : args[i + 1];
  if (script === undefined) {
    sh.err(io, `${shell}: -c: option requires an argument\n`);
    return 2;
  }
  if (wrappers.some((w) => w.kind === 'netns-exec-all')) return unsupportedHere(sh, rec, `ip -all netns exec ${shell}`);
  const rest = fromStdin ? [] : args.slice(i + 2);
  const line = sh.line - sh.lineShift;
  return yield* sh.subshell(
    () => {
      sh.argv0 = rest[0] ?? shell;
      sh.positional = rest.slice(1);
      sh.opts = { errexit, nounset: false, xtrace: false, pipefail: false };
      sh.functions = new Map();
      sh.wrapperPrefix = [...sh.wrapperPrefix, ...wrappers.flatMap((w) => w.argv)];
      sh.shellWrappers = [...sh.shellWrappers, ...wrappers];
      return sh.runText(script, io, line);
    },
    { inline: true },
  );
}
