/**
 * awk's language (POSIX, as mawk and gawk read it), parsed: patterns and actions, BEGIN/END,
 * ranges, functions, print/printf (with `>` as a redirection inside them), if/while/do/for/
 * for-in, next/exit/return/break/continue/delete, and expressions with awk's precedence —
 * concatenation by juxtaposition, `~`/`!~`, `in`, `$`, `?:`, assignment operators, `^`.
 */

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; keys: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'in'; keys: Expr[]; name: string }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr }
  | { k: 'getline' };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; printf: boolean; to?: { op: string; e: Expr } }
  | { k: 'if'; c: Expr; a: Stmt; b: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e: Expr | null }
  | { k: 'return'; e: Expr | null }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; keys: Expr[] | null };

export interface Item {
  pattern: { k: 'begin' } | { k: 'end' } | { k: 'all' } | { k: 'expr'; e: Expr } | { k: 'range'; a: Expr; b: Expr; on: boolean };
  action: Stmt[] | null;
}

export interface Program {
  items: Item[];
  functions: Map<string, { params: string[]; body: Stmt[] }>;
}

export class AwkSyntaxError extends Error {}

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name'; v: string } | { t: 'funcname'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' };

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);
export const BUILTIN_FUNCS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'sin',
  'cos',
  'atan2',
  'exp',
  'log',
  'sqrt',
  'int',
  'rand',
  'srand',
  'tolower',
  'toupper',
  'system',
  'close',
  'fflush',
]);
const OPS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '**=',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '**',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  // a `/` starts a regular expression where an operand is expected
  const operandEnd = () => {
    const l = out[out.length - 1];
    if (!l) return false;
    if (l.t === 'num' || l.t === 'str' || l.t === 'name' || l.t === 're') return true;
    return l.t === 'op' && (l.v === ')' || l.v === ']' || l.v === '$' || l.v === '++' || l.v === '--');
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
    } else if (c === '\n') {
      out.push({ t: 'nl' });
      i++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)/.test(src.slice(i))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[i + 1]!;
          const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (esc[n] !== undefined) s += esc[n];
          else if (/[0-7]/.test(n)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(i + 1))![0];
            s += String.fromCharCode(parseInt(m, 8));
            i += m.length - 1;
          } else s += `\\${n}`;
          i += 2;
        } else if (src[i] === '\n') throw new AwkSyntaxError('runaway string constant');
        else s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway string constant');
      i++;
      out.push({ t: 'str', v: s });
    } else if (c === '/' && !operandEnd()) {
      let s = '';
      i++;
      let inBracket = false;
      while (i < src.length && (src[i] !== '/' || inBracket)) {
        if (src[i] === '\\' && i + 1 < src.length) {
          s += src[i + 1] === '/' ? '/' : src.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (src[i] === '[') inBracket = true;
        else if (src[i] === ']') inBracket = false;
        if (src[i] === '\n') throw new AwkSyntaxError('runaway regular expression');
        s += src[i++];
      }
      i++;
      out.push({ t: 're', v: s });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      i += m.length;
      if (!KEYWORDS.has(m) && src[i] === '(' && !BUILTIN_FUNCS.has(m)) out.push({ t: 'funcname', v: m });
      else out.push({ t: 'name', v: m });
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`);
      out.push({ t: 'op', v: op === '**' ? '^' : op === '**=' ? '^=' : op });
      i += op.length;
    }
  }
  out.push({ t: 'eof' });
  return out;
}

export function parseAwk(src: string): Program {
  return new Parser(lex(src)).program();
}

class Parser {
  private i = 0;
  /** inside print's arguments a `>` is a redirection, not a comparison */
  private noGt = 0;

  constructor(private readonly t: Tok[]) {}

  private peek(o = 0): Tok {
    return this.t[this.i + o]!;
  }
  private isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t.t === 'op' && t.v === v;
  }
  private isName(v: string): boolean {
    const t = this.peek();
    return t.t === 'name' && t.v === v;
  }
  private eat(v: string): void {
    if (!this.isOp(v)) throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
    this.i++;
  }
  private show(): string {
    const t = this.peek();
    if (t.t === 'eof') return 'end of file';
    if (t.t === 'nl') return 'end of line';
    return String(t.v);
  }
  private nls(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++;
  }
  private optNl(): void {
    while (this.peek().t === 'nl') this.i++;
  }

  program(): Program {
    const items: Item[] = [];
    const functions = new Map<string, { params: string[]; body: Stmt[] }>();
    this.nls();
    while (this.peek().t !== 'eof') {
      if (this.isName('function') || this.isName('func')) {
        this.i++;
        const n = this.peek();
        if (n.t !== 'funcname' && n.t !== 'name') throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
        this.i++;
        this.eat('(');
        const params: string[] = [];
        while (!this.isOp(')')) {
          const p = this.peek();
          if (p.t !== 'name') throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
          params.push(p.v);
          this.i++;
          if (this.isOp(',')) {
            this.i++;
            this.optNl();
          }
        }
        this.i++;
        this.optNl();
        functions.set(n.v, { params, body: this.block() });
      } else if (this.isName('BEGIN') || this.isName('END')) {
        const k = (this.peek() as { v: string }).v === 'BEGIN' ? 'begin' : 'end';
        this.i++;
        this.optNl();
        items.push({ pattern: { k }, action: this.block() });
      } else if (this.isOp('{')) {
        items.push({ pattern: { k: 'all' }, action: this.block() });
      } else {
        const a = this.expr();
        let pattern: Item['pattern'] = { k: 'expr', e: a };
        if (this.isOp(',')) {
          this.i++;
          this.optNl();
          pattern = { k: 'range', a, b: this.expr(), on: false };
        }
        items.push({ pattern, action: this.isOp('{') ? this.block() : null });
      }
      this.nls();
    }
    return { items, functions };
  }

  private block(): Stmt[] {
    this.eat('{');
    const body: Stmt[] = [];
    this.nls();
    while (!this.isOp('}')) {
      if (this.peek().t === 'eof') throw new AwkSyntaxError('syntax error at or near end of file');
      body.push(this.stmt());
      this.nls();
    }
    this.i++;
    return body;
  }

  private simpleEnd(): void {
    if (this.isOp(';') || this.peek().t === 'nl') {
      this.i++;
      return;
    }
    if (this.isOp('}') || this.peek().t === 'eof') return;
    throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (this.isOp('{')) return { k: 'block', body: this.block() };
    if (this.isOp(';')) {
      this.i++;
      return { k: 'block', body: [] };
    }
    if (t.t === 'name') {
      switch (t.v) {
        case 'if': {
          this.i++;
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          this.optNl();
          const a = this.stmt();
          const save = this.i;
          this.nls();
          if (this.isName('else')) {
            this.i++;
            this.optNl();
            return { k: 'if', c, a, b: this.stmt() };
          }
          this.i = save;
          return { k: 'if', c, a, b: null };
        }
        case 'while': {
          this.i++;
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          if (this.isOp(';')) {
            this.i++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          this.optNl();
          return { k: 'while', c, body: this.stmt() };
        }
        case 'do': {
          this.i++;
          this.optNl();
          const body = this.stmt();
          this.nls();
          if (!this.isName('while')) throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
          this.i++;
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          this.simpleEnd();
          return { k: 'do', c, body };
        }
        case 'for': {
          this.i++;
          this.eat('(');
          const n1 = this.peek();
          if (n1.t === 'name' && this.peek(1).t === 'name' && (this.peek(1) as { v: string }).v === 'in' && this.peek(2).t === 'name' && this.isOp(')', 3)) {
            const arr = (this.peek(2) as { v: string }).v;
            this.i += 4;
            this.optNl();
            return { k: 'forin', v: n1.v, arr, body: this.stmt() };
          }
          const init = this.isOp(';') ? null : { k: 'expr' as const, e: this.expr() };
          this.eat(';');
          this.optNl();
          const c = this.isOp(';') ? null : this.expr();
          this.eat(';');
          this.optNl();
          const step = this.isOp(')') ? null : { k: 'expr' as const, e: this.expr() };
          this.eat(')');
          if (this.isOp(';')) {
            this.i++;
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
          }
          this.optNl();
          return { k: 'for', init, c, step, body: this.stmt() };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.i++;
          this.simpleEnd();
          return { k: t.v === 'nextfile' ? 'next' : (t.v as 'next' | 'break' | 'continue') };
        case 'exit':
        case 'return': {
          this.i++;
          const e = this.isOp(';') || this.isOp('}') || this.peek().t === 'nl' || this.peek().t === 'eof' ? null : this.expr();
          this.simpleEnd();
          return { k: t.v, e };
        }
        case 'delete': {
          this.i++;
          const n = this.peek();
          if (n.t !== 'name') throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
          this.i++;
          let keys: Expr[] | null = null;
          if (this.isOp('[')) {
            this.i++;
            keys = this.exprList(']');
          }
          this.simpleEnd();
          return { k: 'delete', name: n.v, keys };
        }
        case 'print':
        case 'printf': {
          this.i++;
          this.noGt++;
          let args: Expr[] = [];
          if (this.isOp('(')) {
            // print (a, b) > f : the parenthesised list
            const save = this.i;
            this.i++;
            this.noGt--;
            const list = this.isOp(')') ? [] : this.exprList(')');
            this.noGt++;
            if (this.isOp(';') || this.isOp('}') || this.isOp('>') || this.isOp('|') || this.peek().t === 'nl' || this.peek().t === 'eof') args = list;
            else {
              this.i = save;
              args = this.printArgs();
            }
          } else args = this.printArgs();
          this.noGt--;
          let to: { op: string; e: Expr } | undefined;
          if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
            const op = (this.peek() as { v: string }).v;
            this.i++;
            to = { op, e: this.concat() };
          }
          this.simpleEnd();
          const s: Stmt = { k: 'print', args, printf: t.v === 'printf' };
          if (to) s.to = to;
          return s;
        }
      }
    }
    const e = this.expr();
    this.simpleEnd();
    return { k: 'expr', e };
  }

  private printArgs(): Expr[] {
    if (this.isOp(';') || this.isOp('}') || this.isOp('>') || this.isOp('|') || this.peek().t === 'nl' || this.peek().t === 'eof') return [];
    const out = [this.expr()];
    while (this.isOp(',')) {
      this.i++;
      this.optNl();
      out.push(this.expr());
    }
    return out;
  }

  private exprList(close: string): Expr[] {
    const out = [this.expr()];
    while (this.isOp(',')) {
      this.i++;
      this.optNl();
      out.push(this.expr());
    }
    this.eat(close);
    return out;
  }

  expr(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const c = this.or();
    if (this.isOp('?')) {
      this.i++;
      this.optNl();
      const a = this.ternary();
      this.optNl();
      this.eat(':');
      this.optNl();
      return { k: 'cond', c, a, b: this.ternary() };
    }
    if (this.peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes((this.peek() as { v: string }).v) && (c.k === 'var' || c.k === 'field' || c.k === 'index')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      this.optNl();
      return { k: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  private or(): Expr {
    let a = this.and();
    while (this.isOp('||')) {
      this.i++;
      this.optNl();
      a = { k: 'bin', op: '||', a, b: this.and() };
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.isOp('&&')) {
      this.i++;
      this.optNl();
      a = { k: 'bin', op: '&&', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.isName('in')) {
      this.i++;
      const n = this.peek();
      if (n.t !== 'name') throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
      this.i++;
      a = { k: 'in', keys: [a], name: n.v };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.comparison();
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = this.isOp('!~');
      this.i++;
      a = { k: 'match', neg, a, re: this.comparison() };
    }
    return a;
  }

  private comparison(): Expr {
    const a = this.concat();
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(t.v === '>' && this.noGt)) {
      this.i++;
      return { k: 'bin', op: t.v, a, b: this.concat() };
    }
    return a;
  }

  private startsOperand(): boolean {
    const t = this.peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 're' || t.t === 'funcname') return true;
    if (t.t === 'name') return !['in', 'getline'].includes(t.v) && !KEYWORDS.has(t.v);
    return t.t === 'op' && (t.v === '$' || t.v === '(' || t.v === '!' || t.v === '++' || t.v === '--' || t.v === '-' || t.v === '+');
  }

  private concat(): Expr {
    let a = this.additive();
    while (this.startsOperand() && !this.isOp('-') && !this.isOp('+') && !(this.isOp('!') && this.isOp('=', 1))) {
      a = { k: 'bin', op: 'cat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.mult();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: 'bin', op, a, b: this.mult() };
    }
    return a;
  }

  private mult(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: 'un', op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.isOp('^')) {
      this.i++;
      return { k: 'bin', op: '^', a, b: this.unaryPow() };
    }
    return a;
  }

  private unaryPow(): Expr {
    if (this.isOp('-') || this.isOp('+') || this.isOp('!')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: 'un', op, e: this.unaryPow() };
    }
    return this.power();
  }

  private postfix(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.peek() as { v: string }).v as '++' | '--';
      this.i++;
      return { k: 'incdec', op, prefix: true, target: this.postfix() };
    }
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && (e.k === 'var' || e.k === 'field' || e.k === 'index')) {
      const op = (this.peek() as { v: string }).v as '++' | '--';
      this.i++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    this.i++;
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 're':
        return { k: 're', src: t.v };
      case 'funcname': {
        this.eat('(');
        return { k: 'call', name: t.v, args: this.isOp(')') ? (this.i++, []) : this.exprList(')') };
      }
      case 'name': {
        if (t.v === 'getline') return { k: 'getline' };
        if (BUILTIN_FUNCS.has(t.v)) {
          if (!this.isOp('(')) return { k: 'call', name: t.v, args: [] };
          this.i++;
          return { k: 'call', name: t.v, args: this.isOp(')') ? (this.i++, []) : this.exprList(')') };
        }
        if (KEYWORDS.has(t.v)) throw new AwkSyntaxError(`syntax error at or near ${t.v}`);
        if (this.isOp('[')) {
          this.i++;
          return { k: 'index', name: t.v, keys: this.exprList(']') };
        }
        return { k: 'var', name: t.v };
      }
      case 'op':
        if (t.v === '$') return { k: 'field', e: this.postfixNoIncdec() };
        if (t.v === '(') {
          const saveGt = this.noGt;
          this.noGt = 0;
          const first = this.expr();
          if (this.isOp(',')) {
            // (a, b) in arr
            const keys = [first];
            while (this.isOp(',')) {
              this.i++;
              keys.push(this.expr());
            }
            this.eat(')');
            this.noGt = saveGt;
            if (!this.isName('in')) throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
            this.i++;
            const n = this.peek();
            this.i++;
            return { k: 'in', keys, name: (n as { v: string }).v };
          }
          this.eat(')');
          this.noGt = saveGt;
          return { k: 'group', e: first };
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') return { k: 'un', op: t.v, e: this.primary() };
    }
    this.i--;
    throw new AwkSyntaxError(`syntax error at or near ${this.show()}`);
  }

  /** `$` binds tighter than ++: `$i++` is `($i)++`. */
  private postfixNoIncdec(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.peek() as { v: string }).v as '++' | '--';
      this.i++;
      return { k: 'incdec', op, prefix: true, target: this.primary() };
    }
    if (this.isOp('-')) {
      this.i++;
      return { k: 'un', op: '-', e: this.primary() };
    }
    return this.primary();
  }
}
