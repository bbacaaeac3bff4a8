/**
 * GNU comm [-123] FILE1 FILE2: lines only in the first, only in the second, and in both, in
 * tab-indented columns, from sorted inputs (C locale: byte order). Input that is not sorted
 * (comm's order warnings and status 1) and the other options are not modelled.
 */
import { getopt, lines, readOperand, type TextIo, type TextResult } from './tool.js';

const byBytes = (x: string, y: string): number => Buffer.compare(Buffer.from(x), Buffer.from(y));

export function comm(argv: string[], io: TextIo): TextResult {
  const p = getopt('comm', argv, { flags: '123' });
  if ('error' in p) return { exit: 1, stdout: '', stderr: `${p.error}\nTry 'comm --help' for more information.\n` };
  const hide = new Set(p.opts.map((o) => o.name));
  const ops = p.operands;
  if (ops.length === 0) return { exit: 1, stdout: '', stderr: "comm: missing operand\nTry 'comm --help' for more information.\n" };
  if (ops.length === 1) return { exit: 1, stdout: '', stderr: `comm: missing operand after '${ops[0]}'\nTry 'comm --help' for more information.\n` };
  if (ops.length > 2) return { exit: 1, stdout: '', stderr: `comm: extra operand '${ops[2]}'\nTry 'comm --help' for more information.\n` };
  const consumed = { stdin: false };
  const files: string[][] = [];
  for (const n of ops) {
    const r = readOperand('comm', n, io, consumed);
    if ('unsupported' in r) return { exit: 1, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 1, stdout: '', stderr: '', unsupported: `comm of ${n}` };
    const l = lines(r.text);
    if (l.some((x, i) => i > 0 && byBytes(l[i - 1]!, x) > 0)) return { exit: 1, stdout: '', stderr: '', unsupported: 'comm of input not in sorted order' };
    files.push(l);
  }
  const [a, b] = files as [string[], string[]];
  const pre2 = hide.has('1') ? '' : '\t';
  const pre3 = pre2 + (hide.has('2') ? '' : '\t');
  let out = '';
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const c = i >= a.length ? 1 : j >= b.length ? -1 : byBytes(a[i]!, b[j]!);
    if (c < 0) {
      if (!hide.has('1')) out += `${a[i]}\n`;
      i++;
    } else if (c > 0) {
      if (!hide.has('2')) out += `${pre2}${b[j]}\n`;
      j++;
    } else {
      if (!hide.has('3')) out += `${pre3}${a[i]}\n`;
      i++;
      j++;
    }
  }
  return { exit: 0, stdout: out, stderr: '' };
}
