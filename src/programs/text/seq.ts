/** coreutils seq [FIRST [INCREMENT]] LAST, -s SEP, -w (equal width), -f FORMAT (%g %f %e). */
import { getopt, usageError, type TextIo, type TextResult } from './tool.js';

/** The most numbers one seq may print. */
export const SEQ_MAX = 1_000_000;

export function seq(argv: string[], _io: TextIo): TextResult {
  // a negative number is an operand, not an option
  const p = getopt(
    'seq',
    argv.map((a) => (/^-\d/.test(a) ? `\u0000${a}` : a)),
    { flags: 'w', values: 'sf', long: { separator: 's', 'equal-width': 'w', format: 'f' } },
  );
  if ('error' in p) return usageError('seq', p.error, 'Usage: seq [OPTION]... LAST', 1);
  const ops = p.operands.map((a) => a.replace(/^\u0000/, ''));
  let sep = '\n';
  let width = false;
  let format: string | null = null;
  for (const o of p.opts) {
    if (o.name === 's') sep = o.value!.replace(/^\u0000/, '');
    else if (o.name === 'w') width = true;
    else format = o.value!;
  }
  if (ops.length === 0 || ops.length > 3) return usageError('seq', ops.length ? `seq: extra operand '${ops[3]}'` : 'seq: missing operand', '', 1);
  for (const o of ops) if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(o)) return usageError('seq', `seq: invalid floating point argument: '${o}'`, '', 1);
  const first = ops.length > 1 ? Number(ops[0]) : 1;
  const step = ops.length === 3 ? Number(ops[1]) : 1;
  const last = Number(ops[ops.length - 1]);
  if (step === 0) return usageError('seq', `seq: invalid Zero increment value: '${ops[1]}'`, '', 1);
  const decimals = Math.max(...ops.slice(0, ops.length === 3 ? 2 : 1).map((o) => (o.includes('.') ? o.split('.')[1]!.replace(/[eE].*/, '').length : 0)), 0);
  const count = Math.floor((last - first) / step + 1e-9) + 1;
  if (count > SEQ_MAX) return { exit: 1, stdout: '', stderr: '', unsupported: `seq of more than ${SEQ_MAX} numbers` };
  const nums: string[] = [];
  for (let i = 0; i < count; i++) {
    const v = first + i * step;
    if (format !== null) {
      const m = /%([-+ #0]*\d*(?:\.\d+)?)([gfeGFE])/.exec(format);
      if (!m) return { exit: 1, stdout: '', stderr: `seq: format '${format}' has no % directive\n` };
      const prec = /\.(\d+)/.exec(m[1]!)?.[1];
      const s = m[2]!.toLowerCase() === 'f' ? v.toFixed(Number(prec ?? 6)) : m[2]!.toLowerCase() === 'e' ? v.toExponential(Number(prec ?? 6)) : String(v);
      nums.push(format.replace(m[0], s));
    } else nums.push(v.toFixed(decimals));
  }
  if (width && format === null) {
    const w = Math.max(...nums.map((n) => n.replace('-', '').length));
    for (let i = 0; i < nums.length; i++) nums[i] = nums[i]!.startsWith('-') ? `-${nums[i]!.slice(1).padStart(w, '0')}` : nums[i]!.padStart(w, '0');
  }
  return { exit: 0, stdout: nums.length ? `${nums.join(sep)}\n` : '', stderr: '' };
}
