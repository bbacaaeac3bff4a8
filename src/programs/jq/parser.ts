/**
 * jq's grammar, the part nettwin models: pipes, `,`, `//`, `or`/`and`, comparisons, arithmetic,
 * paths with `?`, array and object construction, string interpolation, `as $x |`, `if`,
 * `reduce`, `foreach`, `try`/`catch` and calls. Precedence as jq's parser.y. Definitions
 * (`def`), assignments (`=`, `|=` …), destructuring and labels are not modelled: a filter with
 * them is reported, as is text jq itself would reject (its syntax errors are bison's words).
 */
import type { BinOp, Node } from './ast.js';
import { tokenize, type Token } from './lexer.js';
import { JqUnsupported } from './value.js';

const KEYWORDS = new Set(['and', 'or', 'if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'label', 'def', 'import', 'include', '__loc__']);

export function parseFilter(src: string): Node {
  const p = new Parser(tokenize(src));
  const n = p.pipe();
  p.expectEnd();
  return n;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.i]!;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.k === 'ident' && t.v === v;
  }
  private eat(v: string): void {
    const t = this.peek();
    if ((t.k === 'op' || t.k === 'ident') && t.v === v) {
      this.i++;
      return;
    }
    throw new JqUnsupported(`jq filter jq would not parse (expected '${v}')`);
  }
  expectEnd(): void {
    if (this.peek().k !== 'eof') throw new JqUnsupported('jq filter jq would not parse');
  }

  pipe(): Node {
    if (this.isWord('def') || this.isWord('label') || this.isWord('import') || this.isWord('include')) throw new JqUnsupported(`jq filter with ${(this.peek() as { v: string }).v}`);
    const l = this.comma();
    if (this.isOp('|')) {
      this.i++;
      return { t: 'pipe', l, r: this.pipe() };
    }
    return l;
  }

  private comma(): Node {
    let l = this.alt();
    while (this.isOp(',')) {
      this.i++;
      l = { t: 'comma', l, r: this.alt() };
    }
    return l;
  }

  private alt(): Node {
    const l = this.or();
    if (this.isOp('//')) {
      this.i++;
      return { t: 'alt', l, r: this.alt() };
    }
    const t = this.peek();
    if (t.k === 'op' && ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '?//'].includes(t.v)) throw new JqUnsupported(`jq filter with the assignment ${t.v}`);
    return l;
  }

  private or(): Node {
    let l = this.and();
    while (this.isWord('or')) {
      this.i++;
      l = { t: 'or', l, r: this.and() };
    }
    return l;
  }

  private and(): Node {
    let l = this.compare();
    while (this.isWord('and')) {
      this.i++;
      l = { t: 'and', l, r: this.compare() };
    }
    return l;
  }

  private compare(): Node {
    const l = this.additive();
    const t = this.peek();
    if (t.k === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.i++;
      const r = this.additive();
      const n = this.peek();
      if (n.k === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(n.v)) throw new JqUnsupported('jq filter jq would not parse (chained comparison)');
      return { t: 'binop', op: t.v as BinOp, l, r };
    }
    return l;
  }

  private additive(): Node {
    let l = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || (t.v !== '+' && t.v !== '-')) return l;
      this.i++;
      l = { t: 'binop', op: t.v, l, r: this.multiplicative() };
    }
  }

  private multiplicative(): Node {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || (t.v !== '*' && t.v !== '/' && t.v !== '%')) return l;
      this.i++;
      l = { t: 'binop', op: t.v, l, r: this.unary() };
    }
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.i++;
      return { t: 'neg', e: this.unary() };
    }
    return this.postfix(true);
  }

  /** A term with its suffixes (`.a`, `[…]`, `?`), then `as $x | body` when allowed. */
  private postfix(allowAs: boolean): Node {
    let n = this.term();
    for (;;) {
      const t = this.peek();
      if (t.k === 'field') {
        this.i++;
        n = { t: 'index', target: n, key: { t: 'literal', value: t.v } };
      } else if (t.k === 'op' && t.v === '.' && this.toks[this.i + 1]?.k === 'str') {
        this.i++;
        n = { t: 'index', target: n, key: this.stringTerm(null) };
      } else if (t.k === 'op' && t.v === '[') n = this.bracket(n);
      else if (t.k === 'op' && t.v === '.' && this.toks[this.i + 1]?.k === 'op' && (this.toks[this.i + 1] as { v: string }).v === '[') {
        this.i++;
        n = this.bracket(n);
      } else if (t.k === 'op' && t.v === '?') {
        this.i++;
        n = { t: 'try', body: n, handler: null };
      } else break;
    }
    if (allowAs && this.isWord('as')) {
      this.i++;
      const name = this.varName();
      this.eat('|');
      return { t: 'as', source: n, name, body: this.pipe() };
    }
    return n;
  }

  private varName(): string {
    const v = this.peek();
    if (v.k !== 'var') throw new JqUnsupported('jq filter with a destructuring pattern');
    this.i++;
    return v.v;
  }

  /** `[]`, `[e]`, `[e:]`, `[:e]`, `[e:e]` after a term. */
  private bracket(target: Node): Node {
    this.eat('[');
    if (this.isOp(']')) {
      this.i++;
      return { t: 'iterate', target };
    }
    if (this.isOp(':')) {
      this.i++;
      const to = this.pipe();
      this.eat(']');
      return { t: 'slice', target, from: null, to };
    }
    const key = this.pipe();
    if (this.isOp(':')) {
      this.i++;
      const to = this.isOp(']') ? null : this.pipe();
      this.eat(']');
      return { t: 'slice', target, from: key, to };
    }
    this.eat(']');
    return { t: 'index', target, key };
  }

  private stringTerm(format: string | null): Node {
    const t = this.peek();
    if (t.k !== 'str') throw new JqUnsupported('jq filter jq would not parse');
    this.i++;
    const parts = t.parts.map((p) => (typeof p === 'string' ? p : parseFilter(p.src)));
    if (parts.length === 1 && typeof parts[0] === 'string' && format === null) return { t: 'literal', value: parts[0] };
    return { t: 'string', parts, format };
  }

  private term(): Node {
    const t = this.peek();
    switch (t.k) {
      case 'num':
        this.i++;
        return { t: 'literal', value: t.v };
      case 'str':
        return this.stringTerm(null);
      case 'field':
        this.i++;
        return { t: 'index', target: { t: 'identity' }, key: { t: 'literal', value: t.v } };
      case 'var':
        this.i++;
        return { t: 'var', name: t.v };
      case 'format':
        this.i++;
        if (this.peek().k === 'str') return this.stringTerm(t.v);
        return { t: 'format', name: t.v };
      case 'ident':
        return this.word(t.v);
      case 'op':
        return this.punct(t.v);
      default:
        throw new JqUnsupported('jq filter jq would not parse (it ends too early)');
    }
  }

  private punct(v: string): Node {
    if (v === '.') {
      this.i++;
      if (this.peek().k === 'str') return { t: 'index', target: { t: 'identity' }, key: this.stringTerm(null) };
      return { t: 'identity' };
    }
    if (v === '..') {
      this.i++;
      return { t: 'recurse' };
    }
    if (v === '(') {
      this.i++;
      const n = this.pipe();
      this.eat(')');
      return n;
    }
    if (v === '[') {
      this.i++;
      if (this.isOp(']')) {
        this.i++;
        return { t: 'array', body: null };
      }
      const body = this.pipe();
      this.eat(']');
      return { t: 'array', body };
    }
    if (v === '{') return this.object();
    throw new JqUnsupported(`jq filter jq would not parse (unexpected '${v}')`);
  }

  private word(v: string): Node {
    this.i++;
    if (v === 'null' || v === 'true' || v === 'false') return { t: 'literal', value: v === 'null' ? null : v === 'true' };
    if (v === 'if') return this.ifThen();
    if (v === 'try') {
      const body = this.postfix(false);
      if (this.isWord('catch')) {
        this.i++;
        return { t: 'try', body, handler: this.postfix(false) };
      }
      return { t: 'try', body, handler: null };
    }
    if (v === 'reduce' || v === 'foreach') {
      const source = this.postfix(false);
      this.eat('as');
      const name = this.varName();
      this.eat('(');
      const init = this.pipe();
      this.eat(';');
      const update = this.pipe();
      let extract: Node | null = null;
      if (v === 'foreach' && this.isOp(';')) {
        this.i++;
        extract = this.pipe();
      }
      this.eat(')');
      return v === 'reduce' ? { t: 'reduce', source, name, init, update } : { t: 'foreach', source, name, init, update, extract };
    }
    if (v === '__loc__' || KEYWORDS.has(v)) throw new JqUnsupported(`jq filter jq would not parse (unexpected '${v}')`);
    const args: Node[] = [];
    if (this.isOp('(')) {
      this.i++;
      args.push(this.pipe());
      while (this.isOp(';')) {
        this.i++;
        args.push(this.pipe());
      }
      this.eat(')');
    }
    return { t: 'call', name: v, args };
  }

  private ifThen(): Node {
    const cond = this.pipe();
    this.eat('then');
    const then = this.pipe();
    if (this.isWord('elif')) {
      this.i++;
      return { t: 'if', cond, then, otherwise: this.ifThen() };
    }
    let otherwise: Node | null = null;
    if (this.isWord('else')) {
      this.i++;
      otherwise = this.pipe();
    }
    this.eat('end');
    return { t: 'if', cond, then, otherwise };
  }

  private object(): Node {
    this.eat('{');
    const entries: { key: Node; value: Node }[] = [];
    while (!this.isOp('}')) {
      const t = this.peek();
      let key: Node;
      let value: Node | null = null;
      if (t.k === 'var') {
        this.i++;
        key = { t: 'literal', value: t.v };
        value = { t: 'var', name: t.v };
      } else if (t.k === 'ident') {
        this.i++;
        key = { t: 'literal', value: t.v };
      } else if (t.k === 'str') key = this.stringTerm(null);
      else if (t.k === 'format' && this.toks[this.i + 1]?.k === 'str') {
        this.i++;
        key = this.stringTerm(t.v);
      } else if (t.k === 'op' && t.v === '(') {
        this.i++;
        key = this.pipe();
        this.eat(')');
      } else throw new JqUnsupported('jq filter jq would not parse (object key)');
      if (this.isOp(':')) {
        this.i++;
        value = this.objectValue();
      } else if (value === null) {
        if (key.t !== 'literal' && key.t !== 'string') throw new JqUnsupported('jq filter jq would not parse (object key without value)');
        value = { t: 'index', target: { t: 'identity' }, key };
      }
      entries.push({ key, value });
      if (!this.isOp(',')) break;
      this.i++;
    }
    this.eat('}');
    return { t: 'object', entries };
  }

  /** ObjVal: terms joined by `|` (jq's grammar allows no `,` or operators there without parentheses). */
  private objectValue(): Node {
    let n = this.isOp('-') ? (this.i++, { t: 'neg' as const, e: this.postfix(false) }) : this.postfix(false);
    if (this.isOp('|')) {
      this.i++;
      n = { t: 'pipe', l: n, r: this.objectValue() };
    }
    return n;
  }
}
