/**
 * The shell around the commands, as bash runs a script: read one complete command at a time,
 * run it, go on; `exit`, errexit and fatal errors end the run, and the EXIT trap runs last, as
 * cleanup. It is a generator that yields each command nettwin does not answer itself as a
 * request and takes back its outcome, so one loop drives both the synchronous simulator and the
 * asynchronous kernel sandbox. Nothing is ever handed to a shell.
 */
import { ShellReader } from './parser.js';
import { Shell, type ShellOptions } from './shell.js';
import { runExitTrap } from './builtins.js';
import { AbortLine, ExitSignal, LimitSignal, LoopSignal, ReturnSignal } from './signals.js';
import type { Script } from '../exec/executor.js';

export type InterpretOptions = ShellOptions;

export function* interpret(source: string, opts: InterpretOptions): Script {
  const sh = new Shell(opts);
  // one line at a time: a long script's parse is not held while it runs
  const reader = new ShellReader(source);
  let ended = false;
  const stop = (e: unknown): boolean => {
    if (e instanceof ExitSignal) {
      sh.lastExit = e.status;
      return true;
    }
    if (e instanceof LimitSignal) {
      const rec = sh.beginStep(sh.line, '');
      rec.stderr = `${e.message}\n`;
      rec.supported = false;
      sh.endStep(rec, 127);
      ended = true;
      return true;
    }
    return false;
  };
  for (let r = reader.next(); r && !ended; r = reader.next()) {
    try {
      yield* sh.runList(r.list, { stdin: null, out: { kind: 'out' }, err: { kind: 'err' } });
    } catch (e) {
      if (e instanceof AbortLine) sh.lastExit = e.status;
      else if (e instanceof LoopSignal || e instanceof ReturnSignal) sh.lastExit = 0;
      else if (stop(e)) ended = true;
      else throw e;
    }
    sh.flushOrphans(sh.lastExit);
  }
  // a syntax error further on is reported even after `exit`, as when the script was parsed first
  reader.finish();
  if (reader.errors.length) {
    const e = reader.errors[0]!;
    // bash shows the line after an unexpected token
    const shown = e.message.startsWith('syntax error near') ? `${opts.file}: line ${e.line}: \`${source.split('\n')[e.line - 1]?.replace(/\r$/, '') ?? ''}'\n` : '';
    sh.steps.push({ line: e.line, file: opts.file, host: opts.host, command: '', exit: 2, stdout: '', stderr: `${opts.file}: line ${e.line}: ${e.message}\n${shown}`, supported: true });
  }
  try {
    yield* runExitTrap(sh);
  } catch (e) {
    if (!stop(e)) throw e;
  }
  sh.flushOrphans(sh.lastExit);
  return sh.steps;
}
