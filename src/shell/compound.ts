/**
 * The compound commands of the shell that loop or test: while/until, for, `for ((…))`, case,
 * `((…))` and `[[…]]` (these two answer like a simple command, with a step of their own),
 * with break/continue and the loop bound.
 */
import type { Command, List } from './ast.js';
import { expandOne, patternPieces, type Run } from './expand.js';
import { patternMatch } from './pattern.js';
import { condTokens, TestError } from './test-expr.js';
import type { Io } from './io.js';
import { AbortLine, ExitSignal, LIMITS, LimitSignal, LoopSignal } from './signals.js';
import { fileTest } from './redirect.js';
import type { Shell } from './shell.js';

/** `((…))` and `[[…]]` answer like a simple command: a step of their own. */
export function* testLike(sh: Shell, io: Io, texts: string[] | null, text: string, fn: () => Run<number>): Run<number> {
  sh.countCommand();
  const rec = texts || sh.inline ? null : sh.beginStep(sh.line, text);
  texts?.push(text);
  if (sh.opts.xtrace) sh.err(io, `+ ${text}\n`);
  let status: number;
  try {
    status = yield* fn();
  } catch (e) {
    if (rec) sh.endStep(rec, e instanceof ExitSignal ? e.status : 1);
    throw e;
  }
  if (rec) sh.endStep(rec, status);
  sh.lastExit = status;
  return status;
}

export function* arith(sh: Shell, expr: string, io: Io): Run<number> {
  try {
    const src = yield* expandOne({ parts: [{ kind: 'arith', text: expr, quoted: true }], text: expr }, sh);
    return src === '0' ? 1 : 0;
  } catch (e) {
    if (e instanceof Error && 'fatal' in e) {
      sh.shellError(io, `((: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

export function* cond(sh: Shell, cmd: Extract<Command, { type: 'cond' }>, io: Io): Run<number> {
  try {
    return (yield* condTokens(cmd.tokens, sh, fileTest(sh, io), (m) => (sh.rematch = m))) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      sh.shellError(io, e.message);
      return 2;
    }
    throw e;
  }
}

/** Runs one iteration of a loop body; true when the loop must end (break). */
export function* iteration(sh: Shell, body: List, io: Io): Run<boolean> {
  sh.loopDepth++;
  try {
    yield* sh.runList(body, io);
    return false;
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind === 'break';
  } finally {
    sh.loopDepth--;
  }
}

function tooMany(sh: Shell, kind: string): never {
  throw new LimitSignal(`nettwin: loop limit (${LIMITS.loopIterations} iterations of one ${kind} loop) reached at line ${sh.line}`);
}

export function* loop(sh: Shell, cmd: Extract<Command, { type: 'loop' }>, io: Io): Run<number> {
  let status = 0;
  for (let n = 0; ; n++) {
    if (n >= LIMITS.loopIterations) tooMany(sh, cmd.until ? 'until' : 'while');
    const c = yield* sh.condition(cmd.cond, io);
    if ((c === 0) === cmd.until) break;
    const stop = yield* iteration(sh, cmd.body, io);
    status = sh.lastExit;
    if (stop) break;
  }
  sh.lastExit = status;
  return status;
}

export function* forLoop(sh: Shell, cmd: Extract<Command, { type: 'for' }>, io: Io): Run<number> {
  if (cmd.select) {
    const rec = sh.beginStep(sh.line, 'select');
    rec.supported = false;
    rec.stderr = 'nettwin: unsupported: shell construct select\n';
    sh.endStep(rec, 127);
    sh.lastUnsupported = true;
    return sh.lastExit;
  }
  const items = cmd.words === null ? [...sh.positional] : yield* sh.expandOrAbort(cmd.words, io);
  for (const w of sh.warnings.splice(0)) sh.shellError(io, w);
  if (items.length > LIMITS.forWords) throw new LimitSignal(`nettwin: loop limit (${LIMITS.forWords} words in one for loop) reached at line ${sh.line}`);
  let status = 0;
  for (const item of items) {
    sh.set(cmd.name, item);
    const stop = yield* iteration(sh, cmd.body, io);
    status = sh.lastExit;
    if (stop) break;
  }
  sh.lastExit = status;
  return status;
}

export function* cforLoop(sh: Shell, cmd: Extract<Command, { type: 'cfor' }>, io: Io): Run<number> {
  const calc = (e: string): Run<bigint> => arithValue(sh, e, io);
  if (cmd.init) yield* calc(cmd.init);
  let status = 0;
  for (let n = 0; ; n++) {
    if (n >= LIMITS.loopIterations) tooMany(sh, 'for ((…))');
    if (cmd.cond && (yield* calc(cmd.cond)) === 0n) break;
    const stop = yield* iteration(sh, cmd.body, io);
    status = sh.lastExit;
    if (stop) break;
    if (cmd.step) yield* calc(cmd.step);
  }
  sh.lastExit = status;
  return status;
}

export function* caseCommand(sh: Shell, cmd: Extract<Command, { type: 'case' }>, io: Io): Run<number> {
  const word = yield* expandOne(cmd.word, sh);
  let status = 0;
  let fall = false;
  for (const item of cmd.items) {
    let hit = fall;
    for (const p of item.patterns) {
      if (hit) break;
      hit = patternMatch(word, yield* patternPieces(p.parts, sh));
    }
    if (!hit) continue;
    status = yield* sh.runList(item.body, io);
    if (item.body.length === 0) status = 0;
    if (item.end === ';;') {
      sh.lastExit = status;
      return status;
    }
    fall = item.end === ';&';
  }
  sh.lastExit = status;
  return status;
}

/** An arithmetic expression's value; an error abandons the line, as bash does. */
function* arithValue(sh: Shell, expr: string, io: Io): Run<bigint> {
  try {
    const text = yield* expandOne({ parts: [{ kind: 'arith', text: expr, quoted: true }], text: expr }, sh);
    return BigInt(text);
  } catch (e) {
    if (e instanceof Error && 'fatal' in e) {
      sh.shellError(io, e.message);
      throw new AbortLine(1);
    }
    throw e;
  }
}
