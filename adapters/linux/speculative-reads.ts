/**
 * Reads under speculation. A script of many `ip … show` lines cost one process each on the
 * kernel (a few milliseconds apiece, so 100 000 lines took minutes: issue #13 asks for ≤ 30 s).
 * When nothing in the script acts on what a read prints (its output only goes to the step:
 * Request.shown), nothing the kernel must settle is pending, and the shadow predicts it
 * succeeds silently on stderr, the read is queued like a write: the script goes on with the
 * predicted status, and the step's text is filled in later with the kernel's own answer.
 *
 * Consecutive reads of one place with the same options run as one `ip [-n NS] OPTIONS -batch -`.
 * Its output is split back by the predicted outputs' line counts, and each piece is kept only
 * if it equals its prediction once masked (diff-steps.ts's normalize: random MACs, timers): then
 * the split is right and each piece is exactly what that read printed on the kernel. Otherwise
 * each read runs again alone and its own output is kept — reads change nothing, so running
 * them again at the same place in the queue is what running them once would have shown. A
 * read whose status or stderr is not the predicted one is a SpeculationMiss: the script may
 * have branched on it, so it runs again without speculation.
 */
import type { Invocation } from '../../src/exec/invocation.js';
import type { Outcome } from '../../src/exec/outcome.js';
import { batchLine, CompileError } from './compile.js';
import { OBJECTS, plainName, prefixOf } from './deferrable.js';
import { normalize } from './diff-steps.js';
import { realArgvProblem } from './guard.js';
import type { ExecResult, Sandbox } from './sandbox.js';
import { pendingScope } from './settle-scope.js';
import type { Deferred } from './speculation.js';

/** Where a queued read's text goes once the kernel answered. */
export interface ReadSlot {
  /** ip's global options of the read (all of its batch share them) */
  options: string[];
  fill(stdout: string): void;
}

/** ip's options a read may have and a batch may share (none takes an argument). */
const FLAGS = new Set(['-br', '-brief', '-j', '-json', '-p', '-pretty', '-d', '-details', '-o', '-oneline', '-4', '-6', '-N', '-numeric']);

/** The objects whose listings may wait (`netns list` reads a folder, `tuntap` is not a dump). */
const READ_OBJECTS = OBJECTS.filter(([o]) => o !== 'netns' && o !== 'tuntap');
const VERBS: [string, number][] = [
  ['show', 1],
  ['list', 1],
  ['lst', 2],
];

/**
 * The parts of an `ip` read that can be queued — `[-n NS] [FLAGS…] OBJECT [show|list] ARGS…`
 * — or null. Counters (`-s`) and anything that is not a plain listing are left to run at once.
 */
export function ipRead(argv: readonly string[]): { ns: string | null; options: string[]; rest: string[] } | null {
  let ns: string | null = null;
  const options: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    if (FLAGS.has(a)) options.push(a);
    else if (/^--?n(e(t(ns?)?)?)?$/.test(a) && ns === null && i + 1 < argv.length) ns = argv[++i]!;
    else return null;
  }
  const rest = argv.slice(i);
  if (!READ_OBJECTS.some(([full, min]) => prefixOf(rest[0] ?? '', full, min))) return null;
  const verb = rest[1];
  if (verb !== undefined && !VERBS.some(([full, min]) => prefixOf(verb, full, min)) && !(prefixOf(rest[0]!, 'route', 1) && verb === 'get')) return null;
  return { ns, options, rest };
}

/** One queued read as the queue runs it. */
export interface QueuedRead {
  argv: string[];
  /** its `ip -batch` line */
  batch: string;
  expect: ExecResult;
  read: ReadSlot;
  command: string;
}

/** A read that did not answer what the script went on with. */
export type Miss = (command: string, expected: ExecResult, got: ExecResult) => Error;

/** Runs the reads of one place and options (in order), filling each one's text, or throws a miss. */
export async function runReads(sb: Sandbox, host: string, ns: string | null, reads: QueuedRead[], miss: Miss): Promise<void> {
  if (reads.length > 1) {
    const options = reads[0]!.read.options;
    const argv = ns === null ? ['ip', ...options, '-batch', '-'] : ['ip', '-n', ns, ...options, '-batch', '-'];
    const r = await sb.exec(host, argv, { input: `${reads.map((c) => c.batch).join('\n')}\n` });
    const pieces = r.exit === 0 && r.stderr === '' ? split(r.stdout, reads) : null;
    if (pieces) {
      for (const [k, c] of reads.entries()) c.read.fill(pieces[k]!);
      return;
    }
  }
  for (const c of reads) {
    const r = await sb.exec(host, c.argv);
    if (r.exit !== c.expect.exit || r.stderr !== c.expect.stderr) throw miss(c.command, c.expect, r);
    c.read.fill(r.stdout);
  }
}

/** The batch's output cut by the predictions' line counts, if every piece is its prediction once masked. */
function split(stdout: string, reads: QueuedRead[]): string[] | null {
  const lines = stdout.split(/(?<=\n)/);
  const out: string[] = [];
  let at = 0;
  for (const c of reads) {
    const n = c.expect.stdout.split(/(?<=\n)/).filter((l) => l !== '').length;
    const piece = lines.slice(at, at + n).join('');
    if (normalize(piece) !== normalize(c.expect.stdout)) return null;
    out.push(piece);
    at += n;
  }
  return at === lines.filter((l) => l !== '').length ? out : null;
}

/** Stand-ins for the text of reads queued under speculation: characters no tool prints. */
export const STAND_IN = '\u0000nettwin-read:';
export const STAND_INS = /\u0000nettwin-read:\d+\u0000/g;

/** Whether nothing a read waits for may still be moving on the host: it then needs no settle (settle.ts) and may wait in the queue. */
export function settledHost(sb: Sandbox, host: string, dad: boolean): boolean {
  const scope = pendingScope(sb, host, dad);
  return scope !== 'all' && scope.size === 0;
}

/**
 * The queued form of an `ip` read whose output nothing in the script reads (Request.shown),
 * predicted to succeed with nothing on stderr, or null; its step shows `token` until the
 * kernel's text replaces it (speculative-reads.ts).
 */
export function queuedRead(sbHost: string, inv: Invocation, shadow: Outcome, command: string, texts: Map<string, string>): (Deferred & { token: string }) | null {
  if (inv.kind !== 'program' || inv.program !== 'ip' || inv.background || inv.stdin !== undefined || inv.wrappers.length > 1) return null;
  if (shadow.exit !== 0 || shadow.stderr !== '' || !shadow.supported || shadow.modelled !== undefined || realArgvProblem(inv.program, inv.argv)) return null;
  const w = inv.wrappers[0];
  if (w !== undefined && w.kind !== 'netns-exec') return null;
  const read = ipRead(inv.argv);
  if (!read || (read.ns !== null && w !== undefined)) return null;
  const ns = read.ns ?? w?.name ?? null;
  if (ns !== null && !plainName(ns)) return null;
  let batch: string;
  try {
    batch = batchLine(read.rest);
  } catch (e) {
    if (e instanceof CompileError) return null;
    throw e;
  }
  const token = `${STAND_IN}${texts.size}\u0000`;
  texts.set(token, token);
  const argv = [...(w ? w.argv : []), 'ip', ...inv.argv];
  return {
    host: sbHost,
    ns,
    argv,
    batch,
    expect: { exit: 0, stdout: shadow.stdout, stderr: '' },
    touches: [],
    command,
    read: { options: read.options, fill: (text) => texts.set(token, text) },
    token,
  };
}
