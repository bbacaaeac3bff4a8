/**
 * GNU grep: -E -F -G -i -v -c -q -s -o -w -x -n -h -H -l -L -m -e -A/-B/-C; exit 0 when a
 * line matched, 1 when none did, 2 on an error (unless -q found a match).
 */
import { compile } from './regex.js';
import { getopt, lines, readOperand, usageError, type TextIo, type TextResult } from './tool.js';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

export function grep(argv: string[], io: TextIo, mode: 'G' | 'E' | 'F' = 'G'): TextResult {
  const p = getopt('grep', argv, {
    flags: 'EFGivcqsowxnhHlLyrTZz',
    values: 'emABCf',
    long: {
      'extended-regexp': 'E',
      'fixed-strings': 'F',
      'basic-regexp': 'G',
      'ignore-case': 'i',
      'invert-match': 'v',
      count: 'c',
      quiet: 'q',
      silent: 'q',
      'no-messages': 's',
      'only-matching': 'o',
      'word-regexp': 'w',
      'line-regexp': 'x',
      'line-number': 'n',
      'no-filename': 'h',
      'with-filename': 'H',
      'files-with-matches': 'l',
      'files-without-match': 'L',
      regexp: 'e',
      'max-count': 'm',
      'after-context': 'A',
      'before-context': 'B',
      context: 'C',
    },
  });
  if ('error' in p) return usageError('grep', p.error, USAGE, 2);
  const o = new Map<string, string | true>();
  const patterns: string[] = [];
  for (const x of p.opts) {
    if (x.name === 'e') patterns.push(x.value!);
    else if (x.name === 'f' || x.name === 'r' || x.name === 'z' || x.name === 'Z') return { exit: 2, stdout: '', stderr: '', unsupported: `grep -${x.name}` };
    else if (x.name === 'E' || x.name === 'F' || x.name === 'G') mode = x.name;
    else o.set(x.name === 'y' ? 'i' : x.name, x.value ?? true);
  }
  const operands = [...p.operands];
  if (patterns.length === 0) {
    const pat = operands.shift();
    if (pat === undefined) return usageError('grep', USAGE, '', 2);
    patterns.push(pat);
  }
  const all = patterns.flatMap((x) => x.split('\n'));
  const ci = o.has('i');
  const sources = (mode === 'F' ? all.map((x) => x.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')) : all.map((x) => x)).map((x) => {
    if (mode === 'F') return x;
    return compile(x, mode === 'E')?.source ?? null;
  });
  if (sources.some((s) => s === null)) return { exit: 2, stdout: '', stderr: 'grep: Unmatched ( or \\(\n' };
  let body = sources.map((s) => `(?:${s})`).join('|');
  if (o.has('w')) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
  if (o.has('x')) body = `^(?:${body})$`;
  const re = new RegExp(body, ci ? 'gi' : 'g');
  const files = operands.length ? operands : ['-'];
  const showName = o.has('H') || (files.length > 1 && !o.has('h'));
  const max = o.has('m') ? Number(o.get('m')) : Infinity;
  const after = Number(o.get('A') ?? o.get('C') ?? 0);
  const before = Number(o.get('B') ?? o.get('C') ?? 0);
  let out = '';
  let err = '';
  let matched = false;
  let error = false;
  const consumed = { stdin: false };
  for (const f of files) {
    const r = readOperand('grep', f, io, consumed);
    if ('unsupported' in r) return { exit: 2, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) {
      if (!o.has('s')) err += `${r.error}\n`;
      error = true;
      continue;
    }
    const name = f === '-' ? '(standard input)' : f;
    const ls = lines(r.text);
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    for (let n = 0; n < ls.length && count < max; n++) {
      const line = ls[n]!;
      re.lastIndex = 0;
      const hit = re.test(line) !== o.has('v');
      if (!hit) {
        if (afterLeft > 0 && !o.has('c') && !o.has('q') && !o.has('l') && !o.has('L')) {
          out += `${showName ? `${name}-` : ''}${o.has('n') ? `${n + 1}-` : ''}${line}\n`;
          lastPrinted = n;
          afterLeft--;
        }
        continue;
      }
      count++;
      matched = true;
      if (o.has('q')) return { exit: 0, stdout: '', stderr: '' };
      if (o.has('c') || o.has('l') || o.has('L')) continue;
      if ((before || after) && lastPrinted !== -1 && n - before > lastPrinted + 1) out += '--\n';
      for (let b = Math.max(lastPrinted + 1, n - before); b < n; b++) out += `${showName ? `${name}-` : ''}${o.has('n') ? `${b + 1}-` : ''}${ls[b]}\n`;
      const prefix = `${showName ? `${name}:` : ''}${o.has('n') ? `${n + 1}:` : ''}`;
      if (o.has('o') && !o.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix}${m[0]}\n`;
      } else if (!o.has('o')) out += `${prefix}${line}\n`;
      lastPrinted = n;
      afterLeft = after;
    }
    if (o.has('c')) out += `${showName ? `${name}:` : ''}${count}\n`;
    if (o.has('l') && count > 0) out += `${name}\n`;
    if (o.has('L') && count === 0) out += `${name}\n`;
  }
  return { exit: error && !(o.has('q') && matched) ? 2 : matched ? 0 : 1, stdout: out, stderr: err };
}
