/**
 * Array assignments as bash makes them: `a[SUB]=v` (SUB a key of an associative array, else an
 * arithmetic index) and the compound `a=(x [k]=v …)` / `a+=(…)`, whose `[SUB]=` words are
 * subscripted and whose other words are split as arguments are.
 */
import type { ShellWord, WordPart } from './ast.js';
import { expandOne, expandSubscript, expandWord, type ExpandEnv, type Run } from './expand.js';
import { Lexer } from './lexer.js';
import type { Shell } from './shell.js';
import { ArithError } from './arith.js';

/** one word of a compound assignment: `[SUB]=value` (SUB expanded) or a plain value */
export interface ArrayItem {
  sub?: string;
  value: string;
  append?: boolean;
  /** a plain item's word as written (bash names it in a warning) */
  text?: string;
}

/** a declaration builtin's `NAME=(…)` items by argument position (simple.ts expands them, declare.ts assigns them) */
export type DeclItems = Map<number, ArrayItem[]>;
/** bash's warnings while expanding (a bad subscript), printed before the command runs */
export type ExpansionWarnings = string[];

/**
 * Recognises `NAME=value` and `NAME+=value` (unquoted `=`, valid NAME, optionally `NAME[i]=`).
 *
 * @example
 * asAssignment(parseShell('B="x y"').commands[0]!.words[0]!); // { name: 'B', value: { text: '"x y"', ... }, append: false }
 */
export function asAssignment(word: ShellWord): { name: string; value: ShellWord; append: boolean; index?: string } | null {
  const first = word.parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(\+?)=/.exec(first.text);
  if (!m) return null;
  const rest = first.text.slice(m[0].length);
  const parts: WordPart[] = rest === '' ? [] : [{ kind: 'lit', text: rest, quoted: false }];
  parts.push(...word.parts.slice(1));
  const eq = word.text.indexOf('=');
  const a: { name: string; value: ShellWord; append: boolean; index?: string } = { name: m[1]!, value: { parts, text: eq === -1 ? '' : word.text.slice(eq + 1) }, append: m[3] === '+' };
  if (m[2] !== undefined) a.index = m[2];
  return a;
}

/** An assignment's value: expansions concatenated without word splitting, as bash assigns. */
export function* expandAssignmentValue(value: ShellWord, env: ExpandEnv): Run<string> {
  return yield* expandOne(value, env);
}

/** The end of a subscript opening at `text[open]` (`[`): the index of its `]`, or -1. */
function subscriptEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === "'") {
      const q = text.indexOf("'", i + 1);
      if (q === -1) return -1;
      i = q;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The parts of the value after a `…=` whose prefix spans several parts: the value text lexed again. */
function valueWord(text: string): ShellWord {
  if (text === '') return { parts: [], text };
  const tok = new Lexer(text).next();
  return tok.kind === 'word' ? { parts: tok.word.parts, text } : { parts: [{ kind: 'lit', text, quoted: false } as WordPart], text };
}

/**
 * `NAME=v`, `NAME+=v` and `NAME[SUB]=v` (SUB as written, for {@link expandSubscript}), also when
 * SUB holds expansions or quotes (`a[$k]=v`, `a["x y"]=v`).
 */
export function assignmentOf(word: ShellWord): { name: string; value: ShellWord; append: boolean; index?: string } | null {
  const simple = asAssignment(word);
  if (simple) return simple;
  const first = word.parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(word.text);
  if (!m) return null;
  const close = subscriptEnd(word.text, m[1]!.length);
  const op = close === -1 ? null : /^\+?=/.exec(word.text.slice(close + 1));
  if (!op) return null;
  return { name: m[1]!, index: word.text.slice(m[1]!.length + 1, close), append: op[0] === '+=', value: valueWord(word.text.slice(close + 1 + op[0].length)) };
}

/** The items of `(…)`: `[SUB]=value` words subscripted, the others expanded as arguments. */
export function* expandCompound(words: ShellWord[], sh: Shell): Run<ArrayItem[]> {
  const items: ArrayItem[] = [];
  for (const w of words) {
    const close = w.text.startsWith('[') && w.parts[0]?.kind === 'lit' && !w.parts[0].quoted ? subscriptEnd(w.text, 0) : -1;
    const op = close === -1 ? null : /^\+?=/.exec(w.text.slice(close + 1));
    if (op) {
      const sub = yield* expandSubscript(w.text.slice(1, close), sh);
      const first = (w.parts[0] as { text: string }).text;
      const at = close + 1 + op[0].length;
      const value: ShellWord = first.length >= at ? { parts: [{ kind: 'lit', text: first.slice(at), quoted: false }, ...w.parts.slice(1)], text: w.text.slice(at) } : valueWord(w.text.slice(at));
      items.push({ sub, value: yield* expandAssignmentValue(value, sh), ...(op[0] === '+=' ? { append: true } : {}) });
    } else for (const v of yield* expandWord(w, sh)) items.push({ value: v, text: w.text });
  }
  return items;
}

/** An indexed array's index from an expanded subscript (bash's words on a bad one). */
function indexOf(sh: Shell, name: string, sub: string, raw = sub): number {
  const i = Number(sh.evaluate(sub || '0'));
  if (i < 0 && Number(sh.vars.keys(name)?.at(-1) ?? -1) + 1 + i < 0) throw new BadSubscript(`${name}[${raw}]: bad array subscript`);
  return i;
}

export class BadSubscript extends Error {}

/** `NAME[SUB]=value` / `NAME[SUB]+=value` (RAW: SUB as written, for bash's error); false when NAME is read-only. */
export function assignElement(sh: Shell, name: string, sub: string, value: string, append: boolean, raw = sub): boolean {
  if (sh.vars.isAssoc(name)) {
    if (sub === '') throw new BadSubscript(`${name}[${raw}]: bad array subscript`);
    return sh.vars.setKey(name, sub, append ? (sh.vars.element(name, sub) ?? '') + value : value);
  }
  const i = indexOf(sh, name, sub, raw);
  return sh.vars.setIndex(name, i, append ? (sh.vars.element(name, i) ?? '') + value : value);
}

/**
 * `NAME=(…)` / `NAME+=(…)`: a fresh array (an associative one as wide as before) or, with `+=`,
 * the items added. Returns bash's warnings (an associative array's item without a subscript)
 * and false when NAME is read-only.
 */
export function assignCompound(sh: Shell, name: string, items: ArrayItem[], append: boolean, quoteText = false): { ok: boolean; warnings: string[] } {
  const warnings: string[] = [];
  if (sh.vars.isReadonly(name)) return { ok: false, warnings };
  if (sh.vars.isAssoc(name)) {
    // bash 5.2: a list whose first word has no subscript is key/value pairs
    if (items[0]?.sub === undefined) {
      const words = items.map((i) => (i.sub === undefined ? i.value : `[${i.sub}]${i.append ? '+' : ''}=${i.value}`));
      if (!append) sh.vars.set(name, words);
      else for (let k = 0; k < words.length; k += 2) sh.vars.setKey(name, words[k]!, words[k + 1] ?? '');
      return { ok: true, warnings };
    }
    if (!append) sh.vars.set(name, []);
    for (const i of items) {
      // a declaration builtin's words reach it quoted, and bash names them so
      const text = quoteText ? `'${(i.text ?? i.value).replaceAll("'", "'\\''")}'` : (i.text ?? i.value);
      if (i.sub === undefined) warnings.push(`${name}: ${text}: must use subscript when assigning associative array`);
      else assignElement(sh, name, i.sub, i.value, i.append === true);
    }
    return { ok: true, warnings };
  }
  let next = append ? Math.max(0, ...(sh.vars.keys(name) ?? []).map((k) => Number(k) + 1)) : 0;
  if (!append) sh.vars.set(name, []);
  else if (!sh.vars.isArray(name)) sh.vars.declareIndexed(name);
  for (const i of items) {
    const at = i.sub === undefined ? next : indexOf(sh, name, i.sub);
    sh.vars.setIndex(name, at, i.append ? (sh.vars.element(name, at) ?? '') + i.value : i.value);
    next = (at < 0 ? Math.max(0, ...(sh.vars.keys(name) ?? []).map(Number)) : at) + 1;
  }
  return { ok: true, warnings };
}

const SUBSCRIPTED = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s;

/** An arithmetic expression's variable (`a[i]`, `m[k]` name an array's element). */
export function arithGet(sh: Shell, name: string): string | undefined {
  const m = SUBSCRIPTED.exec(name);
  return m ? elementOf(sh, m[1]!, m[2]!) : sh.get(name);
}

/** Sets a variable or, for `a[i]`/`m[k]` (arithmetic's assignments), an array's element; false when read-only. */
export function setVar(sh: Shell, name: string, value: string): boolean {
  const m = SUBSCRIPTED.exec(name);
  if (!m) return sh.vars.set(name, value);
  try {
    return assignElement(sh, m[1]!, m[2]!, value, false);
  } catch (e) {
    if (e instanceof BadSubscript) throw new ArithError(e.message);
    throw e;
  }
}

/** `${NAME[SUB]}`: an associative array's key SUB, else the index SUB evaluates to (bash warns on one before the start). */
export function elementOf(sh: Shell, name: string, sub: string): string | undefined {
  if (sh.vars.isAssoc(name)) {
    if (sub === '') sh.warnings.push(`${name}: bad array subscript`);
    return sh.vars.element(name, sub);
  }
  const i = Number(sh.evaluate(sub || '0'));
  if (name === 'BASH_REMATCH') return sh.rematch.at(i);
  if (i < 0 && sh.vars.isArray(name) && Number(sh.vars.keys(name)!.at(-1) ?? -1) + 1 + i < 0) {
    sh.warnings.push(`${name}: bad array subscript`);
    return undefined;
  }
  return sh.vars.element(name, i);
}
