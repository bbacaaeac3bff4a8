/** coreutils cat of the run's scratch files and stdin: -n, -b, -E, -s, -A/-v/-T/-e/-t. */
import { getopt, readOperand, usageError, type TextIo, type TextResult } from './tool.js';

export function cat(argv: string[], io: TextIo): TextResult {
  const p = getopt('cat', argv, { flags: 'nbEsTAvetu', long: { number: 'n', 'number-nonblank': 'b', 'show-ends': 'E', 'squeeze-blank': 's', 'show-tabs': 'T', 'show-all': 'A' } });
  if ('error' in p) return usageError('cat', p.error, 'Usage: cat [OPTION]... [FILE]...', 1);
  const f = new Set(p.opts.map((o) => o.name));
  let text = '';
  const consumed = { stdin: false };
  for (const name of p.operands.length ? p.operands : ['-']) {
    const r = readOperand('cat', name, io, consumed);
    if ('unsupported' in r) return { exit: 1, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 1, stdout: text, stderr: `${r.error}\n` };
    text += r.text;
  }
  if (f.size === 0 || (f.size === 1 && f.has('u'))) return { exit: 0, stdout: text, stderr: '' };
  const ls = text.split('\n');
  const last = ls.pop()!;
  let n = 0;
  let out = '';
  let blank = false;
  const nonprinting = f.has('v') || f.has('A') || f.has('e') || f.has('t');
  const show = (l: string) => {
    let s = l;
    if (f.has('T') || f.has('A') || f.has('t')) s = s.replace(/\t/g, '^I');
    return nonprinting ? caret(s) : s;
  };
  for (const l of ls) {
    if (f.has('s') && l === '' && blank) continue;
    blank = l === '';
    const num = f.has('b') ? l !== '' : f.has('n');
    out += `${num ? `${String(++n).padStart(6)}\t` : ''}${show(l)}${f.has('E') || f.has('A') || f.has('e') ? '$' : ''}\n`;
  }
  if (last !== '') out += `${f.has('n') || f.has('b') ? `${String(++n).padStart(6)}\t` : ''}${show(last)}`;
  return { exit: 0, stdout: out, stderr: '' };
}

const encoder = new TextEncoder();

/** -v: control bytes as `^X`, DEL as `^?`, bytes above 127 as `M-` and the same of their low 7 bits (the tab stays). */
function caret(s: string): string {
  if (/^[\t\x20-\x7e]*$/.test(s)) return s;
  let out = '';
  for (const b of encoder.encode(s)) {
    const low = b & 0x7f;
    const pre = b >= 0x80 ? 'M-' : '';
    if (low === 9 && !pre) out += '\t';
    else if (low < 32) out += `${pre}^${String.fromCharCode(low + 64)}`;
    else if (low === 127) out += `${pre}^?`;
    else out += pre + String.fromCharCode(low);
  }
  return out;
}
