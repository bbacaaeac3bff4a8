/**
 * Where a command's standard streams go: the script's own stdout and stderr (what a step
 * shows), /dev/null, a pipe or `$(…)` being captured, or a scratch file; and where its stdin
 * comes from (a pipe, a here-document, a file), read as a shared position so `while read`
 * loops consume it line by line.
 */
import type { Scratch } from '../exec/scratch.js';
import { LIMITS, LimitSignal } from './signals.js';

export type Sink = { kind: 'out' } | { kind: 'err' } | { kind: 'null' } | { kind: 'capture'; buf: { text: string } } | { kind: 'file'; path: string };

/** Data on stdin, read from `pos` on. */
export interface Input {
  data: string;
  pos: number;
}

export interface Io {
  stdin: Input | null;
  out: Sink;
  err: Sink;
}

export const TERMINAL: Io = { stdin: null, out: { kind: 'out' }, err: { kind: 'err' } };

/** What reached the script's stdout and stderr while one command line ran: one step. */
export interface StepRecord {
  line: number;
  command: string;
  stdout: string;
  stderr: string;
  supported: boolean;
  /** as Outcome's: a line the simulator does not model, or models in part */
  modelled?: false | 'partial';
  ignored?: string[];
  /** what the line is about (its first request's, else the shell's) */
  feature?: import('../exec/catalogue.js').LineFeature;
  ping?: { from: string; to: string; transmitted: number; received: number };
  jobs?: import('../exec/job.js').JobReport[];
}

/** Writes to a sink; `step` is the record the script's own streams go to. */
export function write(sink: Sink, text: string, step: () => StepRecord, scratch: Scratch): void {
  if (text === '') return;
  switch (sink.kind) {
    case 'out': {
      const s = step();
      if (s.stdout.length + text.length > LIMITS.bytes) throw new LimitSignal(`nettwin: output limit (${LIMITS.bytes} bytes) reached`);
      s.stdout += text;
      return;
    }
    case 'err': {
      const s = step();
      if (s.stderr.length + text.length > LIMITS.bytes) throw new LimitSignal(`nettwin: output limit (${LIMITS.bytes} bytes) reached`);
      s.stderr += text;
      return;
    }
    case 'null':
      return;
    case 'capture':
      if (sink.buf.text.length + text.length > LIMITS.bytes) throw new LimitSignal(`nettwin: output limit (${LIMITS.bytes} bytes) reached in a pipe or $(…)`);
      sink.buf.text += text;
      return;
    case 'file': {
      const why = scratch.write(sink.path, text, true);
      if (why) throw new LimitSignal(why);
    }
  }
}

/** The rest of stdin, consumed. */
export function drain(input: Input | null): string {
  if (!input) return '';
  const s = input.data.slice(input.pos);
  input.pos = input.data.length;
  return s;
}
