/**
 * Static parser for the subset of POSIX sh / bash that networking tutorials use.
 *
 * It splits a script into simple commands with their words, redirections and list
 * operators, so a runner can replay `ip ...` lines against the model. Nothing is
 * ever executed or evaluated: command substitutions and other dynamic constructs
 * are kept verbatim as `unsupported` parts, and control-flow constructs become a
 * single opaque command (`compound`) that the runner can report once.
 *
 * Like a non-interactive bash, parsing stops at the first syntax error: commands
 * of earlier lines are returned (bash would already have run them) and the list
 * containing the error is dropped (bash parses a whole line before running any of it).
 */
import { Lexer, ShellSyntaxError, type HeredocOwner, type OpToken, type Token, type WordToken } from './lexer.js';
import type { Redirect, ShellCommand, ShellParseResult, ShellWord } from './ast.js';

type Joiner = ShellCommand['joiner'];

interface Builder extends HeredocOwner {
  start: number;
  end: number;
  words: ShellWord[];
  redirects: Redirect[];
  background: boolean;
  joiner: Joiner;
  compound?: string;
}

const COMPOUND_START = new Set(['if', 'for', 'while', 'until', 'select', 'case', 'function', '{', '[[']);
const RESERVED_OUT_OF_PLACE = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '<&', '&>', '&>>', '>|', '<>', '<<', '<<-', '<<<']);
const CLOSER: Record<string, string> = { if: 'fi', while: 'done', until: 'done', for: 'done', select: 'done', case: 'esac', '{': '}' };

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

class Parser {
  private readonly lx: Lexer;
  private readonly lineStarts: number[] = [0];
  /** the commands of the lists parsed so far (taken away by ShellReader as it goes) */
  commands: ShellCommand[] = [];

  constructor(private readonly src: string) {
    this.lx = new Lexer(src);
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Parses one newline-terminated list; false at end of input. */
  parseList(): boolean {
    let tok = this.lx.next();
    while (tok.kind === 'newline') tok = this.lx.next();
    if (tok.kind === 'eof') return false;
    const list: Builder[] = [];
    let joiner: Joiner = null;
    for (;;) {
      const cmd = this.parseCommand(tok, joiner);
      list.push(cmd);
      const sep = this.lx.next();
      if (sep.kind === 'newline' || sep.kind === 'eof') return this.commit(list, sep);
      if (sep.kind !== 'op') throw unexpected(sep);
      if (sep.op === ';' || sep.op === '&') {
        if (sep.op === '&') cmd.background = true;
        joiner = sep.op === ';' ? ';' : null;
        tok = this.lx.next();
        if (tok.kind === 'newline' || tok.kind === 'eof') return this.commit(list, tok);
      } else if (sep.op === '&&' || sep.op === '||' || sep.op === '|' || sep.op === '|&') {
        if (sep.op === '|&') cmd.redirects.push({ fd: 2, op: '>&', target: litWord('1') });
        joiner = sep.op === '|&' ? '|' : sep.op;
        // bash lets a list continue on the next line after these operators.
        tok = this.lx.next();
        while (tok.kind === 'newline') tok = this.lx.next();
      } else {
        throw unexpected(sep);
      }
    }
  }

  private commit(list: Builder[], terminator: Token): boolean {
    for (const b of list) {
      let text = this.lx.cleanText(b.start, b.end);
      let endOffset = b.end;
      if (b.heredocStart !== undefined && b.heredocEnd !== undefined && b.heredocEnd > b.end) {
        const body = this.src.slice(b.heredocStart, b.heredocEnd);
        if (body !== '') {
          text += `\n${body}`;
          endOffset = b.heredocEnd;
        }
      }
      const cmd: ShellCommand = {
        line: this.lineOf(b.start),
        endLine: this.lineOf(Math.max(b.start, endOffset - 1)),
        text,
        words: b.words,
        redirects: b.redirects,
        background: b.background,
        joiner: b.joiner,
      };
      if (b.compound !== undefined) cmd.compound = b.compound;
      this.commands.push(cmd);
    }
    return terminator.kind !== 'eof';
  }

  private newBuilder(start: number, end: number, joiner: Joiner): Builder {
    return { start, end, words: [], redirects: [], background: false, joiner };
  }

  private parseCommand(tok: Token, joiner: Joiner): Builder {
    if (tok.kind === 'op' && tok.op === '(') {
      const b = this.newBuilder(tok.start, tok.end, joiner);
      b.words.push(litWord('('));
      b.compound = '(';
      this.skimConstruct(tok, b);
      this.readTrailing(b);
      return b;
    }
    const kw = keywordOf(tok);
    if (kw !== undefined && COMPOUND_START.has(kw)) {
      const b = this.newBuilder(tok.start, tok.end, joiner);
      b.words.push((tok as WordToken).word);
      b.compound = kw;
      if (kw === 'function') this.parseFunctionRest(b);
      else this.skimConstruct(tok, b);
      this.readTrailing(b);
      return b;
    }
    if (kw !== undefined && RESERVED_OUT_OF_PLACE.has(kw)) throw unexpected(tok);
    if (tok.kind !== 'word' && !isRedirect(tok)) throw unexpected(tok);

    const b = this.newBuilder(tok.start, tok.end, joiner);
    let t: Token = tok;
    for (;;) {
      if (t.kind === 'word') {
        b.words.push(t.word);
        b.end = t.end;
      } else if (t.kind === 'op' && t.op === '(' && b.words.length === 1 && b.redirects.length === 0 && !b.compound) {
        // `name() { ...; }`
        const close = this.lx.next();
        if (close.kind !== 'op' || close.op !== ')') throw unexpected(close);
        b.compound = 'function';
        this.skimConstruct(this.nextSkippingNewlines(), b);
        this.readTrailing(b);
        return b;
      } else if (isRedirect(t)) {
        this.readRedirect(t, b);
      } else {
        this.lx.pushBack(t);
        return b;
      }
      t = this.lx.next();
    }
  }

  /** After `function`: name, optional `()`, then the body construct. */
  private parseFunctionRest(b: Builder): void {
    const name = this.lx.next();
    if (name.kind !== 'word') throw unexpected(name);
    b.end = name.end;
    let t = this.lx.next();
    if (t.kind === 'op' && t.op === '(') {
      const close = this.lx.next();
      if (close.kind !== 'op' || close.op !== ')') throw unexpected(close);
      t = this.lx.next();
    }
    while (t.kind === 'newline') t = this.lx.next();
    this.skimConstruct(t, b);
  }

  private nextSkippingNewlines(): Token {
    let t = this.lx.next();
    while (t.kind === 'newline') t = this.lx.next();
    return t;
  }

  /** Redirections (and stray words, an error) after a construct's closing keyword. */
  private readTrailing(b: Builder): void {
    for (;;) {
      const t = this.lx.next();
      if (isRedirect(t)) this.readRedirect(t, b);
      else if (t.kind === 'word') throw unexpected(t);
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
      case '<<-':
        this.lx.addHeredoc(word.text.replace(/["'\\]/g, ''), t.op === '<<-', b);
        b.compound ??= '<<';
        break;
      case '<<<':
        b.compound ??= '<<<';
        break;
    }
  }

  /**
   * Consumes a whole construct starting at `opener` (a keyword word or `(`), tracking
   * nested constructs by the reserved words bash recognises in command position.
   */
  private skimConstruct(opener: Token, b: Builder): void {
    const lx = this.lx;
    if (opener.kind === 'op' && opener.op === '(') {
      b.end = opener.end;
      if (opener.end === lx.pos && this.src[lx.pos] === '(') {
        lx.skipArith();
        b.end = lx.pos;
        if (b.compound === '(') {
          b.compound = '((';
          b.words = [litWord('((')];
        }
        return;
      }
    }
    const kw = keywordOf(opener);
    const stack: string[] = [];
    let cmdPos = true;
    if (opener.kind === 'op' && opener.op === '(') {
      stack.push(')');
    } else if (kw === '[[') {
      this.skipDoubleBracket(b);
      return;
    } else if (kw !== undefined && CLOSER[kw] !== undefined) {
      stack.push(CLOSER[kw]);
      cmdPos = !['for', 'select', 'case'].includes(kw);
    } else {
      throw unexpected(opener);
    }
    b.end = opener.end;

    let redirectOp: string | undefined;
    let skipName = false;
    for (;;) {
      const t = lx.next();
      if (t.kind === 'eof') throw unexpected(t);
      if (t.kind === 'newline') {
        cmdPos = true;
        continue;
      }
      b.end = t.end;
      const top = stack[stack.length - 1];
      if (t.kind === 'op') {
        if (REDIRECT_OPS.has(t.op)) {
          redirectOp = t.op;
        } else if (t.op === '(') {
          if (cmdPos && t.end === lx.pos && this.src[lx.pos] === '(') {
            lx.skipArith();
            b.end = lx.pos;
            cmdPos = false;
          } else {
            stack.push(')');
            cmdPos = true;
          }
        } else if (t.op === ')') {
          if (top === ')') {
            stack.pop();
            if (stack.length === 0) return;
          } else if (top !== 'esac') {
            throw unexpected(t);
          }
          // Either a subshell ended or a case pattern did: both leave us in command position.
          cmdPos = true;
        } else {
          cmdPos = true;
        }
        continue;
      }
      if (redirectOp !== undefined) {
        if (redirectOp === '<<' || redirectOp === '<<-') {
          lx.addHeredoc(t.word.text.replace(/["'\\]/g, ''), redirectOp === '<<-', b);
        }
        redirectOp = undefined;
        continue;
      }
      const word = keywordOf(t);
      if (skipName) {
        skipName = false;
        cmdPos = true;
        continue;
      }
      if (!cmdPos || word === undefined) {
        // `case WORD in`: patterns follow, and `esac` may close an empty case.
        cmdPos = word === 'in' && top === 'esac';
        continue;
      }
      const closer = CLOSER[word];
      if (closer !== undefined) {
        stack.push(closer);
        cmdPos = !['for', 'select', 'case'].includes(word);
      } else if (word === '[[') {
        this.skipDoubleBracket(b);
        cmdPos = false;
      } else if (word === 'fi' || word === 'done' || word === 'esac' || word === '}') {
        if (top !== word) throw unexpected(t);
        stack.pop();
        if (stack.length === 0) return;
        cmdPos = false;
      } else if (word === 'function') {
        skipName = true;
      } else {
        cmdPos = ['then', 'do', 'else', 'elif', '!', 'time'].includes(word);
      }
    }
  }

  /** `[[ ... ]]`: its `<`, `>`, `&&` are operators of the test, not of the shell. */
  private skipDoubleBracket(b: Builder): void {
    for (;;) {
      const t = this.lx.next();
      if (t.kind === 'eof') throw unexpected(t);
      if (t.kind === 'newline') continue;
      b.end = t.end;
      if (keywordOf(t) === ']]') return;
    }
  }
}

/**
 * Parses a script into commands without executing anything. Never throws.
 *
 * @example
 * const { commands, errors } = parseShell('NS=ns1\nsudo ip netns add $NS # make it\n');
 * commands.map((c) => c.text); // ['NS=ns1', 'sudo ip netns add $NS']
 * errors; // []
 */
export function parseShell(source: string): ShellParseResult {
  const reader = new ShellReader(source);
  const commands: ShellCommand[] = [];
  for (let list = reader.nextList(); list; list = reader.nextList()) for (const c of list) commands.push(c);
  return { commands, errors: reader.errors };
}

/**
 * {@link parseShell} one newline-terminated list at a time, so a runner holds the commands
 * of one line rather than of the whole script. The lists, and then `errors`, are exactly
 * what parseShell returns.
 *
 * @example
 * const r = new ShellReader('a; b\nc\n');
 * r.nextList()!.map((c) => c.text); // ['a', 'b']
 * r.nextList()!.map((c) => c.text); // ['c']
 * r.nextList(); // null
 */
export class ShellReader {
  private readonly parser: Parser;
  private done = false;
  /** the syntax error that ended parsing, once the reader got there (at most one) */
  readonly errors: ShellParseResult['errors'] = [];

  constructor(source: string) {
    this.parser = new Parser(source.replace(/\r(?=\n|$)/g, ''));
  }

  /** The commands of the next list; null at the end of the input or at the first syntax error. */
  nextList(): ShellCommand[] | null {
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
      }
      if (parser.commands.length) {
        const list = parser.commands;
        parser.commands = [];
        return list;
      }
    }
    return null;
  }

  /** Parses what is left without keeping it, for `errors`. */
  finish(): void {
    while (this.nextList()) {
      // only the error matters
    }
  }
}
