/** bash's builtin echo: -n, -e, -E (bundled, as bash accepts them), and -e's escapes. */
import type { TextIo, TextResult } from './tool.js';

/** The escapes of `echo -e` and `printf %b`; `\c` ends the output (stop: true). */
export function backslashEscapes(s: string, printfB = false): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (simple[n] !== undefined) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0' || (printfB && /[1-7]/.test(n))) {
      const m = /^[0-7]{0,3}/.exec(s.slice(n === '0' ? i + 1 : i))![0];
      out += String.fromCharCode(parseInt(m || '0', 8) & 0xff);
      i += n === '0' ? m.length : m.length - 1;
    } else if (n === 'x' && /[0-9A-Fa-f]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9A-Fa-f]{1,2}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else if ((n === 'u' || n === 'U') && /[0-9A-Fa-f]/.test(s[i + 1] ?? '')) {
      const m = new RegExp(`^[0-9A-Fa-f]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 1))![0];
      out += String.fromCodePoint(parseInt(m, 16));
      i += m.length;
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export function echo(argv: string[], _io: TextIo): TextResult {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]!); i++) {
    for (const f of argv[i]!.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let s = argv.slice(i).join(' ');
  if (escapes) {
    const r = backslashEscapes(s);
    if (r.stop) return { exit: 0, stdout: r.text, stderr: '' };
    s = r.text;
  }
  return { exit: 0, stdout: newline ? `${s}\n` : s, stderr: '' };
}
