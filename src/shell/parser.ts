/**
 * The parser of the bash nettwin interprets: simple commands, pipelines, `&&`/`||` lists, and
 * the compound commands (if, while, until, for, `for ((…))`, case, `{ … }`, `( … )`, `((…))`,
 * `[[ … ]]`, functions), with their redirections and here-documents. Nothing is executed here.
 *
 * Like a non-interactive bash, a script is read one complete command (a line, or several for a
 * construct) at a time, and parsing stops at the first syntax error: what came before ran.
 */
import { Lexer, ShellSyntaxError, type HeredocOwner, type OpToken, type Token } from './lexer.js';
import type { AndOr, Command, CondToken, List, Pipeline, Redirect, ShellCommand, ShellParseResult, ShellWord } from './ast.js';

type Joiner = ShellCommand['joiner'];

interface Builder extends HeredocOwner {
  start: number;
  end: number;
  words: ShellWord[];
  redirects: Redirect[];
}

const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '<&', '&>', '&>>', '>|', '<>', '<<', '<<-', '<<<']);
/** reserved words that only continue or close a construct */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

function litWord(text: string): ShellWord {
  return { parts: [{ kind: 'lit', text, quoted: false }], text };
}

/** The reserved word a token spells, if it is a single unquoted literal. */
function keywordOf(tok: Token): string | undefined {
  if (tok.kind !== 'word') return undefined;
  const parts = tok.word.parts;
  const only = parts[0];
  return parts.length === 1 && only?.kind === 'lit' && !only.quoted ? only.text : undefined;
}

function tokenText(tok: Token): string {
  switch (tok.kind) {
    case 'word':
      return tok.word.text;
    case 'op':
      return tok.op;
    default:
      return 'newline';
  }
}

function unexpected(tok: Token): ShellSyntaxError {
  if (tok.kind === 'eof') return new ShellSyntaxError('syntax error: unexpected end of file', tok.start);
  return new ShellSyntaxError(`syntax error near unexpected token \`${tokenText(tok)}'`, tok.start);
}

function isRedirect(tok: Token): tok is OpToken {
  return tok.kind === 'op' && REDIRECT_OPS.has(tok.op);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Parser {
  private readonly lx: Lexer;
  /** the flat view of the lists parsed so far (taken away by ShellReader as it goes) */
  flat: ShellCommand[] = [];
  lists: List[] = [];

  constructor(private readonly src: string) {
    this.lx = new Lexer(src);
  }

  lineOf(offset: number): number {
    return this.lx.lineAt(offset);
  }

  /** Parses one newline-terminated list; false at end of input. */
  parseList(): boolean {
    let tok = this.lx.next();
    while (tok.kind === 'newline') tok = this.lx.next();
    if (tok.kind === 'eof') return false;
    const list: List = [];
    const flat: ShellCommand[] = [];
    let joiner: Joiner = null;
    for (;;) {
      const ao = this.parseAndOr(tok, flat, joiner);
      list.push(ao);
      const sep = this.lx.next();
      if (sep.kind === 'newline' || sep.kind === 'eof') return this.commit(list, flat, sep);
      if (sep.kind !== 'op' || (sep.op !== ';' && sep.op !== '&')) throw unexpected(sep);
      if (sep.op === '&') {
        ao.background = true;
        flat[flat.length - 1]!.background = true;
      }
      joiner = sep.op === ';' ? ';' : null;
      tok = this.lx.next();
      if (tok.kind === 'newline' || tok.kind === 'eof') return this.commit(list, flat, tok);
    }
  }

  private commit(list: List, flat: ShellCommand[], terminator: Token): boolean {
    this.heredocText();
    this.lists.push(list);
    this.flat.push(...flat);
    return terminator.kind !== 'eof';
  }

  private parseAndOr(tok: Token, flat: ShellCommand[], joiner: Joiner): AndOr {
    const first = this.parsePipeline(tok, flat, joiner);
    const ao: AndOr = { first, rest: [], background: false };
    for (;;) {
      const t = this.lx.next();
      if (t.kind === 'op' && (t.op === '&&' || t.op === '||')) {
        // bash lets a list continue on the next line after these operators
        const n = this.nextSkippingNewlines();
        ao.rest.push({ op: t.op, pipeline: this.parsePipeline(n, flat, t.op) });
      } else {
        this.lx.pushBack(t);
        return ao;
      }
    }
  }

  private parsePipeline(tok: Token, flat: ShellCommand[], joiner: Joiner): Pipeline {
    let bang = false;
    let t = tok;
    while (keywordOf(t) === 'time' || keywordOf(t) === '!') {
      if (keywordOf(t) === '!') bang = !bang;
      t = this.lx.next();
    }
    const p: Pipeline = { bang, commands: [], line: this.lineOf(t.start) };
    let j = joiner;
    for (;;) {
      p.commands.push(this.parseCommand(t, flat, j));
      const sep = this.lx.next();
      if (sep.kind === 'op' && (sep.op === '|' || sep.op === '|&')) {
        if (sep.op === '|&') redirectsOf(p.commands[p.commands.length - 1]!).push({ fd: 2, op: '>&', target: litWord('1') });
        j = '|';
        t = this.nextSkippingNewlines();
      } else {
        this.lx.pushBack(sep);
        return p;
      }
    }
  }

  private parseCommand(tok: Token, flat: ShellCommand[], joiner: Joiner): Command {
    const kw = keywordOf(tok);
    const start = tok.start;
    const compound = (kind: string, c: Command, words: ShellWord[] = [litWord(kind)]): Command => {
      if (c.type !== 'simple' && c.type !== 'function') this.readTrailing(c.redirects);
      const end = this.lastEnd;
      flat.push({
        line: this.lineOf(start),
        endLine: this.lineOf(Math.max(start, end - 1)),
        text: this.lx.cleanText(start, end),
        words,
        redirects: c.type === 'simple' || c.type === 'function' ? [] : c.redirects,
        background: false,
        joiner,
        compound: kind,
      });
      return c;
    };
    if (tok.kind === 'op' && tok.op === '(') {
      if (tok.end === this.lx.pos && this.src[this.lx.pos] === '(') {
        const expr = this.lx.skipArith();
        this.lastEnd = this.lx.pos;
        return compound('((', { type: 'arith', line: this.lineOf(start), expr, text: this.src.slice(start, this.lx.pos), redirects: [] });
      }
      const body = this.compoundList(new Set(), true);
      this.expectOp(')');
      return compound('(', { type: 'subshell', line: this.lineOf(start), body, redirects: [] });
    }
    if (kw !== undefined) {
      const line = this.lineOf(start);
      switch (kw) {
        case 'if':
          return compound('if', this.parseIf(line));
        case 'while':
        case 'until': {
          const cond = this.compoundList(new Set(['do']));
          this.expectWord('do');
          const body = this.compoundList(new Set(['done']));
          this.expectWord('done');
          return compound(kw, { type: 'loop', line, until: kw === 'until', cond, body, redirects: [] });
        }
        case 'for':
          return compound('for', this.parseFor(line));
        case 'select': {
          const c = this.parseFor(line);
          if (c.type === 'for') c.select = true;
          return compound('select', c);
        }
        case 'case':
          return compound('case', this.parseCase(line));
        case '{': {
          const body = this.compoundList(new Set(['}']));
          this.expectWord('}');
          return compound('{', { type: 'group', line, body, redirects: [] });
        }
        case '[[':
          return compound('[[', this.parseCond(line, start));
        case 'function': {
          const name = this.lx.next();
          if (name.kind !== 'word') throw unexpected(name);
          let t = this.lx.next();
          if (t.kind === 'op' && t.op === '(') {
            this.expectOp(')');
            t = this.lx.next();
          }
          return compound('function', this.functionBody(name.word.text, this.skipNewlines(t), line, start), [tok.kind === 'word' ? tok.word : litWord('function')]);
        }
        default:
          if (CLOSERS.has(kw)) throw unexpected(tok);
      }
    }
    if (tok.kind !== 'word' && !isRedirect(tok)) throw unexpected(tok);

    const b: Builder = { start: tok.start, end: tok.end, words: [], redirects: [] };
    let t: Token = tok;
    for (;;) {
      if (t.kind === 'word') {
        b.words.push(t.word);
        b.end = t.end;
        this.lastEnd = t.end;
      } else if (t.kind === 'op' && t.op === '(' && t.start === b.end && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(b.words[b.words.length - 1]?.text ?? '')) {
        // `NAME=(a b c)`: an array's words, up to `)`
        const arr: ShellWord[] = [];
        for (let n = this.nextSkippingNewlines(); !(n.kind === 'op' && n.op === ')'); n = this.nextSkippingNewlines()) {
          if (n.kind !== 'word') throw unexpected(n);
          arr.push(n.word);
        }
        const last = b.words[b.words.length - 1]!;
        b.words[b.words.length - 1] = { ...last, array: arr };
        b.end = this.lx.pos;
        this.lastEnd = b.end;
      } else if (t.kind === 'op' && t.op === '(' && b.words.length === 1 && b.redirects.length === 0) {
        // `name() compound-command`
        this.expectOp(')');
        const name = b.words[0]!.text;
        return compound('function', this.functionBody(name, this.nextSkippingNewlines(), this.lineOf(start), start), [b.words[0]!]);
      } else if (isRedirect(t)) {
        this.readRedirect(t, b);
      } else {
        this.lx.pushBack(t);
        break;
      }
      t = this.lx.next();
    }
    const cmd: ShellCommand = {
      line: this.lineOf(b.start),
      endLine: this.lineOf(Math.max(b.start, b.end - 1)),
      text: this.lx.cleanText(b.start, b.end),
      words: b.words,
      redirects: b.redirects,
      background: false,
      joiner,
    };
    // a here-document's body is read after the line ends: the text takes it in then
    if (b.redirects.some((r) => r.op === '<<')) this.withHeredoc.push({ cmd, b });
    flat.push(cmd);
    return { type: 'simple', cmd };
  }

  private withHeredoc: { cmd: ShellCommand; b: Builder }[] = [];

  private heredocText(): void {
    for (const { cmd, b } of this.withHeredoc.splice(0)) {
      if (b.heredocStart === undefined || b.heredocEnd === undefined || b.heredocEnd <= b.end) continue;
      const body = this.src.slice(b.heredocStart, b.heredocEnd);
      if (body === '') continue;
      cmd.text = `${this.lx.cleanText(b.start, b.end)}\n${body}`;
      cmd.endLine = this.lineOf(Math.max(b.start, b.heredocEnd - 1));
    }
  }

  /** where the last token read for the command being built ended */
  private lastEnd = 0;

  private functionBody(name: string, t: Token, line: number, start: number): Command {
    const kw = keywordOf(t);
    if (!(t.kind === 'op' && t.op === '(') && !(kw !== undefined && ['{', 'if', 'while', 'until', 'for', 'case', '[['].includes(kw))) throw unexpected(t);
    const sink: ShellCommand[] = [];
    const body = this.parseCommand(t, sink, null);
    return { type: 'function', line, name, body, text: this.lx.cleanText(start, this.lastEnd) };
  }

  private parseIf(line: number): Command {
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | null = null;
    for (;;) {
      const cond = this.compoundList(new Set(['then']));
      this.expectWord('then');
      const body = this.compoundList(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      const t = this.lx.next();
      const kw = keywordOf(t);
      this.lastEnd = t.end;
      if (kw === 'elif') continue;
      if (kw === 'else') {
        otherwise = this.compoundList(new Set(['fi']));
        this.expectWord('fi');
      } else if (kw !== 'fi') throw unexpected(t);
      return { type: 'if', line, clauses, otherwise, redirects: [] };
    }
  }

  private parseFor(line: number): Command {
    const t = this.lx.next();
    if (t.kind === 'op' && t.op === '(' && t.end === this.lx.pos && this.src[this.lx.pos] === '(') {
      const body = this.lx.skipArith();
      const parts = body.split(';');
      if (parts.length !== 3) throw new ShellSyntaxError('syntax error: arithmetic expression required', t.start);
      this.skipSeparators();
      const loopBody = this.doGroup();
      return { type: 'cfor', line, init: parts[0]!.trim(), cond: parts[1]!.trim(), step: parts[2]!.trim(), body: loopBody, redirects: [] };
    }
    const name = keywordOf(t);
    if (name === undefined || !NAME.test(name)) throw new ShellSyntaxError(`\`${tokenText(t)}': not a valid identifier`, t.start);
    let n = this.lx.next();
    let words: ShellWord[] | null = null;
    while (n.kind === 'newline') n = this.lx.next();
    if (keywordOf(n) === 'in') {
      words = [];
      for (;;) {
        const w = this.lx.next();
        if (w.kind === 'word') words.push(w.word);
        else if (w.kind === 'newline' || (w.kind === 'op' && w.op === ';')) break;
        else throw unexpected(w);
      }
    } else if (!(n.kind === 'op' && n.op === ';')) {
      this.lx.pushBack(n);
    }
    this.skipSeparators();
    return { type: 'for', line, name, words, body: this.doGroup(), redirects: [] };
  }

  private doGroup(): List {
    const t = this.nextSkippingNewlines();
    if (keywordOf(t) === '{') {
      const body = this.compoundList(new Set(['}']));
      this.expectWord('}');
      return body;
    }
    if (keywordOf(t) !== 'do') throw unexpected(t);
    const body = this.compoundList(new Set(['done']));
    this.expectWord('done');
    return body;
  }

  private parseCase(line: number): Command {
    const w = this.lx.next();
    if (w.kind !== 'word') throw unexpected(w);
    const inTok = this.nextSkippingNewlines();
    if (keywordOf(inTok) !== 'in') throw unexpected(inTok);
    const items: Extract<Command, { type: 'case' }>['items'] = [];
    for (;;) {
      let t = this.nextSkippingNewlines();
      this.lastEnd = t.end;
      if (keywordOf(t) === 'esac') break;
      if (t.kind === 'op' && t.op === '(') t = this.lx.next();
      const patterns: ShellWord[] = [];
      for (;;) {
        if (t.kind !== 'word') throw unexpected(t);
        patterns.push(t.word);
        const sep = this.lx.next();
        if (sep.kind === 'op' && sep.op === ')') break;
        if (!(sep.kind === 'op' && sep.op === '|')) throw unexpected(sep);
        t = this.lx.next();
      }
      const body = this.compoundList(new Set(['esac']), false, true);
      const end = this.nextSkippingNewlines();
      this.lastEnd = end.end;
      if (end.kind === 'op' && (end.op === ';;' || end.op === ';&' || end.op === ';;&')) {
        items.push({ patterns, body, end: end.op });
        continue;
      }
      items.push({ patterns, body, end: ';;' });
      if (keywordOf(end) === 'esac') break;
      throw unexpected(end);
    }
    return { type: 'case', line, word: w.word, items, redirects: [] };
  }

  /** `[[ … ]]`: its `<`, `>`, `&&`, `(` are operators of the test, not of the shell. */
  private parseCond(line: number, start: number): Command {
    const tokens: CondToken[] = [];
    for (;;) {
      const t = this.lx.next();
      if (t.kind === 'eof') throw unexpected(t);
      if (t.kind === 'newline') continue;
      this.lastEnd = t.end;
      if (keywordOf(t) === ']]') break;
      if (t.kind === 'word') tokens.push({ word: t.word });
      else if (t.kind === 'op') tokens.push({ op: t.fd !== undefined ? `${t.fd}${t.op}` : t.op });
      if (keywordOf(t) === '=~') {
        const re = this.lx.readCondRegex();
        if (re) tokens.push({ word: re.word });
      }
    }
    return { type: 'cond', line, tokens, text: this.src.slice(start, this.lastEnd), redirects: [] };
  }

  /**
   * Commands up to a reserved word of `stops` (or `)` in a subshell, `;;` in a case item),
   * which is left unread. `allowEmpty`: a case item may have no command.
   */
  private compoundList(stops: Set<string>, paren = false, allowEmpty = false): List {
    const list: List = [];
    const sink: ShellCommand[] = [];
    for (;;) {
      const t = this.nextSkippingNewlines();
      const kw = keywordOf(t);
      const atStop = (kw !== undefined && stops.has(kw)) || (t.kind === 'op' && ((paren && t.op === ')') || ';;' === t.op || ';&' === t.op || ';;&' === t.op));
      if (atStop || t.kind === 'eof') {
        if (list.length === 0 && !allowEmpty) throw unexpected(t);
        this.lx.pushBack(t);
        return list;
      }
      const ao = this.parseAndOr(t, sink, null);
      list.push(ao);
      const sep = this.lx.next();
      if (sep.kind === 'newline') continue;
      if (sep.kind === 'op' && sep.op === '&') {
        ao.background = true;
        continue;
      }
      if (sep.kind === 'op' && sep.op === ';') continue;
      this.lx.pushBack(sep);
      const nk = keywordOf(sep);
      const closes = (nk !== undefined && stops.has(nk)) || (sep.kind === 'op' && ((paren && sep.op === ')') || sep.op === ';;' || sep.op === ';&' || sep.op === ';;&')) || sep.kind === 'eof';
      if (!closes) throw unexpected(sep);
    }
  }

  private expectWord(w: string): void {
    const t = this.nextSkippingNewlines();
    if (keywordOf(t) !== w) throw unexpected(t);
    this.lastEnd = t.end;
  }

  private expectOp(op: string): void {
    const t = this.lx.next();
    if (t.kind !== 'op' || t.op !== op) throw unexpected(t);
    this.lastEnd = t.end;
  }

  private skipSeparators(): void {
    let t = this.lx.next();
    while (t.kind === 'newline' || (t.kind === 'op' && t.op === ';')) t = this.lx.next();
    this.lx.pushBack(t);
  }

  private skipNewlines(t: Token): Token {
    while (t.kind === 'newline') t = this.lx.next();
    return t;
  }

  private nextSkippingNewlines(): Token {
    return this.skipNewlines(this.lx.next());
  }

  /** Redirections (and stray words, an error) after a construct's closing keyword. */
  private readTrailing(redirects: Redirect[]): void {
    for (;;) {
      const t = this.lx.next();
      if (isRedirect(t)) {
        const b: Builder = { start: t.start, end: t.end, words: [], redirects };
        this.readRedirect(t, b);
        this.lastEnd = b.end;
      } else if (t.kind === 'word') throw unexpected(t);
      else {
        this.lx.pushBack(t);
        return;
      }
    }
  }

  private readRedirect(t: OpToken, b: Builder): void {
    const target = this.lx.next();
    if (target.kind === 'eof') throw new ShellSyntaxError("syntax error near unexpected token `newline'", target.start);
    if (target.kind !== 'word') throw unexpected(target);
    b.end = target.end;
    this.lastEnd = target.end;
    const word = target.word;
    const fd = t.fd;
    switch (t.op) {
      case '>':
      case '>|':
        b.redirects.push({ fd: fd ?? 1, op: '>', target: word });
        break;
      case '>>':
        b.redirects.push({ fd: fd ?? 1, op: '>>', target: word });
        break;
      case '<':
      case '<>':
        b.redirects.push({ fd: fd ?? 0, op: '<', target: word });
        break;
      case '<&':
        b.redirects.push({ fd: fd ?? 0, op: '>&', target: word });
        break;
      case '>&':
        // Without an fd, `>&file` (not a number) means `&>file`.
        if (fd === undefined && !/^([0-9]+-?|-)$/.test(word.text) && !word.text.includes('$')) {
          b.redirects.push({ fd: 1, op: '>', target: word }, { fd: 2, op: '>&', target: litWord('1') });
        } else {
          b.redirects.push({ fd: fd ?? 1, op: '>&', target: word });
        }
        break;
      case '&>':
      case '&>>':
        b.redirects.push({ fd: 1, op: t.op === '&>' ? '>' : '>>', target: word }, { fd: 2, op: '>&', target: litWord('1') });
        break;
      case '<<':
      case '<<-': {
        const r: Redirect = { fd: fd ?? 0, op: '<<', target: word, heredoc: { body: '', expand: !/["'\\]/.test(word.text), line: 0 } };
        b.redirects.push(r);
        this.lx.addHeredoc(word.text.replace(/["'\\]/g, ''), t.op === '<<-', b, (body, line) => {
          r.heredoc = { body, expand: r.heredoc!.expand, line };
        });
        break;
      }
      case '<<<':
        b.redirects.push({ fd: fd ?? 0, op: '<<<', target: word });
        break;
    }
  }
}

function redirectsOf(c: Command): Redirect[] {
  if (c.type === 'simple') return c.cmd.redirects;
  if (c.type === 'function') return redirectsOf(c.body);
  return c.redirects;
}

/**
 * Parses a script without executing anything. Never throws.
 *
 * @example
 * const { commands, errors } = parseShell('NS=ns1\nsudo ip netns add $NS # make it\n');
 * commands.map((c) => c.text); // ['NS=ns1', 'sudo ip netns add $NS']
 * errors; // []
 */
export function parseShell(source: string): ShellParseResult {
  const reader = new ShellReader(source);
  const commands: ShellCommand[] = [];
  const lists: List[] = [];
  for (let r = reader.next(); r; r = reader.next()) {
    lists.push(r.list);
    commands.push(...r.flat);
  }
  return { commands, lists, errors: reader.errors };
}

/**
 * {@link parseShell} one complete command line at a time, so a runner holds the commands of
 * one line rather than of the whole script, and runs what came before a syntax error.
 *
 * @example
 * const r = new ShellReader('a; b\nc\n');
 * r.next()!.flat.map((c) => c.text); // ['a', 'b']
 * r.next()!.flat.map((c) => c.text); // ['c']
 * r.next(); // null
 */
export class ShellReader {
  private readonly parser: Parser;
  private done = false;
  /** the syntax error that ended parsing, once the reader got there (at most one) */
  readonly errors: ShellParseResult['errors'] = [];

  constructor(source: string) {
    this.parser = new Parser(source.replace(/\r(?=\n|$)/g, ''));
  }

  /** The next list (and its flat view); null at the end of the input or at the first syntax error. */
  next(): { list: List; flat: ShellCommand[] } | null {
    const parser = this.parser;
    while (!this.done) {
      try {
        if (!parser.parseList()) this.done = true;
      } catch (e) {
        this.done = true;
        if (e instanceof ShellSyntaxError) {
          this.errors.push({ line: parser.lineOf(e.offset), message: e.message });
        } else {
          // Defensive: a parser bug must not take the caller down.
          this.errors.push({ line: 1, message: `internal parser error: ${e instanceof Error ? e.message : String(e)}` });
        }
        parser.lists = [];
        parser.flat = [];
      }
      const list = parser.lists.shift();
      if (list) {
        const flat = parser.flat;
        parser.flat = [];
        return { list, flat };
      }
    }
    return null;
  }

  /** The flat view of the next list (the simple commands of one line); null at the end. */
  nextList(): ShellCommand[] | null {
    return this.next()?.flat ?? null;
  }

  /** Parses what is left without keeping it, for `errors`. */
  finish(): void {
    while (this.next()) {
      // only the error matters
    }
  }
}
