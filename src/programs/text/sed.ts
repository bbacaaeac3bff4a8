/**
 * GNU sed's everyday part: `-n`, `-e`, `-E`/`-r`, `-i` (on the run's scratch files), scripts of
 * `s/RE/REPL/[gpNiI]`, `p`, `d`, `q`, `y/abc/xyz/`, `=`, `{…}` with addresses (N, `$`, /RE/,
 * A,B ranges, `!`), separated by `;` or newlines.
 */
import { compile } from './regex.js';
import { getopt, readOperand, usageError, type TextIo, type TextResult } from './tool.js';
import type { ScratchWrite } from '../../exec/scratch.js';
import { classifyPath } from '../../exec/scratch.js';

type Addr = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface Cmd {
  a1: Addr | null;
  a2: Addr | null;
  neg: boolean;
  name: string;
  re?: RegExp;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  from?: string;
  to?: string;
  block?: Cmd[];
  text?: string;
  /** for a range: whether it is open */
  active?: boolean;
  endLine?: number;
}

class SedError extends Error {}

function parse(script: string, extended: boolean): Cmd[] {
  let i = 0;
  const s = script;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const delimited = (d: string): string => {
    let out = '';
    while (i < s.length && s[i] !== d) {
      if (s[i] === '\\' && i + 1 < s.length) {
        if (s[i + 1] === d) out += d;
        else if (s[i + 1] === 'n') out += '\n';
        else out += s.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (s[i] === '\n') throw new SedError(`unterminated \`s' command`);
      out += s[i++];
    }
    if (i >= s.length) throw new SedError(`unterminated \`s' command`);
    i++;
    return out;
  };
  const regex = (src: string, flags = ''): RegExp => {
    const re = compile(src, extended, flags);
    if (!re) throw new SedError('-e expression #1, char 0: Invalid preceding regular expression');
    return re;
  };
  const addr = (): Addr | null => {
    if (/\d/.test(s[i] ?? '')) {
      const m = /^\d+/.exec(s.slice(i))![0];
      i += m.length;
      return { kind: 'line', n: Number(m) };
    }
    if (s[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (s[i] === '/' || s[i] === '\\') {
      const d = s[i] === '\\' ? s[i + 1]! : '/';
      i += s[i] === '\\' ? 2 : 1;
      const src = delimited(d);
      const flags = s[i] === 'I' ? (i++, 'i') : '';
      return { kind: 're', re: regex(src, flags) };
    }
    return null;
  };
  const list = (inBlock: boolean): Cmd[] => {
    const cmds: Cmd[] = [];
    for (;;) {
      while (i < s.length && /[\s;]/.test(s[i]!)) i++;
      if (i >= s.length) {
        if (inBlock) throw new SedError("unmatched `{'");
        return cmds;
      }
      if (s[i] === '}') {
        if (!inBlock) throw new SedError("unexpected `}'");
        i++;
        return cmds;
      }
      const a1 = addr();
      let a2: Addr | null = null;
      if (a1 && s[i] === ',') {
        i++;
        a2 = addr();
        if (!a2) throw new SedError("unexpected `,'");
      }
      ws();
      let neg = false;
      while (s[i] === '!') {
        neg = true;
        i++;
        ws();
      }
      const name = s[i++];
      if (name === undefined) throw new SedError('missing command');
      const c: Cmd = { a1, a2, neg, name };
      switch (name) {
        case 's': {
          const d = s[i++]!;
          c.re = regex(delimited(d));
          c.repl = delimited(d);
          let flags = '';
          while (i < s.length && /[gpiIme0-9]/.test(s[i]!)) flags += s[i++];
          c.global = flags.includes('g');
          c.print = flags.includes('p');
          const n = /\d+/.exec(flags);
          c.nth = n ? Number(n[0]) : 1;
          if (/[iI]/.test(flags)) c.re = new RegExp(c.re.source, 'i');
          break;
        }
        case 'y': {
          const d = s[i++]!;
          c.from = delimited(d);
          c.to = delimited(d);
          if ([...c.from].length !== [...c.to].length) throw new SedError("strings for `y' command are different lengths");
          break;
        }
        case '{':
          c.block = list(true);
          break;
        case 'a':
        case 'i':
        case 'c': {
          ws();
          if (s[i] === '\\') i++;
          if (s[i] === '\n') i++;
          const nl = s.indexOf('\n', i);
          c.text = s.slice(i, nl === -1 ? s.length : nl).replace(/^\s+/, '');
          i = nl === -1 ? s.length : nl;
          break;
        }
        case 'p':
        case 'd':
        case 'q':
        case 'Q':
        case '=':
        case 'n':
        case 'N':
        case 'P':
        case 'D':
        case 'h':
        case 'H':
        case 'g':
        case 'G':
        case 'x':
          break;
        default:
          throw new SedError(`unknown command: \`${name}'`);
      }
      cmds.push(c);
      ws();
      if (i < s.length && s[i] !== ';' && s[i] !== '\n' && s[i] !== '}') throw new SedError(`extra characters after command`);
    }
  };
  return list(false);
}

/** The replacement with `&`, `\1`…`\9`, `\n` filled in. */
function replacement(repl: string, m: RegExpExecArray): string {
  let out = '';
  for (let k = 0; k < repl.length; k++) {
    const c = repl[k]!;
    if (c === '&') out += m[0];
    else if (c === '\\' && k + 1 < repl.length) {
      const n = repl[++k]!;
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += c;
  }
  return out;
}

function matches(a: Addr, line: string, n: number, last: boolean): boolean {
  if (a.kind === 'line') return n === a.n;
  if (a.kind === 'last') return last;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(c: Cmd, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matches(c.a1, line, n, last);
  else if (c.active) {
    hit = true;
    if (c.a2.kind === 'line' ? n >= c.a2.n : matches(c.a2, line, n, last)) c.active = false;
  } else if (matches(c.a1, line, n, last)) {
    hit = true;
    c.active = !(c.a2.kind === 'line' && c.a2.n <= n);
  } else hit = false;
  return hit !== c.neg;
}

export function sed(argv: string[], io: TextIo): TextResult {
  const p = getopt('sed', argv, { flags: 'nErsiuz', values: 'ef', long: { quiet: 'n', silent: 'n', expression: 'e', 'regexp-extended': 'E', 'in-place': 'i', separate: 's' } });
  if ('error' in p) return usageError('sed', p.error, 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...', 1);
  const flags = new Set(p.opts.map((o) => o.name));
  if (flags.has('f') || flags.has('z')) return { exit: 1, stdout: '', stderr: '', unsupported: `sed -${flags.has('f') ? 'f' : 'z'}` };
  const scripts = p.opts.filter((o) => o.name === 'e').map((o) => o.value!);
  const operands = [...p.operands];
  if (scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) return usageError('sed', 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...', '', 1);
    scripts.push(s);
  }
  let prog: Cmd[];
  try {
    prog = parse(scripts.join('\n'), flags.has('E') || flags.has('r'));
  } catch (e) {
    if (e instanceof SedError) return { exit: 1, stdout: '', stderr: `sed: -e expression #1, char ${scripts.join('\n').length}: ${e.message}\n` };
    throw e;
  }
  const files = operands.length ? operands : ['-'];
  const quiet = flags.has('n');
  const inPlace = flags.has('i');
  const writes: ScratchWrite[] = [];
  let out = '';
  const consumed = { stdin: false };
  const texts: { name: string; text: string }[] = [];
  for (const name of files) {
    const r = readOperand('sed', name, io, consumed);
    if ('unsupported' in r) return { exit: 1, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 2, stdout: out, stderr: `sed: can't read ${name}: No such file or directory\n` };
    texts.push({ name, text: r.text });
  }
  const runOn = (text: string): { out: string; quit: boolean } => {
    const ls = text.split('\n');
    const complete = text.endsWith('\n');
    if (complete) ls.pop();
    let res = '';
    let hold = '';
    for (let n = 0; n < ls.length; n++) {
      let line = ls[n]!;
      const last = n === ls.length - 1;
      const nl = last && !complete ? '' : '\n';
      let deleted = false;
      let quit: 'q' | 'Q' | null = null;
      let append = '';
      const exec = (cmds: Cmd[]): void => {
        for (const c of cmds) {
          if (deleted || quit) return;
          if (!selected(c, line, n + 1, last)) continue;
          switch (c.name) {
            case 's': {
              let count = 0;
              let changed = false;
              const re = new RegExp(c.re!.source, `${c.re!.flags.replace('g', '')}g`);
              line = line.replace(re, (...args) => {
                count++;
                if (count < c.nth! || (!c.global && count > c.nth!)) return args[0] as string;
                changed = true;
                const m = args.slice(0, -2) as unknown as RegExpExecArray;
                return replacement(c.repl!, m);
              });
              if (changed && c.print) res += `${line}\n`;
              break;
            }
            case 'y':
              line = [...line]
                .map((ch) => {
                  const k = [...c.from!].indexOf(ch);
                  return k === -1 ? ch : [...c.to!][k]!;
                })
                .join('');
              break;
            case 'p':
              res += `${line}\n`;
              break;
            case 'P':
              res += `${line.split('\n')[0]}\n`;
              break;
            case 'd':
              deleted = true;
              break;
            case '=':
              res += `${n + 1}\n`;
              break;
            case 'q':
            case 'Q':
              quit = c.name;
              break;
            case '{':
              exec(c.block!);
              break;
            case 'a':
              append += `${c.text}\n`;
              break;
            case 'i':
              res += `${c.text}\n`;
              break;
            case 'c':
              res += `${c.text}\n`;
              deleted = true;
              break;
            case 'h':
              hold = line;
              break;
            case 'H':
              hold += `\n${line}`;
              break;
            case 'g':
              line = hold;
              break;
            case 'G':
              line += `\n${hold}`;
              break;
            case 'x':
              [line, hold] = [hold, line];
              break;
            case 'n':
              if (!quiet) res += line + nl;
              if (n + 1 < ls.length) line = ls[++n]!;
              else quit = 'Q';
              break;
            case 'N':
              if (n + 1 < ls.length) line += `\n${ls[++n]}`;
              else quit = 'q';
              break;
          }
        }
      };
      exec(prog);
      if (!deleted && !quiet && quit !== 'Q') res += line + (n === ls.length - 1 && !complete ? '' : '\n');
      res += append;
      if (quit) return { out: res, quit: true };
    }
    return { out: res, quit: false };
  };
  if (inPlace) {
    for (const t of texts) {
      const r = runOn(t.text);
      const c = classifyPath(t.name);
      if (c.kind !== 'scratch') return { exit: 1, stdout: '', stderr: '', unsupported: `sed -i on ${t.name}` };
      writes.push({ path: c.path, text: r.out, append: false });
    }
    return { exit: 0, stdout: '', stderr: '', writes };
  }
  // without -s, the inputs are one stream
  out = runOn(texts.map((t) => t.text).join('')).out;
  return { exit: 0, stdout: out, stderr: '' };
}
