/**
 * `test`/`[ … ]` and `[[ … ]]`: string, integer and file tests with `!`, `-a`/`-o` or
 * `&&`/`||`, parentheses, patterns (`==`) and regular expressions (`=~`) in `[[`. File tests
 * ask the shell (`fileTest`), which knows the run's scratch files and the kernel's.
 */
import type { CondToken } from './ast.js';
import { expandOne, patternPieces, type ExpandEnv, type Run } from './expand.js';
import { patternSource } from './pattern.js';
import { evaluate, ArithError } from './arith.js';

/** A usage error of test (exit 2), in its words after `[: ` or `test: `. */
export class TestError extends Error {}

/** The shell's answer to a file test (`-e /sys/class/net/br0`), or null when it cannot know. */
export type FileTest = (op: string, path: string) => Run<boolean>;

const UNARY_FILE = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-b', '-c', '-p', '-S', '-g', '-u', '-k', '-O', '-G', '-N', '-a']);
const UNARY = new Set([...UNARY_FILE, '-n', '-z', '-t', '-v', '-o']);
const BINARY_STR = new Set(['=', '==', '!=', '<', '>']);
const BINARY_INT = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const BINARY_FILE = new Set(['-nt', '-ot', '-ef']);

function toInt(s: string): bigint {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return BigInt(t);
}

function compareInt(op: string, a: bigint, b: bigint): boolean {
  switch (op) {
    case '-eq':
      return a === b;
    case '-ne':
      return a !== b;
    case '-lt':
      return a < b;
    case '-le':
      return a <= b;
    case '-gt':
      return a > b;
    default:
      return a >= b;
  }
}

/**
 * `test ARGS` / `[ ARGS ]` (the `]` already removed): true, false, or a TestError.
 * POSIX decides by the number of arguments first; longer ones are parsed as an expression.
 */
export function* testArgs(args: string[], env: ExpandEnv, fileTest: FileTest): Run<boolean> {
  const p = new ArgParser(args, env, fileTest);
  return yield* p.top();
}

class ArgParser {
  private i = 0;

  constructor(
    private readonly a: string[],
    private readonly env: ExpandEnv,
    private readonly fileTest: FileTest,
  ) {}

  *top(): Run<boolean> {
    const a = this.a;
    switch (a.length) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2:
        if (a[0] === '!') return a[1] === '';
        if (UNARY.has(a[0]!)) return yield* this.unary(a[0]!, a[1]!);
        throw new TestError(`${a[0]}: unary operator expected`);
      case 3:
        if (isBinary(a[1]!)) return this.binary(a[0]!, a[1]!, a[2]!);
        if (a[0] === '!') return !(yield* new ArgParser(a.slice(1), this.env, this.fileTest).top());
        if (a[0] === '(' && a[2] === ')') return a[1] !== '';
        if (a[1] === '-a' || a[1] === '-o') break;
        throw new TestError(`${a[1]}: binary operator expected`);
      case 4:
        if (a[0] === '!') return !(yield* new ArgParser(a.slice(1), this.env, this.fileTest).top());
        if (a[0] === '(' && a[3] === ')') return yield* new ArgParser(a.slice(1, 3), this.env, this.fileTest).top();
        break;
    }
    const v = yield* this.or();
    if (this.i < a.length) throw new TestError(a[this.i] === ')' || this.i > 0 ? 'too many arguments' : `${a[this.i]}: unary operator expected`);
    return v;
  }

  private *or(): Run<boolean> {
    let v = yield* this.and();
    while (this.a[this.i] === '-o') {
      this.i++;
      const r = yield* this.and();
      v = v || r;
    }
    return v;
  }

  private *and(): Run<boolean> {
    let v = yield* this.not();
    while (this.a[this.i] === '-a') {
      this.i++;
      const r = yield* this.not();
      v = v && r;
    }
    return v;
  }

  private *not(): Run<boolean> {
    if (this.a[this.i] === '!') {
      this.i++;
      return !(yield* this.not());
    }
    return yield* this.primary();
  }

  private *primary(): Run<boolean> {
    const a = this.a;
    const t = a[this.i];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(') {
      this.i++;
      const v = yield* this.or();
      if (a[this.i] !== ')') throw new TestError("`)' expected");
      this.i++;
      return v;
    }
    if (a[this.i + 1] !== undefined && isBinary(a[this.i + 1]!) && a[this.i + 2] !== undefined) {
      const v = this.binary(t, a[this.i + 1]!, a[this.i + 2]!);
      this.i += 3;
      return v;
    }
    if (UNARY.has(t) && a[this.i + 1] !== undefined) {
      this.i += 2;
      return yield* this.unary(t, a[this.i - 1]!);
    }
    this.i++;
    return t !== '';
  }

  *unary(op: string, x: string): Run<boolean> {
    return yield* unaryTest(op, x, this.env, this.fileTest);
  }

  binary(x: string, op: string, y: string): boolean {
    if (BINARY_INT.has(op)) return compareInt(op, toInt(x), toInt(y));
    if (BINARY_FILE.has(op)) throw new TestError(`${op}: file comparison is not modelled`);
    switch (op) {
      case '=':
      case '==':
        return x === y;
      case '!=':
        return x !== y;
      case '<':
        return x < y;
      default:
        return x > y;
    }
  }
}

function isBinary(op: string): boolean {
  return BINARY_STR.has(op) || BINARY_INT.has(op) || BINARY_FILE.has(op);
}

function* unaryTest(op: string, x: string, env: ExpandEnv, fileTest: FileTest): Run<boolean> {
  switch (op) {
    case '-n':
      return x !== '';
    case '-z':
      return x === '';
    case '-t':
      return false;
    case '-v': {
      // `-v a[k]`: whether that element is set
      const el = /^(\w+)\[(.*)\]$/s.exec(x);
      if (el) return env.element(el[1]!, el[2]!) !== undefined;
      return env.get(x) !== undefined || env.array(x) !== undefined;
    }
    case '-o':
      return false;
    default:
      return yield* fileTest(op, x);
  }
}

/** `[[ … ]]`: true or false (a TestError for what bash refuses as a syntax error). */
export function* condTokens(tokens: CondToken[], env: ExpandEnv, fileTest: FileTest, rematch: (m: string[]) => void): Run<boolean> {
  const p = new CondParser(tokens, env, fileTest, rematch);
  const v = yield* p.or();
  if (!p.done()) throw new TestError('syntax error in conditional expression');
  return v;
}

const wordOf = (t: CondToken | undefined): string | undefined => (t && 'word' in t ? t.word.text : undefined);
const opOf = (t: CondToken | undefined): string | undefined =>
  t && 'op' in t ? t.op : t && 'word' in t && t.word.parts.length === 1 && t.word.parts[0]!.kind === 'lit' && !t.word.parts[0]!.quoted ? t.word.parts[0]!.text : undefined;

class CondParser {
  private i = 0;

  constructor(
    private readonly t: CondToken[],
    private readonly env: ExpandEnv,
    private readonly fileTest: FileTest,
    private readonly rematch: (m: string[]) => void,
  ) {}

  done(): boolean {
    return this.i >= this.t.length;
  }

  *or(): Run<boolean> {
    let v = yield* this.and();
    while (opOf(this.t[this.i]) === '||') {
      this.i++;
      // the right side is not evaluated (nor expanded) when the left decides
      if (v) this.skipOperand();
      else v = yield* this.and();
    }
    return v;
  }

  private *and(): Run<boolean> {
    let v = yield* this.not();
    while (opOf(this.t[this.i]) === '&&') {
      this.i++;
      if (!v) this.skipAnd();
      else v = yield* this.not();
    }
    return v;
  }

  private skipOperand(): void {
    let depth = 0;
    while (this.i < this.t.length) {
      const o = opOf(this.t[this.i]);
      if (o === '(' && 'op' in this.t[this.i]!) depth++;
      else if (o === ')' && 'op' in this.t[this.i]!) {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && o === '||') return;
      this.i++;
    }
  }

  private skipAnd(): void {
    let depth = 0;
    while (this.i < this.t.length) {
      const o = opOf(this.t[this.i]);
      if (o === '(' && 'op' in this.t[this.i]!) depth++;
      else if (o === ')' && 'op' in this.t[this.i]!) {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && (o === '||' || o === '&&')) return;
      this.i++;
    }
  }

  private *not(): Run<boolean> {
    if (opOf(this.t[this.i]) === '!' && this.t[this.i + 1] !== undefined) {
      this.i++;
      return !(yield* this.not());
    }
    return yield* this.primary();
  }

  private *primary(): Run<boolean> {
    const t = this.t[this.i];
    if (t === undefined) throw new TestError('unexpected argument to conditional expression');
    if ('op' in t && t.op === '(') {
      this.i++;
      const v = yield* this.or();
      if (!(this.t[this.i] && 'op' in this.t[this.i]! && (this.t[this.i] as { op: string }).op === ')')) throw new TestError("expected `)'");
      this.i++;
      return v;
    }
    const next = this.t[this.i + 1];
    const op = opOf(next);
    const third = this.t[this.i + 2];
    if (op !== undefined && third !== undefined && (BINARY_STR.has(op) || BINARY_INT.has(op) || BINARY_FILE.has(op) || op === '=~')) {
      this.i += 3;
      if (!('word' in t) || !('word' in third)) throw new TestError('syntax error in conditional expression');
      const left = yield* expandOne(t.word, this.env);
      if (op === '==' || op === '=' || op === '!=') {
        const src = patternSource(yield* patternPieces(third.word.parts, this.env));
        const m = new RegExp(`^(?:${src})$`).test(left);
        return op === '!=' ? !m : m;
      }
      if (op === '=~') {
        const pieces = yield* patternPieces(third.word.parts, this.env);
        const src = pieces.map((p) => (p.quoted ? p.text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&') : p.text)).join('');
        let re: RegExp;
        try {
          re = new RegExp(ereToJs(src));
        } catch {
          return false;
        }
        const m = re.exec(left);
        this.rematch(m ? [...m].map((x) => x ?? '') : []);
        return m !== null;
      }
      const right = yield* expandOne(third.word, this.env);
      if (BINARY_INT.has(op)) return compareInt(op, arith(left, this.env), arith(right, this.env));
      if (BINARY_FILE.has(op)) throw new TestError(`${op}: file comparison is not modelled`);
      return op === '<' ? left < right : left > right;
    }
    const w = wordOf(t);
    if (w !== undefined && UNARY.has(w) && next !== undefined && 'word' in next) {
      this.i += 2;
      return yield* unaryTest(w, yield* expandOne(next.word, this.env), this.env, this.fileTest);
    }
    if (!('word' in t)) throw new TestError(`syntax error near \`${t.op}'`);
    this.i++;
    return (yield* expandOne(t.word, this.env)) !== '';
  }
}

function arith(s: string, env: ExpandEnv): bigint {
  try {
    return evaluate(s, { get: (n) => env.get(n), set: (n, v) => env.set(n, v) });
  } catch (e) {
    if (e instanceof ArithError) throw new TestError(e.message);
    throw e;
  }
}

/** POSIX ERE to a JavaScript regular expression: bracket classes are the difference. */
function ereToJs(src: string): string {
  return src.replace(/\[:(alpha|digit|alnum|upper|lower|space|blank|punct|xdigit):\]/g, (_, c: string) => {
    const m: Record<string, string> = { alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f' };
    return m[c]!;
  });
}
