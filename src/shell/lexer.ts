/**
 * Tokenizer for the POSIX-sh subset understood by {@link parseShell}.
 *
 * Internal module: the public surface is `./shell.ts`. The lexer is pull-based
 * (the parser asks for one token at a time) because here-document bodies can only
 * be located once the parser has told us which `<<` delimiter it saw, exactly as
 * bash reads them after the newline that ends the command line.
 *
 * Nothing here ever evaluates shell code: `$(...)`, backquotes and other constructs
 * we cannot expand statically are only delimited and kept as source text.
 */
import type { ShellWord, WordPart } from './ast.js';

/** Operators and redirections; `fd` is set for `2>` style redirections. */
export interface OpToken {
  kind: 'op';
  op: string;
  start: number;
  end: number;
  fd?: number;
}

/** A shell word with its source span. */
export interface WordToken {
  kind: 'word';
  word: ShellWord;
  start: number;
  end: number;
}

/** End of a logical line (comments are dropped before it). */
export interface NewlineToken {
  kind: 'newline';
  start: number;
  end: number;
}

/** End of input. */
export interface EofToken {
  kind: 'eof';
  start: number;
  end: number;
}

/** The `]` closing the `[` at `open` (nested subscripts and quotes skipped), or -1. */
function bracketEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') i++;
    else if (c === "'") i = src.indexOf("'", i + 1) === -1 ? src.length : src.indexOf("'", i + 1);
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Anything {@link Lexer.next} can return. */
export type Token = OpToken | WordToken | NewlineToken | EofToken;

/**
 * A syntax error at a source offset; thrown internally and turned into a
 * `ShellParseResult.errors` entry by the parser (it never escapes `parseShell`).
 */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

/** Receives the span of the here-document bodies registered for a command. */
export interface HeredocOwner {
  heredocStart?: number;
  heredocEnd?: number;
}

const BLANK = new Set([' ', '\t']);
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SPECIAL_PARAMS = '?$#@*!-';
/** the operators of `${NAME OP WORD}`, longest first where one is a prefix of another */
const BRACE_OPS = [':-', ':=', ':+', ':?', '##', '%%', '//', '/#', '/%', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', '^', ',', ':'] as const;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
/** char codes that end a run of plain word characters: META and the quoting/expansion starters */
const WORD_STOP = new Uint8Array(128);
for (const c of [...META, '\\', "'", '"', '`', '$']) WORD_STOP[c.charCodeAt(0)] = 1;

/** `unexpected EOF while looking for matching `X'` in bash's wording. */
function eofMessage(close: string): string {
  return `unexpected EOF while looking for matching \`${close}'`;
}

/** Accumulates word parts, merging adjacent literals with the same quoting. */
class PartList {
  readonly parts: WordPart[] = [];

  lit(text: string, quoted: boolean): void {
    const last = this.parts[this.parts.length - 1];
    if (last && last.kind === 'lit' && last.quoted === quoted) {
      last.text += text;
      return;
    }
    this.parts.push({ kind: 'lit', text, quoted });
  }

  push(part: WordPart): void {
    this.parts.push(part);
  }
}

/** Pull-based tokenizer over CR-stripped source text. */
export class Lexer {
  pos = 0;
  private readonly continuations = new Set<number>();
  private pending: { delim: string; stripTabs: boolean; owner: HeredocOwner; sink?: (body: string, line: number) => void }[] = [];
  private readonly pushed: Token[] = [];
  /** where the source has a backslash-newline, ascending (found once, not per word) */
  private readonly bsNl: number[] = [];

  /** where each line starts */
  private readonly lineStarts: number[] = [0];

  constructor(readonly src: string) {
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    for (let k = src.indexOf('\\\n'); k !== -1; k = src.indexOf('\\\n', k + 1)) this.bsNl.push(k);
  }

  /** src.indexOf('\\\n', from) */
  private nextBackslashNewline(from: number): number {
    const at = this.bsNl;
    if (at.length === 0 || at[at.length - 1]! < from) return -1;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return at[lo]!;
  }

  /** Returns the next token (or a pushed-back one). */
  next(): Token {
    const back = this.pushed.pop();
    if (back) return back;
    const src = this.src;
    for (;;) {
      this.skipBlanks();
      if (this.pos >= src.length) return { kind: 'eof', start: src.length, end: src.length };
      const c = src[this.pos];
      if (c === '#') {
        // Only reached at a word start, so this is a comment; backslash-newline does not continue it.
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl === -1 ? src.length : nl;
        continue;
      }
      if (c === '\n') {
        const start = this.pos++;
        this.readHeredocBodies();
        return { kind: 'newline', start, end: start + 1 };
      }
      if ((c === '<' || c === '>') && src[this.pos + 1] === '(') return this.readWord();
      if (META.has(c!)) return this.readOp();
      const word = this.readWord();
      const only = word.word.parts[0];
      const next = src[this.pos];
      if ((next === '<' || next === '>') && word.word.parts.length === 1 && only?.kind === 'lit' && !only.quoted && /^[0-9]+$/.test(only.text) && src[this.pos + 1] !== '(') {
        // `2>file`: digits glued to a redirection operator are its fd, not an argument.
        const op = this.readOp();
        op.fd = Number(only.text);
        op.start = word.start;
        return op;
      }
      return word;
    }
  }

  /** Makes `tok` the next token returned by {@link next}. */
  pushBack(tok: Token): void {
    this.pushed.push(tok);
  }

  /** Queues a here-document whose body starts after the next newline token. */
  addHeredoc(delim: string, stripTabs: boolean, owner: HeredocOwner, sink?: (body: string, line: number) => void): void {
    this.pending.push({ delim, stripTabs, owner, sink });
  }

  /**
   * The parts of an expanding here-document's body: like the inside of double quotes, but a
   * `"` is an ordinary character (and `\"` stays as written).
   */
  static heredocParts(body: string): WordPart[] {
    const lx = new Lexer(body);
    const parts = new PartList();
    parts.lit('', true);
    while (lx.pos < body.length) {
      const c = body[lx.pos]!;
      if (c === '\\') {
        const n = body[lx.pos + 1];
        if (n === '\n') lx.pos += 2;
        else if (n !== undefined && '$`\\'.includes(n)) {
          parts.lit(n, true);
          lx.pos += 2;
        } else {
          parts.lit('\\', true);
          lx.pos++;
        }
      } else if (c === '$') lx.readDollar(parts, true);
      else if (c === '`') lx.readBackquote(parts, true);
      else {
        parts.lit(c, true);
        lx.pos++;
      }
    }
    return parts.parts;
  }

  /**
   * The parts of an array subscript as written (`a["x y"]`, `a[$k]`): quotes are removed and
   * expansions made, but nothing is split, as bash expands an associative array's key.
   */
  static subscriptParts(raw: string): WordPart[] {
    const lx = new Lexer(raw);
    const parts = new PartList();
    parts.lit('', true);
    while (lx.pos < raw.length) {
      const c = raw[lx.pos]!;
      if (c === "'") lx.readSingle(parts);
      else if (c === '"') {
        lx.pos++;
        lx.readDouble(parts, lx.pos - 1);
      } else if (c === '\\' && lx.pos + 1 < raw.length) {
        parts.lit(raw[lx.pos + 1]!, true);
        lx.pos += 2;
      } else if (c === '$') lx.readDollar(parts, true);
      else if (c === '`') lx.readBackquote(parts, true);
      else {
        parts.lit(c, true);
        lx.pos++;
      }
    }
    return parts.parts;
  }

  /**
   * Source text of `[start, end)` with recorded backslash-newline continuations
   * removed: one that separates words becomes a single space, one inside a word vanishes.
   */
  cleanText(start: number, end: number): string {
    const src = this.src;
    const first = this.nextBackslashNewline(start);
    if (first === -1 || first >= end) return src.slice(start, end).trim();
    let out = '';
    let i = start;
    while (i < end) {
      const k = this.nextBackslashNewline(i);
      if (k === -1 || k >= end) {
        out += src.slice(i, end);
        break;
      }
      if (!this.continuations.has(k)) {
        out += src.slice(i, k + 1);
        i = k + 1;
        continue;
      }
      out += src.slice(i, k);
      let j = k + 2;
      while (j < end && BLANK.has(src[j]!)) j++;
      const blankBefore = out.length > 0 && BLANK.has(out[out.length - 1]!);
      if (blankBefore || j > k + 2) out = `${out.replace(/[ \t]+$/, '')} `;
      i = j;
    }
    return out.trim();
  }

  /**
   * Consumes the rest of an arithmetic command `(( ... ))`; called right after the
   * first `(` token when the second `(` is adjacent.
   */
  skipArith(): string {
    const open = this.pos;
    this.pos = this.scanParen(this.pos + 1);
    const body = this.src.slice(open + 1, this.pos - 1);
    this.skipBlanks();
    if (this.src[this.pos] !== ')') throw new ShellSyntaxError(eofMessage(')'), this.src.length);
    this.pos++;
    return body;
  }

  /**
   * The right side of `[[ … =~ RE ]]`: parentheses and `|` belong to the expression, so it is
   * read up to a blank outside them (quoted parts stay quoted: they match literally).
   */
  readCondRegex(): WordToken | null {
    this.skipBlanks();
    const src = this.src;
    const start = this.pos;
    const parts = new PartList();
    let depth = 0;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if ((c === ' ' || c === '\t' || c === '\n') && depth === 0) break;
      if (c === '\\' && this.pos + 1 < src.length) {
        parts.lit(src[this.pos + 1]!, true);
        this.pos += 2;
      } else if (c === "'") this.readSingle(parts);
      else if (c === '"') {
        this.pos++;
        this.readDouble(parts, this.pos - 1);
      } else if (c === '$' && src[this.pos + 1] !== ')' && this.pos + 1 < src.length) this.readDollar(parts, false);
      else {
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        }
        parts.lit(c, false);
        this.pos++;
      }
    }
    if (this.pos === start) return null;
    return { kind: 'word', word: { parts: parts.parts, text: src.slice(start, this.pos) }, start, end: this.pos };
  }

  private skipBlanks(): void {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') {
        this.continuations.add(this.pos);
        this.pos += 2;
      } else break;
    }
  }

  private readOp(): OpToken {
    const src = this.src;
    const start = this.pos;
    const candidates = ['<<<', '<<-', ';;&', '&>>', '&&', '||', '|&', ';;', ';&', '&>', '<<', '<&', '<>', '>>', '>&', '>|'];
    let op = src[start]!;
    for (const cand of candidates) {
      if (src.startsWith(cand, start)) {
        op = cand;
        break;
      }
    }
    this.pos = start + op.length;
    return { kind: 'op', op, start, end: this.pos };
  }

  /** The end of the run of plain word characters (no quoting, expansion or operator) from `p`. */
  private plainRunEnd(p: number): number {
    const src = this.src;
    while (p < src.length) {
      const k = src.charCodeAt(p);
      if (k < 128 && WORD_STOP[k] === 1) break;
      p++;
    }
    return p;
  }

  private readWord(): WordToken {
    const src = this.src;
    const start = this.pos;
    if (src[start] !== '~') {
      // most words are plain characters up to a blank or an operator: one literal part
      const e = this.plainRunEnd(start);
      if (e > start && (e >= src.length || META.has(src[e]!))) {
        this.pos = e;
        const run = src.slice(start, e);
        const text = run.trim();
        const word: ShellWord = { parts: [{ kind: 'lit', text: run, quoted: false }], text };
        return { kind: 'word', word, start, end: e };
      }
    }
    const parts = new PartList();
    if (src[start] === '~' && (start + 1 >= src.length || src[start + 1] === '/' || META.has(src[start + 1]!))) {
      // Tilde expansion is ${HOME-~}: bash leaves `~` alone when HOME is unset.
      parts.push({
        kind: 'var',
        name: 'HOME',
        quoted: true,
        default: { parts: [{ kind: 'lit', text: '~', quoted: true }], text: '~' },
        op: '-',
      });
      this.pos++;
    }
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.continuations.add(this.pos);
          this.pos += 2;
        } else if (n === undefined) {
          parts.lit('\\', false);
          this.pos++;
        } else {
          parts.lit(n, true);
          this.pos += 2;
        }
      } else if (c === "'") {
        this.readSingle(parts);
      } else if (c === '"') {
        this.pos++;
        this.readDouble(parts, this.pos - 1);
      } else if (c === '`') {
        this.readBackquote(parts);
      } else if (c === '$') {
        this.readDollar(parts, false);
      } else if ((c === '<' || c === '>') && this.pos === start && src[this.pos + 1] === '(') {
        // Process substitution `<(cmd)` (`>(cmd)` is not expanded).
        const end = this.scanParen(this.pos + 2);
        if (c === '<') parts.push({ kind: 'procsub', text: src.slice(this.pos + 2, end - 1), line: this.lineAt(this.pos) });
        else parts.push({ kind: 'unsupported', text: this.cleanText(this.pos, end) });
        this.pos = end;
      } else if (META.has(c)) {
        break;
      } else {
        // a run of plain characters at once
        const e = this.plainRunEnd(this.pos + 1);
        parts.lit(src.slice(this.pos, e), false);
        this.pos = e;
      }
    }
    const end = this.pos;
    const text = this.cleanText(start, end);
    const word: ShellWord = { parts: parts.parts, text };
    return { kind: 'word', word, start, end };
  }

  private readSingle(parts: PartList): void {
    const close = this.src.indexOf("'", this.pos + 1);
    if (close === -1) throw new ShellSyntaxError(eofMessage("'"), this.pos);
    parts.lit(this.src.slice(this.pos + 1, close), true);
    this.pos = close + 1;
  }

  /** Body of a double-quoted string; `pos` is just after the opening quote. */
  private readDouble(parts: PartList, open: number): void {
    const src = this.src;
    // Ensures `""` still yields a (quoted, empty) part so it survives expansion as an argument.
    parts.lit('', true);
    for (;;) {
      if (this.pos >= src.length) throw new ShellSyntaxError(eofMessage('"'), open);
      const c = src[this.pos]!;
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.continuations.add(this.pos);
          this.pos += 2;
        } else if (n !== undefined && '$`"\\'.includes(n)) {
          parts.lit(n, true);
          this.pos += 2;
        } else {
          parts.lit('\\', true);
          this.pos++;
        }
      } else if (c === '$') {
        this.readDollar(parts, true);
      } else if (c === '`') {
        this.readBackquote(parts, true);
      } else {
        parts.lit(c, true);
        this.pos++;
      }
    }
  }

  private readBackquote(parts: PartList, quoted = false): void {
    const end = this.skipBackquote(this.pos);
    // inside backquotes a backslash quotes only `$`, `` ` `` and `\\` (and `"` within double quotes)
    const inner = this.src.slice(this.pos + 1, end - 1).replace(/\\([$`\\"])/g, (m, c: string) => (c === '"' && !quoted ? m : c));
    parts.push({ kind: 'cmdsub', text: inner, quoted, line: this.lineAt(this.pos) });
    this.pos = end;
  }

  /** 1-based line of a source offset. */
  lineAt(offset: number): number {
    const at = this.lineStarts;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * The end (just after `))`) of an arithmetic expansion whose `$((` is at `p`, or -1 when the
   * parentheses do not close as `))` (then it is a command substitution of a subshell).
   */
  private arithEnd(p: number): number {
    const src = this.src;
    let depth = 0;
    for (let q = p + 3; q < src.length; q++) {
      const c = src[q];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else return src[q + 1] === ')' ? q + 2 : -1;
      } else if (c === "'" || c === '`') return -1;
    }
    return -1;
  }

  /** `pos` is on a `$`. */
  private readDollar(parts: PartList, quoted: boolean): void {
    const src = this.src;
    const n = src[this.pos + 1];
    if (n === '(') {
      const a = src[this.pos + 2] === '(' ? this.arithEnd(this.pos) : -1;
      if (a !== -1) {
        parts.push({ kind: 'arith', text: src.slice(this.pos + 3, a - 2), quoted });
        this.pos = a;
        return;
      }
      const end = this.scanParen(this.pos + 2);
      parts.push({ kind: 'cmdsub', text: src.slice(this.pos + 2, end - 1), quoted, line: this.lineAt(this.pos) });
      this.pos = end;
    } else if (n === '[') {
      // `$[expr]`: bash's old spelling of `$((expr))`
      let depth = 0;
      let p = this.pos + 1;
      for (; p < src.length; p++) {
        if (src[p] === '[') depth++;
        else if (src[p] === ']' && --depth === 0) break;
      }
      if (p >= src.length) {
        parts.lit('$', quoted);
        this.pos++;
        return;
      }
      parts.push({ kind: 'arith', text: src.slice(this.pos + 2, p), quoted });
      this.pos = p + 1;
    } else if (n === '{') {
      this.readBrace(parts, quoted);
    } else if (n !== undefined && NAME_START.test(n)) {
      let p = this.pos + 1;
      while (p < src.length && NAME_CHAR.test(src[p]!)) p++;
      parts.push({ kind: 'var', name: src.slice(this.pos + 1, p), quoted });
      this.pos = p;
    } else if (n !== undefined && (DIGIT.test(n) || SPECIAL_PARAMS.includes(n))) {
      // `$10` is `$1` followed by `0`, as in every POSIX shell.
      parts.push({ kind: 'var', name: n, quoted });
      this.pos += 2;
    } else if (n === "'" && !quoted) {
      this.readAnsiC(parts);
    } else if (n === '"' && !quoted) {
      // `$"..."` (locale translation) behaves like "..." without a message catalogue.
      this.pos++;
    } else {
      parts.lit('$', quoted);
      this.pos++;
    }
  }

  /** `pos` is on the `$` of `${`. */
  private readBrace(parts: PartList, quoted: boolean): void {
    const src = this.src;
    const start = this.pos;
    let p = start + 2;
    let length = false;
    // `${!a[@]}` / `${!a[*]}`: an array's indices or keys
    const keys = /^!([A-Za-z_][A-Za-z0-9_]*)\[([@*])\]\}/.exec(src.slice(p, p + 300));
    if (keys) {
      parts.push({ kind: 'var', name: keys[1]!, quoted, op: 'keys', index: keys[2]! });
      this.pos = p + keys[0].length;
      return;
    }
    // `${#x}` is x's length; `${#}` and `${#-…}` are the parameter `#`
    if (src[p] === '#' && src[p + 1] !== '}' && (NAME_START.test(src[p + 1] ?? '') || DIGIT.test(src[p + 1] ?? '') || '@*'.includes(src[p + 1] ?? '-'))) {
      length = true;
      p++;
    }
    let name = '';
    const c = src[p];
    if (c !== undefined && NAME_START.test(c)) {
      const from = p;
      while (p < src.length && NAME_CHAR.test(src[p]!)) p++;
      name = src.slice(from, p);
    } else if (c !== undefined && DIGIT.test(c)) {
      const from = p;
      while (p < src.length && DIGIT.test(src[p]!)) p++;
      name = src.slice(from, p);
    } else if (c !== undefined && SPECIAL_PARAMS.includes(c) && c !== '!') {
      name = c;
      p++;
    }
    let index: string | undefined;
    if (name !== '' && NAME_START.test(name[0]!) && src[p] === '[') {
      const close = bracketEnd(src, p);
      if (close !== -1) {
        index = src.slice(p + 1, close);
        p = close + 1;
      }
    }
    const push = (part: Extract<WordPart, { kind: 'var' }>): void => {
      if (index !== undefined) part.index = index;
      parts.push(part);
    };
    if (name !== '') {
      if (src[p] === '}') {
        push(length ? { kind: 'var', name, quoted, op: 'len' } : { kind: 'var', name, quoted });
        this.pos = p + 1;
        return;
      }
      const op = length ? undefined : BRACE_OPS.find((o) => src.startsWith(o, p));
      if (op) {
        this.pos = p + op.length;
        const def = this.readBraceDefault(quoted, start, op !== '-' && op !== ':-' && op !== '=' && op !== ':=' && op !== '+' && op !== ':+' && op !== '?' && op !== ':?');
        push({ kind: 'var', name, quoted, default: def, op });
        return;
      }
    }
    const end = this.scanBraceEnd(start + 2, start, quoted);
    parts.push({ kind: 'unsupported', text: this.cleanText(start, end) });
    this.pos = end;
  }

  /**
   * The `word` of `${NAME:-word}` up to the closing brace. Inside double quotes bash
   * keeps single quotes literal and every part is quoted; outside, unquoted text in
   * the default is subject to word splitting, so its literals stay `quoted: false`.
   */
  private readBraceDefault(outerDq: boolean, open: number, pattern = false): ShellWord {
    const src = this.src;
    const start = this.pos;
    const parts = new PartList();
    for (;;) {
      if (this.pos >= src.length) throw new ShellSyntaxError(eofMessage('}'), open);
      const c = src[this.pos]!;
      if (c === '}') {
        const text = this.cleanText(start, this.pos);
        this.pos++;
        return { parts: parts.parts, text };
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.continuations.add(this.pos);
          this.pos += 2;
        } else if (n === undefined) {
          throw new ShellSyntaxError(eofMessage('}'), open);
        } else if (!outerDq || '$`"\\}'.includes(n)) {
          parts.lit(n, true);
          this.pos += 2;
        } else {
          parts.lit('\\', true);
          this.pos++;
        }
      } else if (c === "'" && !outerDq) {
        this.readSingle(parts);
      } else if (c === '"') {
        this.pos++;
        this.readDouble(parts, this.pos - 1);
      } else if (c === '$') {
        this.readDollar(parts, outerDq);
      } else if (c === '`') {
        this.readBackquote(parts, outerDq);
      } else {
        // a pattern's characters keep their meaning inside double quotes
        parts.lit(c, outerDq && !pattern);
        this.pos++;
      }
    }
  }

  private readAnsiC(parts: PartList): void {
    const src = this.src;
    const open = this.pos + 1;
    let p = this.pos + 2;
    let out = '';
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      E: '\x1b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '?': '?',
    };
    for (;;) {
      if (p >= src.length) throw new ShellSyntaxError(eofMessage("'"), open);
      const c = src[p]!;
      if (c === "'") break;
      if (c !== '\\') {
        out += c;
        p++;
        continue;
      }
      const n = src[p + 1];
      if (n === undefined) throw new ShellSyntaxError(eofMessage("'"), open);
      const mapped = simple[n];
      if (mapped !== undefined) {
        out += mapped;
        p += 2;
      } else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(src.slice(p + 1, p + 4))![0];
        out += String.fromCharCode(parseInt(m, 8) & 0xff);
        p += 1 + m.length;
      } else if (n === 'x' && /[0-9A-Fa-f]/.test(src[p + 2] ?? '')) {
        const m = /^[0-9A-Fa-f]{1,2}/.exec(src.slice(p + 2, p + 4))![0];
        out += String.fromCharCode(parseInt(m, 16));
        p += 2 + m.length;
      } else {
        out += `\\${n}`;
        p += 2;
      }
    }
    parts.lit(out, true);
    this.pos = p + 1;
  }

  /**
   * Index just after the `)` closing a `$(`/`<(`/`((` whose body starts at `p`.
   * Tracks quotes, nested substitutions and comments; `case` patterns inside are
   * not understood (their `)` would close early), which is fine for tutorials.
   */
  private scanParen(p: number): number {
    const src = this.src;
    const bodyStart = p;
    let depth = 1;
    for (;;) {
      if (p >= src.length) throw new ShellSyntaxError(eofMessage(')'), src.length);
      const c = src[p]!;
      if (c === '\\') {
        if (src[p + 1] === '\n') this.continuations.add(p);
        p += 2;
      } else if (c === "'") {
        const close = src.indexOf("'", p + 1);
        if (close === -1) throw new ShellSyntaxError(eofMessage("'"), p);
        p = close + 1;
      } else if (c === '"') {
        p = this.skipDouble(p + 1, p);
      } else if (c === '`') {
        p = this.skipBackquote(p);
      } else if (c === '$' && src[p + 1] === '(') {
        p = this.scanParen(p + 2);
      } else if (c === '$' && src[p + 1] === '{') {
        p = this.scanBraceEnd(p + 2, p, false);
      } else if (c === '(') {
        depth++;
        p++;
      } else if (c === ')') {
        p++;
        if (--depth === 0) return p;
      } else if (c === '#' && (p === bodyStart || /[ \t\n;&|(]/.test(src[p - 1]!))) {
        const nl = src.indexOf('\n', p);
        p = nl === -1 ? src.length : nl;
      } else {
        p++;
      }
    }
  }

  /** Index just after the closing `"` of a string whose body starts at `p`. */
  private skipDouble(p: number, open: number): number {
    const src = this.src;
    for (;;) {
      if (p >= src.length) throw new ShellSyntaxError(eofMessage('"'), open);
      const c = src[p]!;
      if (c === '\\') {
        if (src[p + 1] === '\n') this.continuations.add(p);
        p += 2;
      } else if (c === '"') {
        return p + 1;
      } else if (c === '`') {
        p = this.skipBackquote(p);
      } else if (c === '$' && src[p + 1] === '(') {
        p = this.scanParen(p + 2);
      } else if (c === '$' && src[p + 1] === '{') {
        p = this.scanBraceEnd(p + 2, p, true);
      } else {
        p++;
      }
    }
  }

  /** Index just after the closing backquote of one starting at `p`. */
  private skipBackquote(p: number): number {
    const src = this.src;
    let q = p + 1;
    for (;;) {
      if (q >= src.length) throw new ShellSyntaxError(eofMessage('`'), p);
      const c = src[q]!;
      if (c === '\\') q += 2;
      else if (c === '`') return q + 1;
      else q++;
    }
  }

  /** Index just after the `}` closing a `${` whose body starts at `p`. */
  private scanBraceEnd(p: number, open: number, inDq: boolean): number {
    const src = this.src;
    let depth = 1;
    for (;;) {
      if (p >= src.length) throw new ShellSyntaxError(eofMessage('}'), open);
      const c = src[p]!;
      if (c === '\\') {
        if (src[p + 1] === '\n') this.continuations.add(p);
        p += 2;
      } else if (c === "'" && !inDq) {
        const close = src.indexOf("'", p + 1);
        if (close === -1) throw new ShellSyntaxError(eofMessage("'"), p);
        p = close + 1;
      } else if (c === '"') {
        p = this.skipDouble(p + 1, p);
      } else if (c === '`') {
        p = this.skipBackquote(p);
      } else if (c === '$' && src[p + 1] === '(') {
        p = this.scanParen(p + 2);
      } else if (c === '$' && src[p + 1] === '{') {
        depth++;
        p += 2;
      } else if (c === '}') {
        p++;
        if (--depth === 0) return p;
      } else {
        p++;
      }
    }
  }

  /** Reads queued here-document bodies; `pos` is just after a newline. */
  private readHeredocBodies(): void {
    const src = this.src;
    for (const h of this.pending) {
      const bodyStart = this.pos;
      let bodyEnd = src.length;
      let body = '';
      while (this.pos < src.length) {
        const nl = src.indexOf('\n', this.pos);
        const lineEnd = nl === -1 ? src.length : nl;
        const line = src.slice(this.pos, lineEnd);
        this.pos = nl === -1 ? src.length : nl + 1;
        const stripped = h.stripTabs ? line.replace(/^\t+/, '') : line;
        if (stripped === h.delim) {
          bodyEnd = lineEnd;
          break;
        }
        body += `${stripped}\n`;
      }
      h.sink?.(body, this.lineAt(bodyStart));
      // Unterminated bodies run to EOF; bash only warns about that.
      h.owner.heredocStart ??= bodyStart;
      h.owner.heredocEnd = Math.max(h.owner.heredocEnd ?? 0, bodyEnd);
    }
    this.pending = [];
  }
}
