/**
 * bash's `read` builtin: one line from the command's stdin (a pipe, a here-document, a
 * here-string), split on IFS into the names given (the last takes the rest), `-r`, `-a`, `-p`,
 * `-d`, `-n`; status 1 at the end of the input.
 */
import type { Run } from './expand.js';
import type { Shell } from './shell.js';
import type { Io, StepRecord } from './io.js';
import { unsupportedHere } from './simple.js';

function* none(): Run<void> {
  // a builtin that runs no command still has the generator's shape
}

export function* read(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  yield* none();
  let raw = false;
  let delim = '\n';
  let arrayName: string | null = null;
  let nchars: number | null = null;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (names.length === 0 && /^-[a-zA-Z]+$/.test(a)) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k]!;
        const value = () => (k + 1 < a.length ? a.slice(k + 1) : argv[++i]);
        if (f === 'r') raw = true;
        else if (f === 's') continue;
        else if (f === 'p' || f === 't') {
          value();
          break;
        } else if (f === 'd') {
          delim = value()?.[0] ?? '';
          break;
        } else if (f === 'a') {
          arrayName = value() ?? null;
          break;
        } else if (f === 'n' || f === 'N') {
          nchars = Number(value());
          break;
        } else return unsupportedHere(sh, rec, `read -${f}`);
      }
    } else names.push(a);
  }
  const input = io.stdin;
  if (!input || input.pos >= input.data.length) {
    for (const n of names.length ? names : ['REPLY']) sh.set(n, '');
    return 1;
  }
  let line = '';
  let eof = true;
  while (input.pos < input.data.length) {
    const c = input.data[input.pos++]!;
    if (!raw && c === '\\') {
      const n = input.data[input.pos++];
      if (n === undefined) break;
      if (n !== '\n') line += `\\${n}`;
      continue;
    }
    if (c === delim || (delim === '' && c === '\0')) {
      eof = false;
      break;
    }
    line += c;
    if (nchars !== null && [...line].length >= nchars) {
      eof = false;
      break;
    }
  }
  const ifs = sh.ifs;
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWs = (c: string) => ws.includes(c);
  const unquote = (s: string) => (raw ? s : s.replace(/\\(.)/g, '$1'));
  if (arrayName !== null) {
    sh.vars.set(arrayName, splitFields(line, ifs).map(unquote));
    return eof ? 1 : 0;
  }
  const targets = names.length ? names : ['REPLY'];
  if (names.length === 0) {
    sh.set('REPLY', unquote(line));
    return eof ? 1 : 0;
  }
  let rest = line;
  for (let t = 0; t < targets.length; t++) {
    // leading IFS blanks never belong to a field
    let k = 0;
    while (k < rest.length && isWs(rest[k]!)) k++;
    rest = rest.slice(k);
    if (t === targets.length - 1) {
      let end = rest.length;
      while (end > 0 && isWs(rest[end - 1]!) && rest[end - 2] !== '\\') end--;
      let v = rest.slice(0, end);
      // one trailing non-blank IFS character goes too, when it ends the line
      if (
        v.length &&
        ifs.includes(v[v.length - 1]!) &&
        !isWs(v[v.length - 1]!) &&
        !v
          .slice(0, -1)
          .split('')
          .some((c) => ifs.includes(c) && !isWs(c))
      )
        v = v.slice(0, -1);
      sh.set(targets[t]!, unquote(v));
      break;
    }
    let j = 0;
    while (j < rest.length && !(ifs.includes(rest[j]!) && rest[j - 1] !== '\\')) j++;
    sh.set(targets[t]!, unquote(rest.slice(0, j)));
    rest = rest.slice(j);
    // the delimiter: blanks, at most one non-blank IFS character, blanks
    let d = 0;
    while (d < rest.length && isWs(rest[d]!)) d++;
    if (d < rest.length && ifs.includes(rest[d]!) && !isWs(rest[d]!)) d++;
    rest = rest.slice(d);
  }
  return eof ? 1 : 0;
}

function splitFields(s: string, ifs: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of s) {
    if (ifs.includes(c)) {
      if (cur !== '' || !' \t\n'.includes(c)) out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') out.push(cur);
  return out;
}
