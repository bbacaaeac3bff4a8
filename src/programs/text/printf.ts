/**
 * bash's builtin printf: the format reused until the arguments run out, `%s %b %q %c %d %i %u
 * %o %x %X %e %E %f %F %g %G %%` with flags, width and precision (`*` too), the format's
 * backslash escapes, numbers as C reads them ('a' is 97, 0x1f, 017); a bad number prints 0
 * and makes the status 1.
 */
import { backslashEscapes } from './echo.js';
import type { TextIo, TextResult } from './tool.js';

function toNumber(arg: string, errors: string[]): bigint {
  const s = arg.trim();
  if (s === '') return 0n;
  if (/^['"]/.test(s)) return BigInt(s.codePointAt(1) ?? 0);
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) {
    errors.push(`printf: ${arg}: invalid number`);
    return 0n;
  }
  const body = m[2]!;
  let v = body.startsWith('0x') || body.startsWith('0X') ? BigInt(body) : body.length > 1 && body.startsWith('0') ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  if (m[1] === '-') v = -v;
  if (m[0].length !== s.length) errors.push(`printf: ${arg}: invalid number`);
  return v;
}

function toFloat(arg: string, errors: string[]): number {
  const s = arg.trim();
  if (s === '') return 0;
  if (/^['"]/.test(s)) return s.codePointAt(1) ?? 0;
  const v = Number(s);
  if (Number.isNaN(v)) {
    const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s);
    errors.push(`printf: ${arg}: invalid number`);
    return m ? Number(m[0]) : 0;
  }
  return v;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    const rest = sign ? s.slice(1) : s;
    const prefix = /^0[xX]/.test(rest) ? rest.slice(0, 2) : '';
    return sign + prefix + rest.slice(prefix.length).padStart(width - sign.length - prefix.length, '0');
  }
  return s.padStart(width);
}

/** `%q`: the word quoted so bash reads it back. */
function shellQuote(s: string): string {
  if (s === '') return "''";
  return s.replace(/[^A-Za-z0-9_./:=@%+,-]/g, '\\$&');
}

function formatG(v: number, prec: number, upper: boolean, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = v.toExponential(p - 1);
    if (!alt) s = s.replace(/\.?0+e/, 'e');
    s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  } else {
    s = v.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return upper ? s.toUpperCase() : s;
}

export function printf(argv: string[], _io: TextIo): TextResult {
  let args = argv;
  if (args[0] === '--') args = args.slice(1);
  const format = args[0];
  if (format === undefined) return { exit: 2, stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n' };
  const values = args.slice(1);
  const errors: string[] = [];
  let out = '';
  let k = 0;
  const next = (): string | undefined => values[k++];
  for (;;) {
    const before = k;
    let i = 0;
    let stopped = false;
    while (i < format.length) {
      const c = format[i]!;
      if (c === '\\') {
        let j = i + 1;
        if (format[j] === '0' || /[1-7]/.test(format[j] ?? '')) {
          const m = /^[0-7]{1,3}/.exec(format.slice(j))![0];
          out += String.fromCharCode(parseInt(m, 8) & 0xff);
          i = j + m.length;
          continue;
        }
        j = i + 2;
        const r = backslashEscapes(format.slice(i, j));
        out += r.text;
        i = j;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(format.slice(i));
      if (!m) {
        errors.push(`printf: \`${format.slice(i + 1, i + 2)}': invalid format character`);
        stopped = true;
        break;
      }
      i += m[0].length;
      const flags = m[1]!;
      const conv = m[4]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = m[2] === '*' ? Number(toNumber(next() ?? '0', errors)) : Number(m[2] ?? 0);
      const precRaw = m[3] === '*' ? String(toNumber(next() ?? '0', errors)) : m[3];
      const prec = precRaw === undefined ? undefined : Number(precRaw || 0);
      const left = flags.includes('-') || width < 0;
      const w = Math.abs(width);
      const zero = flags.includes('0') && !left;
      const arg = next();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, w, left, false);
          break;
        case 'b': {
          const r = backslashEscapes(arg ?? '', true);
          s = prec !== undefined ? r.text.slice(0, prec) : r.text;
          out += pad(s, w, left, false);
          if (r.stop) return { exit: errors.length ? 1 : 0, stdout: out, stderr: errors.map((e) => `${e}\n`).join('') };
          break;
        }
        case 'q':
          out += pad(shellQuote(arg ?? ''), w, left, false);
          break;
        case 'c':
          out += pad((arg ?? '').slice(0, 1), w, left, false);
          break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          let v = toNumber(arg ?? '0', errors);
          if (conv === 'u' && v < 0n) v = BigInt.asUintN(64, v);
          let digits =
            conv === 'o' ? (v < 0n ? BigInt.asUintN(64, v) : v).toString(8) : conv === 'x' || conv === 'X' ? (v < 0n ? BigInt.asUintN(64, v) : v).toString(16) : (v < 0n ? -v : v).toString();
          if (conv === 'X') digits = digits.toUpperCase();
          if (prec !== undefined) digits = prec === 0 && v === 0n ? '' : digits.padStart(prec, '0');
          if (flags.includes('#') && v !== 0n) digits = conv === 'o' ? `0${digits}` : conv === 'x' ? `0x${digits}` : conv === 'X' ? `0X${digits}` : digits;
          const sign = (conv === 'd' || conv === 'i') && v < 0n ? '-' : (conv === 'd' || conv === 'i') && flags.includes('+') ? '+' : (conv === 'd' || conv === 'i') && flags.includes(' ') ? ' ' : '';
          out += pad(sign + digits, w, left, zero && prec === undefined);
          break;
        }
        default: {
          const v = toFloat(arg ?? '0', errors);
          const p = prec ?? 6;
          if (conv === 'f' || conv === 'F') s = v.toFixed(p);
          else if (conv === 'e' || conv === 'E') {
            s = v.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
            if (conv === 'E') s = s.toUpperCase();
          } else if (conv === 'g' || conv === 'G') s = formatG(v, p, conv === 'G', flags.includes('#'));
          else {
            errors.push(`printf: \`${conv}': invalid format character`);
            stopped = true;
            s = '';
          }
          if (v >= 0 && flags.includes('+')) s = `+${s}`;
          else if (v >= 0 && flags.includes(' ')) s = ` ${s}`;
          out += pad(s, w, left, zero);
        }
      }
      if (stopped) break;
    }
    // the format is used again while arguments are left (and it used some)
    if (stopped || k >= values.length || k === before) break;
  }
  return { exit: errors.length ? 1 : 0, stdout: out, stderr: errors.map((e) => `${e}\n`).join('') };
}
