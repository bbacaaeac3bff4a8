/**
 * Word expansion as bash does it: brace expansion, tilde, parameters (with their operators),
 * command substitution (through the shell: the commands inside run as any others), arithmetic,
 * then field splitting on IFS and quote removal. No pathname expansion: a pattern stays as
 * written (nettwin has no file system to match it against), as bash leaves one that matches
 * nothing.
 */
import type { ShellWord, WordPart } from './ast.js';
import type { Request } from '../exec/executor.js';
import type { Outcome } from '../exec/outcome.js';
import { braceExpand } from './brace.js';
import { Lexer, ShellSyntaxError } from './lexer.js';
import { evaluate, ArithError } from './arith.js';
import { patternSource, removeMatch, replaceMatch, type PatternPiece } from './pattern.js';

/** A step of the shell that may run commands: yields their requests, takes their outcomes. */
export type Run<T> = Generator<Request, T, Outcome>;

/**
 * An error while expanding. `fatal`: bash ends a non-interactive shell (an unbound variable
 * under `set -u`, `${x:?}`); otherwise it abandons the command line and goes on with the next.
 */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

/** What expansion reads and writes of the shell. */
export interface ExpandEnv {
  /** a scalar, a positional or special parameter (`1`, `?`, `#` …), or an array's element 0 */
  get(name: string): string | undefined;
  /** an array's elements (`@`/`*`: the positional parameters), or undefined when unset */
  array(name: string): string[] | undefined;
  /** `${!a[@]}`: an array's indices or keys, or undefined when unset */
  keys(name: string): string[] | undefined;
  /** `${a[SUB]}` with SUB expanded: an associative array's key, else an arithmetic index */
  element(name: string, sub: string): string | undefined;
  set(name: string, value: string): void;
  readonly nounset: boolean;
  readonly ifs: string;
  /** runs `$(…)` and returns what it printed */
  cmdsub(text: string, line: number): Run<string>;
  /** runs `<(…)` and returns the name of the file that holds what it printed (/dev/fd/63 …) */
  procsub(text: string, line: number): Run<string>;
}

interface Piece {
  text: string;
  quoted: boolean;
  /** an unquoted expansion's result: split on IFS */
  split: boolean;
  /** ends a field here ("$@" between its words) */
  brk?: boolean;
}

function* arithValue(text: string, env: ExpandEnv): Run<string> {
  // double quotes inside $((…)) are removed; an empty expression is 0
  const expr = (yield* expandString(Lexer.heredocParts(text), env)).replace(/(^|[^\\])"/g, '$1');
  if (expr.trim() === '') return '0';
  try {
    return String(
      evaluate(expr, {
        // `a[i]`/`m[k]`: an array's element (env.set takes the subscripted name as it is)
        get: (n) => (/^\w+\[.*\]$/s.test(n) ? env.element(n.slice(0, n.indexOf('[')), n.slice(n.indexOf('[') + 1, -1)) : env.get(n)),
        set: (n, v) => env.set(n, v),
      }),
    );
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(e.message, false);
    throw e;
  }
}

/** how bash names a parameter that is not set (`a[k]`, as written) */
const unboundName = (p: Extract<WordPart, { kind: 'var' }>): string => (p.index !== undefined && p.index !== '@' && p.index !== '*' ? `${p.name}[${p.index}]` : p.name);

/** A subscript as written, expanded (quotes removed, nothing split). */
export function* expandSubscript(raw: string, env: ExpandEnv): Run<string> {
  let parts: WordPart[];
  try {
    parts = Lexer.subscriptParts(raw);
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new ExpansionError(`${raw}: bad substitution`, false);
    throw e;
  }
  return yield* expandString(parts, env);
}

/** The value of `$NAME` / `${NAME[i]}` for the operators, and whether it is set. */
function* paramValue(p: Extract<WordPart, { kind: 'var' }>, env: ExpandEnv): Run<string | undefined> {
  if (p.index !== undefined && p.index !== '@' && p.index !== '*') {
    const sub = yield* expandSubscript(p.index, env);
    try {
      return env.element(p.name, sub);
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message, false);
      throw e;
    }
  }
  if (p.index !== undefined || p.name === '@' || p.name === '*') {
    const arr = p.name === '@' || p.name === '*' ? env.array('@') : env.array(p.name);
    if (arr === undefined) return env.get(p.name);
    return arr.join(p.name === '*' || p.index === '*' ? (env.ifs[0] ?? '') : ' ');
  }
  return env.get(p.name);
}

function* varPieces(p: Extract<WordPart, { kind: 'var' }>, env: ExpandEnv, out: Piece[]): Run<void> {
  const quoted = p.quoted;
  const emit = (text: string) => out.push({ text, quoted, split: !quoted });
  const isList = p.name === '@' || p.name === '*' || p.index === '@' || p.index === '*';
  if (p.op === 'keys') {
    const keys = env.keys(p.name) ?? [];
    if (quoted && p.index === '@') {
      keys.forEach((k, i) => {
        if (i > 0) out.push({ text: '', quoted: true, split: false, brk: true });
        out.push({ text: k, quoted: true, split: false });
      });
      if (keys.length === 0) out.push({ text: '', quoted: false, split: false, brk: false });
    } else emit(keys.join(quoted ? (env.ifs[0] ?? '') : ' '));
    return;
  }
  if (p.op === 'len') {
    if (isList) {
      const arr = p.name === '@' || p.name === '*' ? env.array('@') : env.array(p.name);
      emit(String(arr?.length ?? (env.get(p.name) !== undefined ? 1 : 0)));
      return;
    }
    const v = yield* paramValue(p, env);
    if (v === undefined && env.nounset) throw new ExpansionError(`${unboundName(p)}: unbound variable`, true);
    emit(String([...(v ?? '')].length));
    return;
  }
  const value = yield* paramValue(p, env);
  const op = p.op;
  if (
    op === undefined ||
    op === '#' ||
    op === '##' ||
    op === '%' ||
    op === '%%' ||
    op === '/' ||
    op === '//' ||
    op === '/#' ||
    op === '/%' ||
    op === ':' ||
    op === '^^' ||
    op === ',,' ||
    op === '^' ||
    op === ','
  ) {
    const unset = value === undefined && !(isList && (p.name === '@' || p.name === '*'));
    if (unset && env.nounset && !/^[0-9?$#!-]$/.test(p.name)) throw new ExpansionError(`${unboundName(p)}: unbound variable`, true);
    if (unset && env.nounset && /^[1-9]$/.test(p.name)) throw new ExpansionError(`${p.name}: unbound variable`, true);
    let v = value ?? '';
    if (op !== undefined) v = yield* applyOp(v, op, p.default!, env);
    // "$@" and "${a[@]}": one field per element
    if (isList && quoted && p.name !== '*' && p.index !== '*' && op === undefined) {
      const arr = (p.name === '@' ? env.array('@') : env.array(p.name)) ?? (value !== undefined ? [value] : []);
      arr.forEach((a, i) => {
        if (i > 0) out.push({ text: '', quoted: true, split: false, brk: true });
        out.push({ text: a, quoted: true, split: false });
      });
      if (arr.length === 0) out.push({ text: '', quoted: false, split: false, brk: false });
      return;
    }
    emit(v);
    return;
  }
  const colon = op.startsWith(':');
  const missing = value === undefined || (colon && value === '');
  switch (op) {
    case '-':
    case ':-':
      if (missing) yield* wordPieces(p.default!.parts, env, out, !quoted);
      else emit(value!);
      return;
    case '=':
    case ':=':
      if (missing) {
        const v = yield* expandString(p.default!.parts, env);
        env.set(p.name, v);
        emit(v);
      } else emit(value!);
      return;
    case '+':
    case ':+':
      if (!missing) yield* wordPieces(p.default!.parts, env, out, !quoted);
      return;
    case '?':
    case ':?': {
      if (!missing) {
        emit(value!);
        return;
      }
      const msg = yield* expandString(p.default!.parts, env);
      throw new ExpansionError(`${p.name}: ${msg || (value === undefined ? 'parameter null or not set' : 'parameter null or not set')}`, true);
    }
  }
}

function* applyOp(v: string, op: string, arg: ShellWord, env: ExpandEnv): Run<string> {
  switch (op) {
    case '#':
    case '##':
    case '%':
    case '%%':
      return removeMatch(v, yield* patternPieces(arg.parts, env), op);
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const [pat, rep] = splitReplacement(arg.parts);
      return replaceMatch(v, yield* patternPieces(pat, env), rep ? yield* expandString(rep, env) : '', op);
    }
    case ':': {
      const src = yield* expandString(arg.parts, env);
      const colon = topLevelColon(src);
      const off = Number(yield* arithValue(colon === -1 ? src : src.slice(0, colon), env));
      const chars = [...v];
      let start = off < 0 ? Math.max(0, chars.length + off) : Math.min(off, chars.length);
      if (off < 0 && chars.length + off < 0) return '';
      let end = chars.length;
      if (colon !== -1) {
        const len = Number(yield* arithValue(src.slice(colon + 1), env));
        end = len < 0 ? chars.length + len : start + len;
        if (end < start) throw new ExpansionError(`${src.slice(colon + 1).trim()}: substring expression < 0`, false);
      }
      start = Math.max(0, start);
      return chars.slice(start, end).join('');
    }
    case '^^':
      return v.toUpperCase();
    case ',,':
      return v.toLowerCase();
    case '^':
      return v.slice(0, 1).toUpperCase() + v.slice(1);
    case ',':
      return v.slice(0, 1).toLowerCase() + v.slice(1);
  }
  return v;
}

function topLevelColon(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === ':' && depth === 0) return i;
    else if (s[i] === '?' && depth === 0) depth += 100;
  }
  return -1;
}

/** `pattern/replacement`: split at the first unquoted `/`. */
function splitReplacement(parts: WordPart[]): [WordPart[], WordPart[] | null] {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind !== 'lit' || p.quoted) continue;
    const k = p.text.indexOf('/');
    if (k === -1) continue;
    const before: WordPart[] = [...parts.slice(0, i), { kind: 'lit', text: p.text.slice(0, k), quoted: false }];
    const after: WordPart[] = [{ kind: 'lit', text: p.text.slice(k + 1), quoted: false }, ...parts.slice(i + 1)];
    return [before, after];
  }
  return [parts, null];
}

/** The pieces of a word's parts; `splitLits`: unquoted literal text splits too (inside an unquoted `${x:-a b}`). */
function* wordPieces(parts: WordPart[], env: ExpandEnv, out: Piece[], splitLits = false): Run<void> {
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
        out.push({ text: p.text, quoted: p.quoted, split: splitLits && !p.quoted });
        break;
      case 'var':
        yield* varPieces(p, env, out);
        break;
      case 'cmdsub': {
        const text = (yield* env.cmdsub(p.text, p.line)).replace(/\n+$/, '');
        out.push({ text, quoted: p.quoted, split: !p.quoted });
        break;
      }
      case 'arith':
        out.push({ text: yield* arithValue(p.text, env), quoted: p.quoted, split: !p.quoted });
        break;
      case 'procsub':
        out.push({ text: yield* env.procsub(p.text, p.line), quoted: true, split: false });
        break;
      case 'unsupported':
        throw new UnsupportedExpansion(p.text);
    }
  }
}

/** A part nettwin does not expand (process substitution …): the command is reported, not run. */
export class UnsupportedExpansion extends Error {
  constructor(readonly text: string) {
    super(`expansion ${text}`);
  }
}

const IFS_WS = new Set([' ', '\t', '\n']);

/** Field splitting of pieces on IFS, then quote removal. */
function split(pieces: Piece[], ifs: string): string[] {
  const fields: string[] = [];
  let cur = '';
  let started = false;
  let afterWs = false;
  for (const p of pieces) {
    if (p.brk) {
      fields.push(cur);
      cur = '';
      started = false;
      continue;
    }
    if (!p.split || ifs === '') {
      cur += p.text;
      if (p.text !== '' || p.quoted) started = true;
      if (p.text !== '') afterWs = false;
      continue;
    }
    for (const ch of p.text) {
      if (!ifs.includes(ch)) {
        cur += ch;
        started = true;
        afterWs = false;
      } else if (IFS_WS.has(ch)) {
        if (started) fields.push(cur);
        if (started) afterWs = true;
        cur = '';
        started = false;
      } else {
        // a non-blank IFS character always ends a field, empty or not (unless blanks just did)
        if (started || !afterWs) fields.push(cur);
        cur = '';
        started = false;
        afterWs = false;
      }
    }
  }
  if (started) fields.push(cur);
  return fields;
}

/**
 * The fields of words, as bash makes a command's arguments.
 *
 * @example
 * yield* expandWords(parseShell('ip netns add ns{1,2}').commands[0]!.words, env) // ['ip', 'netns', 'add', 'ns1', 'ns2']
 */
export function* expandWords(words: ShellWord[], env: ExpandEnv): Run<string[]> {
  const out: string[] = [];
  for (const w of words) out.push(...(yield* expandWord(w, env)));
  return out;
}

/** The fields of one word. */
export function* expandWord(word: ShellWord, env: ExpandEnv): Run<string[]> {
  const only = word.parts.length === 1 ? word.parts[0]! : null;
  if (only?.kind === 'lit' && (only.quoted || !only.text.includes('{'))) return only.text !== '' || only.quoted ? [only.text] : [];
  const out: string[] = [];
  for (const parts of braceExpand(word.parts)) {
    const pieces: Piece[] = [];
    yield* wordPieces(parts, env, pieces);
    // "$@" with no parameters, and nothing else but empty quotes, is no field at all
    if (pieces.some((p) => p.brk === false) && pieces.every((p) => p.text === '' && !p.brk)) continue;
    out.push(...split(pieces, env.ifs));
  }
  return out;
}

/** A word expanded to one string, without splitting (assignments, redirection targets, `case`, `[[ ]]`). */
export function* expandOne(word: ShellWord, env: ExpandEnv): Run<string> {
  return yield* expandString(word.parts, env);
}

function* expandString(parts: WordPart[], env: ExpandEnv): Run<string> {
  const pieces: Piece[] = [];
  yield* wordPieces(parts, env, pieces);
  return pieces.map((p) => (p.brk ? ' ' : p.text)).join('');
}

/** A word as a pattern: quoted text literal, the rest with its pattern characters. */
export function* patternPieces(parts: WordPart[], env: ExpandEnv): Run<PatternPiece[]> {
  const pieces: Piece[] = [];
  yield* wordPieces(parts, env, pieces);
  return pieces.map((p) => ({ text: p.text, quoted: p.quoted }));
}

/** A here-document's body with its expansions (when its delimiter was not quoted). */
export function* expandHeredoc(body: string, env: ExpandEnv, line = 1): Run<string> {
  // a substitution's lines count from the body's first line
  const parts = Lexer.heredocParts(body).map((p) => (p.kind === 'cmdsub' ? { ...p, line: p.line + line - 1 } : p));
  return yield* expandString(parts, env);
}

/** The regular expression source of a pattern word (`[[ x == pat ]]`, `case`). */
export function* patternOf(word: ShellWord, env: ExpandEnv): Run<string> {
  return patternSource(yield* patternPieces(word.parts, env));
}
