/**
 * coreutils sort in the C locale (byte order, as `LC_ALL=C sort`): -n -r -u -f -b -h -V,
 * -k F[.C][,F[.C]][flags] keys, -t separator, -s stable; the last-resort comparison GNU adds.
 */
import { getopt, lines, readOperand, usageError, type TextIo, type TextResult } from './tool.js';

interface Key {
  start: number;
  startChar: number;
  end: number;
  endChar: number;
  flags: string;
}

function parseKey(s: string): Key | null {
  const m = /^(\d+)(?:\.(\d+))?([bdfgiMhnRrV]*)(?:,(\d+)(?:\.(\d+))?([bdfgiMhnRrV]*))?$/.exec(s);
  if (!m || Number(m[1]) === 0) return null;
  return { start: Number(m[1]), startChar: Number(m[2] ?? 1), end: m[4] ? Number(m[4]) : Infinity, endChar: Number(m[5] ?? 0), flags: (m[3] ?? '') + (m[6] ?? '') };
}

/** Field boundaries as GNU sort sees them: with -t, split on it; without, a field starts at its leading blanks. */
function fields(line: string, sep: string | null): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== null) {
    let s = 0;
    for (;;) {
      const k = line.indexOf(sep, s);
      out.push({ start: s, end: k === -1 ? line.length : k });
      if (k === -1) return out;
      s = k + sep.length;
    }
  }
  let i = 0;
  while (i < line.length) {
    const s = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push({ start: s, end: i });
  }
  return out;
}

function keyText(line: string, k: Key, sep: string | null): string {
  const f = fields(line, sep);
  const a = f[k.start - 1];
  if (!a) return '';
  let from = a.start;
  if (k.flags.includes('b')) while (from < a.end && (line[from] === ' ' || line[from] === '\t')) from++;
  from = Math.min(from + k.startChar - 1, a.end);
  let to = line.length;
  if (k.end !== Infinity) {
    const b = f[k.end - 1];
    to = b ? (k.endChar ? Math.min(b.start + k.endChar, b.end) : b.end) : line.length;
  }
  return line.slice(from, Math.max(from, to));
}

const HUMAN: Record<string, number> = { '': 0, K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

function numericValue(s: string): number {
  const m = /^\s*(-?\d*\.?\d*)/.exec(s);
  const v = m && m[1] !== '' && m[1] !== '-' && m[1] !== '.' ? Number(m[1]) : 0;
  return Number.isNaN(v) ? 0 : v;
}

function compare(a: string, b: string, flags: string): number {
  let x = a;
  let y = b;
  if (flags.includes('b')) {
    x = x.replace(/^[ \t]+/, '');
    y = y.replace(/^[ \t]+/, '');
  }
  if (flags.includes('f')) {
    x = x.toUpperCase();
    y = y.toUpperCase();
  }
  if (flags.includes('n') || flags.includes('g')) return numericValue(x) - numericValue(y);
  if (flags.includes('h')) {
    const hv = (s: string) => {
      const m = /^\s*(-?\d*\.?\d*)([KkMGTPE]?)/.exec(s);
      return m ? [HUMAN[m[2]!]!, Number(m[1]) || 0] : [0, 0];
    };
    const [ea, va] = hv(x);
    const [eb, vb] = hv(y);
    return ea !== eb ? ea! - eb! : va! - vb!;
  }
  if (flags.includes('V')) return x.localeCompare(y, 'en', { numeric: true });
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sort(argv: string[], io: TextIo): TextResult {
  const p = getopt('sort', argv, {
    flags: 'nrufbhVgsdcCMRz',
    values: 'ktoS',
    long: {
      'numeric-sort': 'n',
      reverse: 'r',
      unique: 'u',
      'ignore-case': 'f',
      'ignore-leading-blanks': 'b',
      'human-numeric-sort': 'h',
      'version-sort': 'V',
      'general-numeric-sort': 'g',
      stable: 's',
      key: 'k',
      'field-separator': 't',
      output: 'o',
    },
  });
  if ('error' in p) return usageError('sort', p.error, 'Usage: sort [OPTION]... [FILE]...', 2);
  let flags = '';
  const keys: Key[] = [];
  let sep: string | null = null;
  let unique = false;
  let stable = false;
  for (const o of p.opts) {
    if (o.name === 'k') {
      const k = parseKey(o.value!);
      if (!k) return { exit: 2, stdout: '', stderr: `sort: invalid number at field start: invalid count at start of '${o.value}'\n` };
      keys.push(k);
    } else if (o.name === 't') sep = o.value!;
    else if (o.name === 'u') unique = true;
    else if (o.name === 's') stable = true;
    else if (o.name === 'o' || o.name === 'c' || o.name === 'C' || o.name === 'M' || o.name === 'R' || o.name === 'z' || o.name === 'S')
      return { exit: 2, stdout: '', stderr: '', unsupported: `sort -${o.name}` };
    else flags += o.name;
  }
  let all: string[] = [];
  const consumed = { stdin: false };
  for (const name of p.operands.length ? p.operands : ['-']) {
    const r = readOperand('sort', name, io, consumed);
    if ('unsupported' in r) return { exit: 2, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 2, stdout: '', stderr: `${r.error}\n` };
    all = all.concat(lines(r.text));
  }
  const reverse = flags.includes('r');
  const global = flags.replace('r', '');
  const cmp = (a: string, b: string): number => {
    for (const k of keys) {
      const f = k.flags.replace('r', '') || global;
      const c = compare(keyText(a, k, sep), keyText(b, k, sep), f);
      if (c !== 0) return (k.flags.includes('r') || (!k.flags && reverse) ? -1 : 1) * c;
    }
    if (keys.length === 0) {
      const c = compare(a, b, global);
      if (c !== 0) return reverse ? -c : c;
    }
    if (stable || unique) return 0;
    // GNU's last resort: the whole lines, byte by byte
    const c = a < b ? -1 : a > b ? 1 : 0;
    return reverse ? -c : c;
  };
  const sorted = all.map((l, i) => ({ l, i })).sort((x, y) => cmp(x.l, y.l) || x.i - y.i);
  const out: string[] = [];
  for (const { l } of sorted) {
    if (unique && out.length && cmp(out[out.length - 1]!, l) === 0) continue;
    out.push(l);
  }
  return { exit: 0, stdout: out.map((l) => `${l}\n`).join(''), stderr: '' };
}
