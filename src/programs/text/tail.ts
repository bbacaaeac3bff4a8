/** coreutils tail: -n N, -N, -n +N (from line N), -c N; -f is not modelled (it never ends). */
import { eachOperand, getopt, usageError, type TextIo, type TextResult } from './tool.js';

export function tail(argv: string[], io: TextIo): TextResult {
  const p = getopt('tail', argv, { flags: 'qvzfFr', values: 'ncs', digits: 'n', long: { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q', verbose: 'v', follow: 'f' } });
  if ('error' in p) return usageError('tail', p.error, 'Usage: tail [OPTION]... [FILE]...', 1);
  let n = 10;
  let from = false;
  let bytes = false;
  let headers: boolean | null = null;
  for (const o of p.opts) {
    if (o.name === 'f' || o.name === 'F' || o.name === 'r') return { exit: 1, stdout: '', stderr: '', unsupported: `tail -${o.name}` };
    if (o.name === 'n' || o.name === 'c') {
      const m = /^([-+]?)(\d+)$/.exec(o.value!);
      if (!m) return { exit: 1, stdout: '', stderr: `tail: invalid number of ${o.name === 'n' ? 'lines' : 'bytes'}: '${o.value}'\n` };
      n = Number(m[2]);
      from = m[1] === '+';
      bytes = o.name === 'c';
    } else if (o.name === 'q') headers = false;
    else if (o.name === 'v') headers = true;
  }
  return eachOperand('tail', p.operands, io, headers, (text) => {
    if (bytes) return from ? text.slice(Math.max(0, n - 1)) : n === 0 ? '' : text.slice(-n);
    const ls = text.split('\n');
    const complete = text.endsWith('\n');
    if (complete) ls.pop();
    const keep = from ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
    return keep.join('\n') + (keep.length && complete ? '\n' : '');
  });
}
