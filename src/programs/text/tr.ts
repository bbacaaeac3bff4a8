/** coreutils tr SET1 [SET2]: translate, -d delete, -s squeeze, -c complement; ranges, classes, escapes. */
import { getopt, usageError, type TextIo, type TextResult } from './tool.js';

const CLASS: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: '0123456789ABCDEFabcdef',
};
CLASS.alpha = CLASS.upper! + CLASS.lower!;
CLASS.alnum = CLASS.alpha + CLASS.digit!;

function expandSet(s: string): string[] {
  const chars: string[] = [];
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
  const unit = (i: number): [string, number] => {
    if (s[i] === '\\' && i + 1 < s.length) {
      const n = s[i + 1]!;
      if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
        return [String.fromCharCode(parseInt(m, 8)), 1 + m.length];
      }
      return [esc[n] ?? n, 2];
    }
    return [s[i]!, 1];
  };
  for (let i = 0; i < s.length; ) {
    const m = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (m && CLASS[m[1]!]) {
      chars.push(...CLASS[m[1]!]!);
      i += m[0].length;
      continue;
    }
    const [a, la] = unit(i);
    if (s[i + la] === '-' && i + la + 1 < s.length) {
      const [b, lb] = unit(i + la + 1);
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) chars.push(String.fromCharCode(c));
      i += la + 1 + lb;
      continue;
    }
    chars.push(a);
    i += la;
  }
  return chars;
}

export function tr(argv: string[], io: TextIo): TextResult {
  const p = getopt('tr', argv, { flags: 'cdstC', long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' } });
  if ('error' in p) return usageError('tr', p.error, 'Usage: tr [OPTION]... STRING1 [STRING2]', 1);
  const f = new Set(p.opts.map((o) => (o.name === 'C' ? 'c' : o.name)));
  const [s1, s2] = p.operands;
  if (s1 === undefined) return usageError('tr', 'tr: missing operand', 'Usage: tr [OPTION]... STRING1 [STRING2]', 1);
  const set1 = expandSet(s1);
  const in1 = (c: string) => set1.includes(c) !== f.has('c');
  const text = io.stdin;
  let out = '';
  if (f.has('d')) {
    const squeeze = s2 !== undefined ? new Set(expandSet(s2)) : null;
    for (const c of text) {
      if (in1(c)) continue;
      if (f.has('s') && squeeze?.has(c) && out.endsWith(c)) continue;
      out += c;
    }
    return { exit: 0, stdout: out, stderr: '' };
  }
  if (s2 === undefined) {
    if (!f.has('s')) return usageError('tr', `tr: missing operand after '${s1}'\nTwo strings must be given when translating.`, 'Usage: tr [OPTION]... STRING1 [STRING2]', 1);
    for (const c of text) if (!(in1(c) && out.endsWith(c))) out += c;
    return { exit: 0, stdout: out, stderr: '' };
  }
  const set2 = expandSet(s2);
  const map = new Map<string, string>();
  if (!f.has('c'))
    set1.forEach((c, i) => {
      map.set(c, set2[Math.min(i, set2.length - 1)] ?? c);
    });
  const last = set2[set2.length - 1] ?? '';
  const sq = new Set(set2);
  for (const c of text) {
    const t = f.has('c') ? (in1(c) ? last : c) : (map.get(c) ?? c);
    if (f.has('s') && sq.has(t) && out.endsWith(t) && (map.has(c) || (f.has('c') && in1(c)))) continue;
    out += t;
  }
  return { exit: 0, stdout: out, stderr: '' };
}
