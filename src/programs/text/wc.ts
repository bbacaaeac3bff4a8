/** coreutils wc: -l -w -c -m (lines, words, bytes, characters), the counts right-aligned as GNU does. */
import { getopt, readOperand, usageError, type TextIo, type TextResult } from './tool.js';

export function wc(argv: string[], io: TextIo): TextResult {
  const p = getopt('wc', argv, { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } });
  if ('error' in p) return usageError('wc', p.error, 'Usage: wc [OPTION]... [FILE]...', 1);
  let which = ['l', 'w', 'm', 'c', 'L'].filter((f) => p.opts.some((o) => o.name === f));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const files = p.operands.length ? p.operands : ['-'];
  const rows: { counts: number[]; name: string }[] = [];
  const consumed = { stdin: false };
  let stdinUsed = false;
  for (const name of files) {
    const r = readOperand('wc', name, io, consumed);
    if ('unsupported' in r) return { exit: 1, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) continue;
    if (name === '-') stdinUsed = true;
    const t = r.text;
    const count: Record<string, number> = {
      l: (t.match(/\n/g) ?? []).length,
      w: t.split(/[ \t\n\r\f\v]+/).filter((x) => x !== '').length,
      c: Buffer.byteLength(t),
      m: [...t].length,
      L: Math.max(0, ...t.split('\n').map((x) => [...x.replace(/\t/g, '        ')].length)),
    };
    rows.push({ counts: which.map((f) => count[f]!), name: name === '-' ? '' : name });
  }
  if (rows.length > 1) rows.push({ counts: which.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0)), name: 'total' });
  // one count of one input: no padding; stdin among several counts: at least 7 columns
  const single = which.length === 1 && rows.length === 1;
  const width = single
    ? 1
    : Math.max(stdinUsed ? 7 : 1, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)), stdinUsed ? 7 : String(rows.reduce((m, r) => Math.max(m, r.counts[r.counts.length - 1]!), 0)).length);
  const out = rows.map((r) => `${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`).join('');
  return { exit: 0, stdout: out, stderr: '' };
}
