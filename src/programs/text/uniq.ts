/** coreutils uniq: adjacent duplicates; -c (count, `%7d `), -d, -u, -i, -f N, -s N. */
import { getopt, lines, readOperand, usageError, type TextIo, type TextResult } from './tool.js';

export function uniq(argv: string[], io: TextIo): TextResult {
  const p = getopt('uniq', argv, { flags: 'cduiz', values: 'fsw', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i', 'skip-fields': 'f', 'skip-chars': 's', 'check-chars': 'w' } });
  if ('error' in p) return usageError('uniq', p.error, 'Usage: uniq [OPTION]... [INPUT [OUTPUT]]', 1);
  const f = new Map(p.opts.map((o) => [o.name, o.value ?? '']));
  if (p.operands.length > 1) return { exit: 1, stdout: '', stderr: '', unsupported: 'uniq to an output file' };
  const r = readOperand('uniq', p.operands[0] ?? '-', io, { stdin: false });
  if ('unsupported' in r) return { exit: 1, stdout: '', stderr: '', unsupported: r.unsupported };
  if ('error' in r) return { exit: 1, stdout: '', stderr: `${r.error}\n` };
  const skipF = Number(f.get('f') ?? 0);
  const skipC = Number(f.get('s') ?? 0);
  const check = f.has('w') ? Number(f.get('w')) : Infinity;
  const key = (l: string) => {
    let s = l;
    for (let i = 0; i < skipF; i++) s = s.replace(/^[ \t]*[^ \t]*/, '');
    s = s.slice(skipC);
    if (check !== Infinity) s = s.slice(0, check);
    return f.has('i') ? s.toLowerCase() : s;
  };
  const ls = lines(r.text);
  let out = '';
  for (let i = 0; i < ls.length; ) {
    let j = i + 1;
    while (j < ls.length && key(ls[j]!) === key(ls[i]!)) j++;
    const n = j - i;
    if ((!f.has('d') || n > 1) && (!f.has('u') || n === 1)) out += `${f.has('c') ? `${String(n).padStart(7)} ` : ''}${ls[i]}\n`;
    i = j;
  }
  return { exit: 0, stdout: out, stderr: '' };
}
