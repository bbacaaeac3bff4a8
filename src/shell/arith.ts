/**
 * Bash arithmetic (`$((…))`, `((…))`, `let`, `for ((…))`): 64-bit signed integers that wrap,
 * C's operators and precedence, assignments, `++`/`--`, `?:`, `,`, `**`, numbers in bases
 * (0x1f, 017, 2#101), and variables whose values are themselves expressions.
 */

/** The variables an expression reads and assigns. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** An error in an expression, in bash's words (`1/0: division by 0 (error token is "0")`). */
export class ArithError extends Error {}

const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);

type Tok = ({ t: 'num'; v: bigint; s: string } | { t: 'name'; s: string } | { t: 'op'; s: string }) & { at: number };

const OPS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '&',
  '^',
  '|',
  '!',
  '~',
  '?',
  ':',
  '=',
  '(',
  ')',
  ',',
];

function parseNumber(s: string, expr: string): bigint {
  let m = /^0[xX]([0-9a-fA-F]+)$/.exec(s);
  if (m) return I64(BigInt(`0x${m[1]}`));
  m = /^(\d+)#([0-9a-zA-Z@_]+)$/.exec(s);
  if (m) {
    const base = Number(m[1]);
    if (base < 2 || base > 64) throw new ArithError(`${expr}: invalid arithmetic base (error token is "${s}")`);
    let v = 0n;
    for (const ch of m[2]!) {
      const d = base <= 36 ? parseInt(ch, 36) : '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@_'.indexOf(ch);
      if (Number.isNaN(d) || d < 0 || d >= base) throw new ArithError(`${expr}: value too great for base (error token is "${s}")`);
      v = v * BigInt(base) + BigInt(d);
    }
    return I64(v);
  }
  if (/^0[0-7]+$/.test(s)) return I64(BigInt(`0o${s.slice(1)}`));
  // a leading 0 makes the number octal: 8 and 9 are too great for that base
  if (/^0\d+$/.test(s)) throw new ArithError(`${expr}: value too great for base (error token is "${s}")`);
  if (/^\d+$/.test(s)) return I64(BigInt(s));
  throw new ArithError(`${expr}: value too great for base (error token is "${s}")`);
}

function tokenize(expr: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|\d+#[0-9a-zA-Z@_]+|\d+)/.exec(expr.slice(i));
    if (num) {
      const rest = expr.slice(i + num[0].length);
      if (/^[A-Za-z_]/.test(rest)) throw new ArithError(`${expr}: value too great for base (error token is "${expr.slice(i)}")`);
      // bash names the expression up to the number it could not read
      out.push({ t: 'num', v: parseNumber(num[0], expr.slice(0, i + num[0].length)), s: num[0], at: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
    if (name) {
      // `a[i]`: an array's element, one variable
      let end = i + name[0].length;
      if (expr[end] === '[') {
        for (let depth = 0, k = end; k < expr.length; k++) {
          if (expr[k] === '[') depth++;
          else if (expr[k] === ']' && --depth === 0) {
            end = k + 1;
            break;
          }
        }
      }
      out.push({ t: 'name', s: expr.slice(i, end), at: i });
      i = end;
      continue;
    }
    const op = OPS.find((o) => expr.startsWith(o, i));
    if (!op) throw new ArithError(`${expr}: syntax error: invalid arithmetic operator (error token is "${expr.slice(i)}")`);
    out.push({ t: 'op', s: op, at: i });
    i += op.length;
  }
  return out;
}

/** A value, or a variable that can still be assigned. */
type Val = { v: bigint; name?: string };

const BINARY: [string[], number][] = [
  [['||'], 1],
  [['&&'], 2],
  [['|'], 3],
  [['^'], 4],
  [['&'], 5],
  [['==', '!='], 6],
  [['<', '>', '<=', '>='], 7],
  [['<<', '>>'], 8],
  [['+', '-'], 9],
  [['*', '/', '%'], 10],
];
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

class Evaluator {
  private i = 0;
  /** while > 0, `&&`/`||`/`?:` are skipping an operand: nothing is assigned or divided */
  private skip = 0;
  /** where the right operand of the binary operator being applied starts */
  private divisor = 0;

  constructor(
    private readonly toks: Tok[],
    private readonly expr: string,
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {}

  run(): bigint {
    if (this.toks.length === 0) return 0n;
    const v = this.comma();
    if (this.i < this.toks.length) this.fail('syntax error in expression', this.rest());
    return v.v;
  }

  /** The expression's text from token `i` on: what bash calls the error token. */
  private rest(i = this.i): string {
    const t = this.toks[i];
    return t === undefined ? '' : this.expr.slice(t.at);
  }

  private fail(what: string, token: string): never {
    throw new ArithError(`${this.expr}: ${what} (error token is "${token}")`);
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private isOp(s: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.t === 'op' && t.s === s;
  }

  private value(name: string): bigint {
    const raw = this.vars.get(name);
    if (raw === undefined || raw.trim() === '') return 0n;
    if (/^\s*-?\d+\s*$/.test(raw)) return I64(BigInt(raw.trim()));
    // a variable's value is an expression of its own
    if (this.depth > 64) throw new ArithError(`${name}: expression recursion level exceeded (error token is "${name}")`);
    return evaluate(raw, this.vars, this.depth + 1);
  }

  private assign(name: string | undefined, v: bigint, op: string): bigint {
    if (name === undefined) this.fail('attempted assignment to non-variable', op);
    if (this.skip === 0) this.vars.set(name, String(v));
    return v;
  }

  private comma(): Val {
    let v = this.assignment();
    while (this.isOp(',')) {
      this.i++;
      v = this.assignment();
    }
    return v;
  }

  private assignment(): Val {
    const t = this.peek();
    const n = this.toks[this.i + 1];
    if (t?.t === 'name' && n?.t === 'op' && ASSIGN.has(n.s)) {
      this.i += 2;
      const rhs = this.assignment().v;
      if (n.s === '=') return { v: this.assign(t.s, rhs, n.s) };
      const cur = this.value(t.s);
      return { v: this.assign(t.s, this.binary(n.s.slice(0, -1), cur, rhs), n.s) };
    }
    return this.ternary();
  }

  private ternary(): Val {
    const c = this.binaryLevel(0);
    if (!this.isOp('?')) return c;
    this.i++;
    const take = c.v !== 0n;
    if (!take) this.skip++;
    const a = this.assignment();
    if (!take) this.skip--;
    if (!this.isOp(':')) this.fail('syntax error in expression', this.rest() || ')');
    this.i++;
    if (take) this.skip++;
    const b = this.assignment();
    if (take) this.skip--;
    return take ? a : b;
  }

  private binaryLevel(level: number): Val {
    if (level >= BINARY.length) return this.power();
    const [ops] = BINARY[level]!;
    let left = this.binaryLevel(level + 1);
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== 'op' || !ops.includes(t.s)) return left;
      this.i++;
      if (t.s === '&&' || t.s === '||') {
        const short = t.s === '&&' ? left.v === 0n : left.v !== 0n;
        if (short) this.skip++;
        const right = this.binaryLevel(level + 1);
        if (short) this.skip--;
        left = { v: short ? (t.s === '||' ? 1n : 0n) : right.v !== 0n ? 1n : 0n };
        continue;
      }
      const at = this.i;
      const right = this.binaryLevel(level + 1);
      this.divisor = at;
      left = { v: this.binary(t.s, left.v, right.v) };
    }
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+':
        return I64(a + b);
      case '-':
        return I64(a - b);
      case '*':
        return I64(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (this.skip > 0) return 0n;
          this.fail('division by 0', this.rest(this.divisor));
        }
        return I64(op === '/' ? a / b : a % b);
      case '<<':
        return I64(a << (b & 63n));
      case '>>':
        return I64(a >> (b & 63n));
      case '<':
        return a < b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '&':
        return a & b;
      case '^':
        return a ^ b;
      case '|':
        return a | b;
      default:
        return this.fail('syntax error in expression', op);
    }
  }

  private power(): Val {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.i++;
    const exp = this.power().v;
    // bash names the last token it read
    if (exp < 0n) this.fail('exponent less than 0', this.rest(this.i - 1));
    return { v: I64(base.v ** exp) };
  }

  private unary(): Val {
    const t = this.peek();
    if (t?.t === 'op') {
      if (t.s === '++' || t.s === '--') {
        this.i++;
        const n = this.peek();
        if (n?.t !== 'name') this.fail('syntax error: operand expected', this.rest());
        this.i++;
        const v = I64(this.value(n.s) + (t.s === '++' ? 1n : -1n));
        return { v: this.assign(n.s, v, t.s) };
      }
      if (t.s === '-' || t.s === '+' || t.s === '!' || t.s === '~') {
        this.i++;
        const v = this.unary().v;
        return { v: t.s === '-' ? I64(-v) : t.s === '+' ? v : t.s === '!' ? (v === 0n ? 1n : 0n) : ~v };
      }
    }
    return this.postfix();
  }

  private postfix(): Val {
    const t = this.peek();
    if (t === undefined) this.fail('syntax error: operand expected', this.rest(this.i - 1));
    if (t.t === 'num') {
      this.i++;
      return { v: t.v };
    }
    if (t.t === 'name') {
      this.i++;
      const cur = this.value(t.s);
      if (this.isOp('++') || this.isOp('--')) {
        const op = this.toks[this.i++]!.s;
        this.assign(t.s, I64(cur + (op === '++' ? 1n : -1n)), op);
        return { v: cur };
      }
      return { v: cur, name: t.s };
    }
    if (t.s === '(') {
      this.i++;
      const v = this.comma();
      if (!this.isOp(')')) this.fail("missing `)'", this.rest());
      this.i++;
      return { v: v.v };
    }
    return this.fail('syntax error: operand expected', this.rest());
  }
}

/**
 * The value of an expression (its `$…` expansions already done). Throws ArithError.
 *
 * @example evaluate('i += 2, i * 3', vars) // with i=1: 9, and i is 3
 */
export function evaluate(expr: string, vars: ArithVars, depth = 0): bigint {
  const text = expr.replace(/^\s+/, '');
  return new Evaluator(tokenize(text), text, vars, depth).run();
}
