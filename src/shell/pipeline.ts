/**
 * Pipelines and background commands: `a | b | c` runs each stage in a subshell, one after the
 * other, stdout into the next stage's stdin (one step for the whole pipeline; its status the
 * last stage's, or with pipefail the last failing one's); `cmd &` is one simple command that
 * returns at once with status 0 (its job reported when it ends).
 */
import type { AndOr, Pipeline } from './ast.js';
import type { Run } from './expand.js';
import type { Io } from './io.js';
import { runSimple } from './simple.js';
import type { Shell } from './shell.js';

/** `a | b | c`: each stage a subshell, one after the other, stdout into the next stage's stdin. */
export function* runStages(sh: Shell, p: Pipeline, io: Io): Run<number> {
  const rec = sh.inline ? null : sh.beginStep(p.line + sh.lineShift, '');
  const texts: string[] = [];
  const statuses: number[] = [];
  let input = io.stdin;
  let unsupported = false;
  for (let i = 0; i < p.commands.length; i++) {
    const last = i === p.commands.length - 1;
    const buf = { text: '' };
    const stageIo: Io = { stdin: input, out: last ? io.out : { kind: 'capture', buf }, err: io.err };
    const status = yield* sh.subshell(() => sh.runCommand(p.commands[i]!, stageIo, texts));
    if (sh.lastUnsupported) {
      unsupported = true;
      break;
    }
    statuses.push(status);
    input = { data: buf.text, pos: 0 };
  }
  const status = sh.opts.pipefail ? ([...statuses].reverse().find((s) => s !== 0) ?? 0) : (statuses[statuses.length - 1] ?? sh.lastExit);
  if (rec) {
    rec.command = texts.join(' | ');
    sh.endStep(rec, unsupported ? 127 : status);
  }
  sh.lastUnsupported = unsupported;
  return unsupported ? sh.lastExit : status;
}

export function* runBackground(sh: Shell, ao: AndOr, io: Io): Run<number> {
  const only = ao.first.commands[0]!;
  if (ao.rest.length || ao.first.commands.length !== 1 || ao.first.bang || only.type !== 'simple') {
    const rec = sh.beginStep(ao.first.line + sh.lineShift, '');
    rec.supported = false;
    rec.stderr = 'nettwin: unsupported: a background list or compound command\n';
    sh.endStep(rec, 127);
    return sh.lastExit;
  }
  // as runPipeline does: the line before being unsupported says nothing about this one
  sh.lastUnsupported = false;
  sh.startedJob = null;
  yield* runSimple(sh, only.cmd, io, { background: true });
  // `cmd &` returns at once with status 0; a command nettwin did not run started no job
  if (!sh.lastUnsupported) {
    const started = sh.startedJob as { handle: number | null; command: string; exit: number } | null;
    if (started) sh.jobs.start(started.command, started.handle, started.exit);
    sh.lastExit = 0;
  }
  return sh.lastExit;
}
