/**
 * Which commands of a script speculation may queue (speculation.ts): writes of `ip` and
 * `sysctl -w` whose namespaces their words name, and what each of them touches.
 */
import { batchLine, CompileError } from './compile.js';
import type { ExecResult } from './sandbox.js';
import type { Deferred } from './speculation.js';

/**
 * The leading options of an `ip` argv: `-n NS`, and `-4` / `-6` (which keep a command out of
 * a batch: a batch's options are the process's); null for anything else.
 */
function ipOptions(argv: readonly string[]): { ns: string | null; family: boolean; rest: string[] } | null {
  let ns: string | null = null;
  let family = false;
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    const a = argv[i]!;
    if (a === '-4' || a === '-6') {
      family = true;
      i++;
      continue;
    }
    if (!/^--?n(e(t(ns?)?)?)?$/.test(a) || i + 1 >= argv.length || ns !== null) return null;
    ns = argv[i + 1]!;
    i += 2;
  }
  return { ns, family, rest: argv.slice(i) };
}

/** Whether `w` abbreviates `full` as ip's matches() takes it (at least `min` letters). */
export const prefixOf = (w: string, full: string, min: number) => w.length >= min && full.startsWith(w);
const WRITE_VERBS = new Set(['add', 'set', 'replace', 'change', 'append', 'prepend', 'del', 'delete']);
/** ip's objects speculation knows, with the letters ip needs to tell each apart. */
export const OBJECTS: [string, number][] = [
  ['link', 1],
  ['address', 1],
  ['route', 1],
  ['rule', 2],
  ['neighbour', 1],
  ['neighbor', 1],
  ['netns', 3],
  ['tuntap', 2],
];

/**
 * What an `ip` command (options removed) touches besides its place, or 'no' when it is not
 * a plain write nettwin dares to queue, or 'all' when it may reach any namespace.
 */
function ipTouches(rest: readonly string[]): string[] | 'all' | 'no' {
  const obj = OBJECTS.find(([full, min]) => prefixOf(rest[0] ?? '', full, min))?.[0];
  const verb = rest[1] ?? '';
  if (!obj || !WRITE_VERBS.has(verb)) return 'no';
  const out: string[] = [];
  if (obj === 'netns') {
    if (!['add', 'del', 'delete'].includes(verb) || rest.length !== 3) return 'no';
    // a namespace deleted takes its veths' peers with it
    return verb === 'add' ? [rest[2]!, '#netns-dir'] : 'all';
  }
  if (obj === 'link' && (verb === 'del' || verb === 'delete')) return 'all';
  for (let i = 2; i < rest.length; i++) {
    const w = rest[i]!;
    if (w.startsWith('link-netns') || w === 'netnsid' || w === '-all') return 'no';
    if (prefixOf(w, 'netns', 3)) {
      const target = rest[i + 1];
      if (target === undefined || /^\d+$/.test(target)) return 'no';
      out.push(target);
      i++;
    }
  }
  return out;
}

/**
 * The queued form of a command, or null when it must run now. `argv` is the program's argv
 * after its `ip netns exec` wrappers (`wrapperNs`: the namespace they lead to, undefined when
 * there is none, null when they are something else).
 */
export function deferrable(host: string, program: string, argv: string[], wrapperArgv: string[], wrapperNs: string | null | undefined, expect: ExecResult, command: string): Deferred | null {
  if (wrapperNs === null || (wrapperNs !== undefined && !plainName(wrapperNs))) return null;
  const full = [...wrapperArgv, program, ...argv];
  if (program === 'sysctl') {
    // writes only: a read shows state, and must see it settled
    const words = argv.filter((a) => !a.startsWith('-'));
    if (!words.length || !words.every((w) => w.includes('='))) return null;
    return { host, ns: wrapperNs ?? null, argv: full, batch: null, expect, touches: [], command };
  }
  if (program !== 'ip') return null;
  const opt = ipOptions(argv);
  if (!opt || (opt.ns !== null && wrapperNs !== undefined)) return null;
  const t = ipTouches(opt.rest);
  if (t === 'no') return null;
  let batch: string | null = null;
  // a predicted failure that only complains may join a batch too (run with -force, its words
  // checked between the batch's "Command failed" marks); exit 255 may be an exit() that ends a batch
  const silent = expect.exit === 0 && expect.stdout === '' && expect.stderr === '';
  const complains = expect.exit !== 0 && expect.exit !== 255 && expect.stdout === '' && expect.stderr !== '';
  if (!opt.family && (silent || complains)) {
    try {
      batch = batchLine(opt.rest);
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
    }
  }
  const ns = opt.ns ?? wrapperNs ?? null;
  if (ns !== null && !plainName(ns)) return null;
  const d: Deferred = { host, ns, argv: full, batch, expect, touches: t === 'all' ? null : t, command };
  if (batch !== null && complains) d.fails = failureShape(opt.rest, expect.stderr);
  return d;
}

/**
 * What a predicted failure's exit status hangs on: the command's object and verb and its
 * message with names and numbers masked. A batch does not tell each command's status, so a
 * failure joins one only once a lone run of the same shape showed the status predicted.
 */
function failureShape(rest: readonly string[], stderr: string): string {
  return `${rest[0]} ${rest[1]}\0${stderr.replace(/"[^"]*"/g, '"*"').replace(/[0-9a-f:.]*\d[0-9a-f:./]*/gi, 'N')}`;
}

/** A namespace name that is a plain file name in /run/netns (batches reach it by that path). */
export const plainName = (n: string) => /^[^/\s\0]+$/.test(n) && n !== '.' && n !== '..';
