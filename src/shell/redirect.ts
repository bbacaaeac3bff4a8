/**
 * Redirections as bash applies them, in order (`>/dev/null 2>&1` and `2>&1 >/dev/null` differ):
 * /dev/null, dup of 1 and 2, files of the run's scratch area, `> /proc/sys/…` (the command's
 * classification decides), `<` of a scratch file or a kernel file (read through a request),
 * here-documents and here-strings; and the file tests of `[`/`[[`.
 */
import type { Redirect } from './ast.js';
import { expandHeredoc, expandOne, UnsupportedExpansion, type Run } from './expand.js';
import type { Shell } from './shell.js';
import type { Input, Io } from './io.js';
import { LimitSignal } from './signals.js';
import type { FileTest } from './test-expr.js';
import { classify, kernelPathAllowed } from '../exec/invocation.js';
import { classifyPath } from '../exec/scratch.js';

/** A word shown as bash's xtrace shows it. */
export function quoteWord(w: string): string {
  if (w === '') return "''";
  return /[^A-Za-z0-9_/.:=@%+,^-]/.test(w) ? `'${w.replace(/'/g, "'\\''")}'` : w;
}

/** A redirection as the step's command text shows it. */
export function redirectText(r: Redirect, target: string): string {
  const fd = r.fd === (r.op === '<' || r.op === '<<' || r.op === '<<<' ? 0 : 1) ? '' : String(r.fd);
  if (r.op === '<<') return `${fd}<< ${r.target.text}`;
  if (r.op === '<<<') return `${fd}<<< ${quoteWord(target)}`;
  if (r.op === '>&') return `${fd}>&${target}`;
  return `${fd}${r.op} ${target}`;
}

export interface Redirected {
  io: Io;
  /** `> FILE` of stdout when FILE is the kernel's: the command's classification decides */
  kernelOut: string | null;
  texts: string[];
}

/** Applies redirections in order (so `>/dev/null 2>&1` and `2>&1 >/dev/null` differ as in bash). */
export function* applyRedirects(sh: Shell, redirects: Redirect[], io: Io): Run<Redirected | { error: string } | { unsupported: string }> {
  if (redirects.length === 0) return { io, kernelOut: null, texts: [] };
  const out: Io = { ...io };
  let kernelOut: string | null = null;
  const texts: string[] = [];
  for (const r of redirects) {
    let target: string;
    try {
      target = r.op === '<<' ? (r.heredoc?.expand ? yield* expandHeredoc(r.heredoc.body, sh, r.heredoc.line) : (r.heredoc?.body ?? '')) : yield* expandOne(r.target, sh);
    } catch (e) {
      if (e instanceof UnsupportedExpansion) return { unsupported: `expansion ${e.text}` };
      return sh.expansionFailed(e, io);
    }
    texts.push(redirectText(r, target));
    if (r.fd > 2) return { unsupported: `redirection of file descriptor ${r.fd}` };
    if (r.op === '<<' || r.op === '<<<') {
      if (r.fd !== 0) return { unsupported: `a here-document on file descriptor ${r.fd}` };
      out.stdin = { data: r.op === '<<<' ? `${target}\n` : target, pos: 0 };
      continue;
    }
    if (r.op === '>&') {
      if (target === '1' || target === '2') {
        const src = target === '1' ? out.out : out.err;
        if (r.fd === 1) out.out = src;
        else if (r.fd === 2) out.err = src;
        else return { unsupported: 'redirection of stdin to an output' };
        if (r.fd === 2 && target === '1' && kernelOut !== null) return { unsupported: `stderr to ${kernelOut}` };
        continue;
      }
      if (target === '-') {
        if (r.fd === 1) out.out = { kind: 'null' };
        else if (r.fd === 2) out.err = { kind: 'null' };
        else out.stdin = null;
        continue;
      }
      return { unsupported: `redirection >&${target}` };
    }
    const p = classifyPath(target);
    if (r.op === '<') {
      if (r.fd !== 0) return { unsupported: `input redirection of file descriptor ${r.fd}` };
      const input = yield* readInput(sh, target, p);
      if ('error' in input || 'unsupported' in input) return input;
      out.stdin = input;
      continue;
    }
    const sink = r.fd === 1 ? 'out' : 'err';
    switch (p.kind) {
      case 'null':
        out[sink] = { kind: 'null' };
        break;
      case 'stdout':
        out[sink] = out.out;
        break;
      case 'stderr':
        out[sink] = out.err;
        break;
      case 'scratch': {
        if (p.path.startsWith('/dev/fd/')) return { unsupported: `redirect to ${target}` };
        const why = r.op === '>' ? sh.scratch.write(p.path, '', false) : sh.scratch.write(p.path, '', true);
        if (why) throw new LimitSignal(why);
        out[sink] = { kind: 'file', path: p.path };
        break;
      }
      case 'kernel':
        if (r.fd !== 1) return { unsupported: `redirect of stderr to ${target}` };
        kernelOut = target;
        out.out = { kind: 'null' };
        break;
      default:
        return { unsupported: `redirect to ${target}` };
    }
  }
  return { io: out, kernelOut, texts };
}

/** `< FILE`: a scratch file, or one of the kernel's read through the same request as `cat FILE`. */
function* readInput(sh: Shell, target: string, p: ReturnType<typeof classifyPath>): Run<Input | { error: string } | { unsupported: string }> {
  if (p.kind === 'null') return { data: '', pos: 0 };
  if (p.kind === 'scratch') {
    const text = sh.scratch.read(p.path);
    if (text === undefined) return { unsupported: `read of ${target}: a file this run did not write` };
    return { data: text, pos: 0 };
  }
  if (p.kind !== 'kernel') return { unsupported: `input from ${target}` };
  const inv = classify({ argv: [...sh.wrapperPrefix, 'cat', target], stdin: null, stdoutTo: null, files: sh.scratch }, false);
  if (inv.kind === 'unsupported') return { unsupported: inv.why };
  const o = yield { invocation: inv, command: `< ${target}`, line: sh.line };
  if (!o.supported) return { unsupported: o.stderr.replace(/^nettwin: unsupported: /, '').replace(/\n$/, '') };
  if (o.exit !== 0) return { error: `${target}: No such file or directory` };
  return { data: o.stdout, pos: 0 };
}

/** the file tests a namespace file answers (the others are not modelled) */
const FILE_OPS = new Set(['-e', '-a', '-f', '-d', '-s', '-r']);

/** File tests of `[`/`[[`: the run's scratch files, and the kernel's files through a request. */
export function fileTest(sh: Shell, _io: Io): FileTest {
  return function* (op: string, path: string): Run<boolean> {
    const p = classifyPath(path);
    if (p.kind === 'null') return op === '-e' || op === '-c' || op === '-r' || op === '-w' || op === '-a';
    if (p.kind === 'scratch') {
      const f = sh.scratch.read(p.path);
      if (op === '-e' || op === '-a' || op === '-f' || op === '-r' || op === '-w') return f !== undefined;
      if (op === '-s') return f !== undefined && f !== '';
      if (op === '-d' || op === '-x' || op === '-L' || op === '-h') {
        if (f !== undefined) return false;
        throw new UnsupportedTest(`test ${op} ${path}`);
      }
      return false;
    }
    const nsFile = /^\/(?:var\/)?run\/netns\/([^/]+)$/.exec(path);
    if (p.kind === 'kernel' && nsFile && FILE_OPS.has(op)) {
      // /run/netns/NAME is a file (nsfs bind-mounted on it), empty, readable, exactly while the namespace exists
      const inv = classify({ argv: ['ip', 'netns', 'list'], stdin: null, stdoutTo: null, files: sh.scratch }, false);
      if (inv.kind === 'unsupported') throw new UnsupportedTest(`test ${op} ${path}`);
      const o = yield { invocation: inv, command: `test ${op} ${path}`, line: sh.line };
      if (!o.supported) throw new UnsupportedTest(`test ${op} ${path}`);
      const exists = o.stdout.split('\n').some((l) => l.split(' ')[0] === nsFile[1]);
      return exists && op !== '-d' && op !== '-s';
    }
    if (p.kind === 'kernel' && (op === '-e' || op === '-a' || op === '-d' || op === '-f')) {
      const dev = /^\/sys\/class\/net\/([^/]+)\/?$/.exec(path);
      if (!kernelPathAllowed(path.replace(/\/+$/, '')) && !dev) throw new UnsupportedTest(`test ${op} ${path}`);
      const inv = classify({ argv: [...sh.wrapperPrefix, 'ip', '-o', 'link', 'show'], stdin: null, stdoutTo: null, files: sh.scratch }, false);
      if (dev && inv.kind !== 'unsupported') {
        // /sys/class/net/IF is a directory exactly when the namespace has the device
        const o = yield { invocation: inv, command: `test ${op} ${path}`, line: sh.line };
        if (!o.supported) throw new UnsupportedTest(`test ${op} ${path}`);
        const names = o.stdout.split('\n').map((l) => /^\d+: ([^:@]+)/.exec(l)?.[1]);
        return names.includes(dev[1]) && op !== '-f';
      }
      throw new UnsupportedTest(`test ${op} ${path}`);
    }
    throw new UnsupportedTest(`test ${op} ${path}`);
  };
}

/** A file test nettwin cannot answer: the command is reported, not guessed. */
export class UnsupportedTest extends UnsupportedExpansion {}
