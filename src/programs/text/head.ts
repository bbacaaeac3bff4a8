/** coreutils head: -n N, -N, -n -N (all but the last N), -c N, headers for several files. */
import { eachOperand, getopt, usageError, type TextIo, type TextResult } from './tool.js';

export function head(argv: string[], io: TextIo): TextResult {
  const p = getopt('head', argv, { flags: 'qvz', values: 'nc', digits: 'n', long: { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q', verbose: 'v' } });
  if ('error' in p) return usageError('head', p.error, 'Usage: head [OPTION]... [FILE]...', 1);
  let n = 10;
  let bytes = false;
  let allBut = false;
  let headers: boolean | null = null;
  for (const o of p.opts) {
    if (o.name === 'n' || o.name === 'c') {
      const m = /^(-?)(\d+)$/.exec(o.value!);
      if (!m) return { exit: 1, stdout: '', stderr: `head: invalid number of ${o.name === 'n' ? 'lines' : 'bytes'}: '${o.value}'\n` };
      n = Number(m[2]);
      allBut = m[1] === '-';
      bytes = o.name === 'c';
    } else if (o.name === 'q') headers = false;
    else if (o.name === 'v') headers = true;
  }
  return eachOperand('head', p.operands, io, headers, (text) => {
    if (bytes) return allBut ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n);
    const ls = text.split('\n');
    const complete = text.endsWith('\n');
    if (complete) ls.pop();
    const keep = allBut ? ls.slice(0, Math.max(0, ls.length - n)) : ls.slice(0, n);
    return keep.map((l, k) => (k < ls.length - 1 || complete ? `${l}\n` : l)).join('');
  });
}
