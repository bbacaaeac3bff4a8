/**
 * `… | xargs [-n N] [-I R] [-r] [-0] [-d D] CMD ARGS`: stdin's items as arguments of commands
 * the shell then runs as any other (classified, yielded): GNU xargs's splitting (blanks and
 * newlines, quotes and backslashes unless -0/-d), its grouping, and its exit statuses (123 when
 * a command failed, 127 when none could be run).
 */
import type { Run } from './expand.js';
import type { Shell } from './shell.js';
import { drain, type Io, type StepRecord } from './io.js';
import { LIMITS, LimitSignal } from './signals.js';
import { runExternal, unsupportedHere } from './simple.js';
import { BUILTINS } from './builtins.js';

/** xargs's items: blank-separated, with quotes and backslashes as GNU xargs reads them. */
export function xargsItems(input: string): string[] | { error: string } {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else if (c === "'" || c === '"') {
      const close = input.indexOf(c, i + 1);
      const nl = input.indexOf('\n', i + 1);
      if (close === -1 || (nl !== -1 && nl < close)) return { error: `xargs: unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option` };
      cur += input.slice(i + 1, close);
      has = true;
      i = close;
    } else if (c === '\\' && i + 1 < input.length) {
      cur += input[++i];
      has = true;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export function* runXargs(sh: Shell, args: string[], io: Io, rec: StepRecord): Run<number> {
  let n = Infinity;
  let replace: string | null = null;
  let noRunIfEmpty = false;
  let delim: string | null = null;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i]!;
    const value = (short: string) => (a.length > short.length ? a.slice(short.length) : args[++i]);
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-0' || a === '--null') delim = '\0';
    else if (a.startsWith('-n')) n = Number(value('-n'));
    else if (a.startsWith('-L')) n = Number(value('-L'));
    else if (a.startsWith('-I')) {
      replace = value('-I') ?? null;
      n = 1;
    } else if (a === '-i') {
      replace = '{}';
      n = 1;
    } else if (a.startsWith('-d')) delim = (value('-d') ?? '\n').replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
    else if (a === '-t' || a === '-x') continue;
    else return unsupportedHere(sh, rec, `xargs option ${a}`);
  }
  if (!Number.isFinite(n) && n !== Infinity) return unsupportedHere(sh, rec, 'xargs -n value');
  const cmd = args.slice(i);
  if (cmd.length === 0) cmd.push('echo');
  const input = drain(io.stdin);
  let items: string[];
  if (replace !== null)
    items = input
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(/^[ \t]+/, ''));
  else if (delim !== null) {
    items = input.split(delim);
    if (items[items.length - 1] === '' || (delim === '\n' && items[items.length - 1] === '')) items.pop();
  } else {
    const r = xargsItems(input);
    if ('error' in r) {
      sh.err(io, `${r.error}\n`);
      return 1;
    }
    items = r;
  }
  if (items.length > LIMITS.forWords) throw new LimitSignal(`nettwin: xargs limit (${LIMITS.forWords} items) reached`);
  const groups: string[][] = [];
  if (items.length === 0) {
    if (noRunIfEmpty || replace !== null) return 0;
    groups.push([]);
  }
  for (let k = 0; k < items.length; k += n === Infinity ? items.length : n) groups.push(items.slice(k, n === Infinity ? items.length : k + n));
  let status = 0;
  for (const g of groups) {
    const argv = replace !== null ? cmd.map((w) => w.split(replace!).join(g[0] ?? '')) : [...cmd, ...g];
    if (Object.hasOwn(BUILTINS, argv[0]!) && argv[0] !== 'printf' && argv[0] !== 'sleep') return unsupportedHere(sh, rec, `xargs ${argv[0]}`);
    const s = yield* runExternal(sh, argv, { ...io, stdin: null }, rec, { background: false, kernelOut: null });
    if (sh.lastUnsupported) return s;
    if (s === 255) {
      sh.err(io, `xargs: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (s >= 1 && s <= 125) status = 123;
    if (s === 127 || s === 126) return s;
  }
  return status;
}
