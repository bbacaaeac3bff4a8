/**
 * awk (as mawk and gawk agree): `-F`, `-v`, fields and NF/NR/FNR, patterns, ranges, BEGIN/END,
 * arrays, user functions, print/printf (to stdout or the run's scratch files), and the string
 * and numeric builtins. Values are numbers, strings, or numeric strings from input (compared
 * as numbers when both look like numbers), as POSIX says. Bounded: a program that runs past
 * its step budget is reported, never left running.
 */
import { parseAwk, AwkSyntaxError, type Expr, type Program, type Stmt } from './awk-parse.js';
import { compile } from './regex.js';
import { getopt, readOperand, usageError, type TextIo, type TextResult } from './tool.js';
import { classifyPath, type ScratchWrite } from '../../exec/scratch.js';

type V = number | string | { sn: string };

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const STEPS = 20_000_000;
const MAX_OUT = 8 * 1024 * 1024;

class Next {}
class Exit {
  constructor(readonly code: number) {}
}
class Return {
  constructor(readonly v: V) {}
}
class Break {}
class Continue {}
class Unsupported extends Error {}

function num(v: V): number {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.sn;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s);
  return m ? Number(m[0]) : 0;
}

function fmtNum(n: number, fmt: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return sprintf(fmt, [n]);
}

function str(v: V, fmt = '%.6g'): string {
  if (typeof v === 'number') return fmtNum(v, fmt);
  return typeof v === 'string' ? v : v.sn;
}

function truthy(v: V): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  return NUMERIC.test(v.sn) ? num(v) !== 0 : v.sn !== '';
}

const isNumeric = (v: V): boolean => typeof v === 'number' || (typeof v === 'object' && NUMERIC.test(v.sn));

function gFormat(v: number, prec: number, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  let s =
    exp < -4 || exp >= p
      ? v
          .toExponential(p - 1)
          .replace(/\.?0+e/, 'e')
          .replace(/e([+-])(\d)$/, 'e$10$2')
      : v
          .toFixed(Math.max(0, p - 1 - exp))
          .replace(/(\.\d*?)0+$/, '$1')
          .replace(/\.$/, '');
  if (upper) s = s.toUpperCase();
  return s;
}

/** awk's sprintf. */
export function sprintf(fmt: string, args: V[]): string {
  let k = 0;
  return fmt.replace(/%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([cdiouxXeEfFgGs%])/g, (_m, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? num(args[k++] ?? 0) : Number(w ?? 0);
    const prec = p === '*' ? num(args[k++] ?? 0) : p === undefined ? undefined : Number(p || 0);
    const a = args[k++] ?? '';
    let s: string;
    switch (conv) {
      case 'c':
        s = typeof a === 'number' ? String.fromCodePoint(Math.trunc(a)) : str(a).slice(0, 1);
        break;
      case 's':
        s = str(a);
        if (prec !== undefined) s = s.slice(0, prec);
        break;
      case 'd':
      case 'i': {
        const n = Math.trunc(num(a));
        s = Math.abs(n).toString();
        if (prec !== undefined) s = s.padStart(prec, '0');
        s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        break;
      }
      case 'o':
      case 'x':
      case 'X':
      case 'u': {
        const n = Math.trunc(num(a));
        s = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (prec !== undefined) s = s.padStart(prec, '0');
        break;
      }
      case 'e':
      case 'E':
        s = num(a)
          .toExponential(prec ?? 6)
          .replace(/e([+-])(\d)$/, 'e$10$2');
        if (conv === 'E') s = s.toUpperCase();
        break;
      case 'f':
      case 'F':
        s = num(a).toFixed(prec ?? 6);
        break;
      default:
        s = gFormat(num(a), prec ?? 6, conv === 'G');
    }
    if ('eEfFgG'.includes(conv) && num(a) >= 0) s = (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
    const left = flags.includes('-') || width < 0;
    const wd = Math.abs(width);
    if (s.length >= wd) return s;
    if (left) return s.padEnd(wd);
    if (flags.includes('0') && !'cs'.includes(conv)) {
      const sign = /^[-+ ]/.test(s) ? s[0]! : '';
      return sign + s.slice(sign.length).padStart(wd - sign.length, '0');
    }
    return s.padStart(wd);
  });
}

function unescapeText(s: string): string {
  return s.replace(/\\(.)/g, (m, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '/': '/', '"': '"' })[c] ?? m);
}

class Awk {
  vars = new Map<string, V>();
  arrays = new Map<string, Map<string, V>>();
  fields: V[] = [];
  out = '';
  writes = new Map<string, string>();
  steps = 0;
  private reCache = new Map<string, RegExp>();
  locals: Map<string, V | Map<string, V>>[] = [];

  constructor(readonly prog: Program) {
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, NF: 0, FNR: 0, SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', RSTART: 0, RLENGTH: -1, FILENAME: '' }))
      this.vars.set(k, v);
  }

  re(src: string): RegExp {
    let r = this.reCache.get(src);
    if (!r) {
      const c = compile(src, true);
      if (!c) throw new Unsupported(`awk regular expression /${src}/`);
      r = c;
      this.reCache.set(src, r);
    }
    return r;
  }

  tick(): void {
    if (++this.steps > STEPS) throw new Unsupported(`an awk program that ran past ${STEPS} steps`);
  }

  setRecord(line: string): void {
    this.fields = [{ sn: line }];
    this.split();
  }

  private split(): void {
    const line = str(this.fields[0]!);
    const fs = str(this.get('FS'));
    let parts: string[];
    if (line === '') parts = [];
    else if (fs === ' ') parts = line.split(/[ \t\n]+/).filter((x, i, a) => x !== '' || (i > 0 && i < a.length - 1));
    else if (fs.length === 1 && fs !== '\\') parts = line.split(fs);
    else parts = line.split(new RegExp(this.re(fs).source));
    if (fs === ' ') parts = line.trim() === '' ? [] : line.trim().split(/[ \t\n]+/);
    this.fields = [this.fields[0]!, ...parts.map((p) => ({ sn: p }))];
    this.vars.set('NF', this.fields.length - 1);
  }

  private rebuild(): void {
    const ofs = str(this.get('OFS'));
    this.fields[0] = this.fields
      .slice(1)
      .map((f) => str(f, str(this.get('CONVFMT'))))
      .join(ofs);
  }

  getField(i: number): V {
    if (i < 0) throw new Unsupported(`awk field $${i}`);
    return this.fields[i] ?? '';
  }

  setField(i: number, v: V): void {
    if (i === 0) {
      this.fields[0] = typeof v === 'number' ? v : { sn: str(v) };
      this.split();
      return;
    }
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    this.vars.set('NF', this.fields.length - 1);
    this.rebuild();
  }

  private scope(name: string): Map<string, V | Map<string, V>> | null {
    const top = this.locals[this.locals.length - 1];
    return top?.has(name) ? top : null;
  }

  get(name: string): V {
    const l = this.scope(name);
    if (l) {
      const v = l.get(name);
      return v instanceof Map ? '' : (v ?? '');
    }
    if (name === 'NF') return this.fields.length ? this.fields.length - 1 : 0;
    return this.vars.get(name) ?? '';
  }

  set(name: string, v: V): void {
    const l = this.scope(name);
    if (l) {
      l.set(name, v);
      return;
    }
    if (name === 'NF') {
      const n = Math.max(0, Math.trunc(num(v)));
      this.fields = this.fields.slice(0, n + 1);
      while (this.fields.length < n + 1) this.fields.push('');
      this.rebuild();
    }
    this.vars.set(name, v);
  }

  array(name: string): Map<string, V> {
    const l = this.scope(name);
    if (l) {
      let a = l.get(name);
      if (!(a instanceof Map)) {
        a = new Map();
        l.set(name, a);
      }
      return a;
    }
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  key(keys: Expr[]): string {
    return keys.map((k) => str(this.eval(k), str(this.get('CONVFMT')))).join(str(this.get('SUBSEP')));
  }

  write(s: string): void {
    this.out += s;
    if (this.out.length > MAX_OUT) throw new Unsupported(`awk output over ${MAX_OUT} bytes`);
  }

  eval(e: Expr): V {
    this.tick();
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.re(e.src).test(str(this.getField(0))) ? 1 : 0;
      case 'var':
        return this.get(e.name);
      case 'field':
        return this.getField(Math.trunc(num(this.eval(e.e))));
      case 'index':
        return this.array(e.name).get(this.key(e.keys)) ?? (this.array(e.name).set(this.key(e.keys), ''), '');
      case 'group':
        return this.eval(e.e);
      case 'assign': {
        let v = this.eval(e.e);
        if (e.op !== '=') v = this.arith(e.op.slice(0, -1), num(this.eval(e.target)), num(v));
        if (typeof v === 'object') v = { sn: v.sn };
        this.store(e.target, v);
        return v;
      }
      case 'cond':
        return truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'un': {
        const v = this.eval(e.e);
        return e.op === '!' ? (truthy(v) ? 0 : 1) : e.op === '-' ? -num(v) : num(v);
      }
      case 'incdec': {
        const old = num(this.eval(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.store(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'match': {
        const s = str(this.eval(e.a));
        const re = e.re.k === 're' ? this.re(e.re.src) : this.re(str(this.eval(e.re)));
        return re.test(s) !== e.neg ? 1 : 0;
      }
      case 'in':
        return this.array(e.name).has(this.key(e.keys)) ? 1 : 0;
      case 'bin':
        return this.binary(e.op, e.a, e.b);
      case 'call':
        return this.call(e.name, e.args);
      case 'getline':
        throw new Unsupported('awk getline');
    }
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new AwkRuntime('division by zero');
        return a / b;
      case '%':
        if (b === 0) throw new AwkRuntime('division by zero in %');
        return a % b;
      default:
        return a ** b;
    }
  }

  private binary(op: string, ea: Expr, eb: Expr): V {
    if (op === '&&') return truthy(this.eval(ea)) && truthy(this.eval(eb)) ? 1 : 0;
    if (op === '||') return truthy(this.eval(ea)) || truthy(this.eval(eb)) ? 1 : 0;
    const a = this.eval(ea);
    const b = this.eval(eb);
    if (op === 'cat') return str(a, str(this.get('CONVFMT'))) + str(b, str(this.get('CONVFMT')));
    if (['<', '<=', '==', '!=', '>=', '>'].includes(op)) {
      let c: number;
      if (isNumeric(a) && isNumeric(b)) c = num(a) - num(b);
      else {
        const x = str(a);
        const y = str(b);
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      const r = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
      return r ? 1 : 0;
    }
    return this.arith(op, num(a), num(b));
  }

  store(t: Expr, v: V): void {
    if (t.k === 'var') this.set(t.name, v);
    else if (t.k === 'field') this.setField(Math.trunc(num(this.eval(t.e))), v);
    else if (t.k === 'index') this.array(t.name).set(this.key(t.keys), v);
    else if (t.k === 'group') this.store(t.e, v);
    else throw new AwkRuntime('assignment to a non-variable');
  }

  private call(name: string, args: Expr[]): V {
    const a = (i: number) => (args[i] ? this.eval(args[i]!) : '');
    switch (name) {
      case 'length': {
        if (args.length === 0) return [...str(this.getField(0))].length;
        const x = args[0]!;
        if (x.k === 'var' && (this.arrays.has(x.name) || this.scope(x.name)?.get(x.name) instanceof Map)) return this.array(x.name).size;
        return [...str(a(0))].length;
      }
      case 'substr': {
        const s = [...str(a(0))];
        const start = Math.round(num(a(1)));
        const len = args.length > 2 ? Math.round(num(a(2))) : Infinity;
        const from = Math.max(start, 1);
        const to = len === Infinity ? s.length + 1 : start + len;
        return to <= from ? '' : s.slice(from - 1, to - 1).join('');
      }
      case 'index':
        return str(a(0)).indexOf(str(a(1))) + 1;
      case 'split': {
        const s = str(a(0));
        const target = args[1];
        if (target?.k !== 'var') throw new AwkRuntime('split: second argument is not an array');
        const arr = this.array(target.name);
        arr.clear();
        const sep = args[2] ? (args[2].k === 're' ? args[2].src : str(a(2))) : str(this.get('FS'));
        let parts: string[];
        if (s === '') parts = [];
        else if (sep === ' ') parts = s.trim() === '' ? [] : s.trim().split(/[ \t\n]+/);
        else if (sep.length === 1 && args[2]?.k !== 're') parts = s.split(sep);
        else parts = s.split(new RegExp(this.re(sep).source));
        parts.forEach((p, i) => {
          arr.set(String(i + 1), { sn: p });
        });
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = args[0]!.k === 're' ? this.re(args[0]!.src) : this.re(str(a(0)));
        const repl = str(a(1));
        const target = args[2] ?? { k: 'field' as const, e: { k: 'num' as const, v: 0 } };
        const s = str(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, 'g');
        const out = s.replace(g, (m) => {
          if (name === 'sub' && count > 0) return m;
          count++;
          return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
        });
        if (count) this.store(target, out);
        return count;
      }
      case 'match': {
        const s = str(a(0));
        const re = args[1]!.k === 're' ? this.re(args[1]!.src) : this.re(str(a(1)));
        const m = re.exec(s);
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        return sprintf(
          str(a(0)),
          args.slice(1).map((x) => this.eval(x)),
        );
      case 'int':
        return Math.trunc(num(a(0)));
      case 'sqrt':
        return Math.sqrt(num(a(0)));
      case 'exp':
        return Math.exp(num(a(0)));
      case 'log':
        return Math.log(num(a(0)));
      case 'sin':
        return Math.sin(num(a(0)));
      case 'cos':
        return Math.cos(num(a(0)));
      case 'atan2':
        return Math.atan2(num(a(0)), num(a(1)));
      case 'tolower':
        return str(a(0)).toLowerCase();
      case 'toupper':
        return str(a(0)).toUpperCase();
      case 'rand':
      case 'srand':
        throw new Unsupported(`awk ${name}()`);
      case 'system':
        throw new Unsupported('awk system()');
      case 'close':
      case 'fflush':
        return 0;
    }
    const fn = this.prog.functions.get(name);
    if (!fn) throw new AwkRuntime(`function ${name} never defined`);
    if (this.locals.length > 200) throw new Unsupported('awk recursion deeper than 200 calls');
    const frame = new Map<string, V | Map<string, V>>();
    fn.params.forEach((p, i) => {
      const x = args[i];
      if (x?.k === 'var' && (this.arrays.has(x.name) || this.scope(x.name)?.get(x.name) instanceof Map)) frame.set(p, this.array(x.name));
      else frame.set(p, x ? this.eval(x) : '');
    });
    this.locals.push(frame);
    try {
      this.exec(fn.body);
      return '';
    } catch (e) {
      if (e instanceof Return) return e.v;
      throw e;
    } finally {
      this.locals.pop();
    }
  }

  exec(stmts: Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    this.tick();
    switch (s.k) {
      case 'expr':
        this.eval(s.e);
        return;
      case 'print': {
        let text: string;
        if (s.printf) {
          if (s.args.length === 0) throw new AwkRuntime('printf: no format');
          text = sprintf(
            str(this.eval(s.args[0]!)),
            s.args.slice(1).map((x) => this.eval(x)),
          );
        } else {
          const ofmt = str(this.get('OFMT'));
          text = (s.args.length ? s.args.map((x) => str(this.eval(x), ofmt)).join(str(this.get('OFS'))) : str(this.getField(0))) + str(this.get('ORS'));
        }
        if (!s.to) {
          this.write(text);
          return;
        }
        if (s.to.op === '|') throw new Unsupported('awk print to a command');
        const target = str(this.eval(s.to.e));
        const c = classifyPath(target);
        if (c.kind === 'null') return;
        if (c.kind === 'stdout') {
          this.write(text);
          return;
        }
        if (c.kind !== 'scratch') throw new Unsupported(`awk print to ${target}`);
        const prev = this.writes.get(c.path);
        this.writes.set(c.path, (prev ?? (s.to.op === '>>' ? '\0append' : '')) + text);
        return;
      }
      case 'if':
        if (truthy(this.eval(s.c))) this.stmt(s.a);
        else if (s.b) this.stmt(s.b);
        return;
      case 'while':
        while (truthy(this.eval(s.c))) {
          try {
            this.stmt(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return;
      case 'do':
        do {
          try {
            this.stmt(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        } while (truthy(this.eval(s.c)));
        return;
      case 'for':
        if (s.init) this.stmt(s.init);
        while (!s.c || truthy(this.eval(s.c))) {
          try {
            this.stmt(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
          if (s.step) this.stmt(s.step);
        }
        return;
      case 'forin':
        for (const k of [...this.array(s.arr).keys()]) {
          this.set(s.v, k);
          try {
            this.stmt(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return;
      case 'block':
        this.exec(s.body);
        return;
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(num(this.eval(s.e))) & 255 : 0);
      case 'return':
        throw new Return(s.e ? this.eval(s.e) : '');
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'delete':
        if (s.keys) this.array(s.name).delete(this.key(s.keys));
        else this.array(s.name).clear();
        return;
    }
  }
}

class AwkRuntime extends Error {}

export function awk(argv: string[], io: TextIo): TextResult {
  const p = getopt('awk', argv, { flags: '', values: 'Fvf', long: { 'field-separator': 'F', assign: 'v', file: 'f' } });
  if ('error' in p) return usageError('awk', p.error.replace(/^awk: invalid option -- '(.)'/, 'awk: not an option: -$1'), "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]", 2);
  const operands = [...p.operands];
  if (p.opts.some((o) => o.name === 'f')) return { exit: 2, stdout: '', stderr: '', unsupported: 'awk -f' };
  const src = operands.shift();
  if (src === undefined) return { exit: 2, stdout: '', stderr: "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n" };
  let prog: Program;
  try {
    prog = parseAwk(src);
  } catch (e) {
    if (e instanceof AwkSyntaxError) return { exit: 2, stdout: '', stderr: `awk: line 1: ${e.message}\n` };
    throw e;
  }
  const m = new Awk(prog);
  for (const o of p.opts) {
    if (o.name === 'F') m.vars.set('FS', o.value === 't' ? '\t' : unescapeText(o.value!));
    else {
      const eq = o.value!.indexOf('=');
      if (eq <= 0) return { exit: 2, stdout: '', stderr: `awk: improper assignment: -v ${o.value}\n` };
      m.vars.set(o.value!.slice(0, eq), { sn: unescapeText(o.value!.slice(eq + 1)) });
    }
  }
  const result = (exit: number): TextResult => {
    const writes: ScratchWrite[] = [...m.writes].map(([path, t]) => (t.startsWith('\0append') ? { path, text: t.slice(7), append: true } : { path, text: t, append: false }));
    return { exit, stdout: m.out, stderr: '', writes };
  };
  let exitCode = 0;
  try {
    try {
      for (const it of prog.items) if (it.pattern.k === 'begin') m.exec(it.action!);
      const onlyBegin = prog.items.every((it) => it.pattern.k === 'begin');
      if (!onlyBegin) {
        const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
        const consumed = { stdin: false };
        let nr = 0;
        for (const name of operands.length && files.length ? operands : ['-']) {
          const asg = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(name);
          if (asg) {
            m.vars.set(asg[1]!, { sn: unescapeText(asg[2]!) });
            continue;
          }
          const r = readOperand('awk', name, io, consumed);
          if ('unsupported' in r) return { exit: 2, stdout: '', stderr: '', unsupported: r.unsupported };
          if ('error' in r) return { exit: 2, stdout: m.out, stderr: `awk: cannot open "${name}" (No such file or directory)\n` };
          m.vars.set('FILENAME', name === '-' ? '' : name);
          const rs = str(m.get('RS'));
          const records =
            rs === ''
              ? r.text
                  .split(/\n\n+/)
                  .map((x) => x.replace(/^\n+|\n+$/g, ''))
                  .filter((x) => x !== '')
              : r.text.split(rs.length === 1 ? rs : new RegExp(rs));
          if (rs !== '' && records[records.length - 1] === '') records.pop();
          let fnr = 0;
          for (const rec of records) {
            m.vars.set('NR', ++nr);
            m.vars.set('FNR', ++fnr);
            m.setRecord(rec);
            try {
              for (const it of prog.items) {
                const pt = it.pattern;
                let hit: boolean;
                if (pt.k === 'begin' || pt.k === 'end') continue;
                if (pt.k === 'all') hit = true;
                else if (pt.k === 'expr') hit = truthy(m.eval(pt.e));
                else {
                  if (!pt.on) {
                    hit = truthy(m.eval(pt.a));
                    if (hit) pt.on = !truthy(m.eval(pt.b));
                  } else {
                    hit = true;
                    if (truthy(m.eval(pt.b))) pt.on = false;
                  }
                }
                if (!hit) continue;
                if (it.action) m.exec(it.action);
                else m.write(str(m.getField(0)) + str(m.get('ORS')));
              }
            } catch (e) {
              if (!(e instanceof Next)) throw e;
            }
          }
        }
      }
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      exitCode = e.code;
    }
    try {
      for (const it of prog.items) if (it.pattern.k === 'end') m.exec(it.action!);
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      exitCode = e.code;
    }
  } catch (e) {
    if (e instanceof Unsupported) return { exit: 2, stdout: '', stderr: '', unsupported: e.message };
    if (e instanceof AwkRuntime) return { exit: 2, stdout: m.out, stderr: `awk: run time error: ${e.message}\n` };
    if (e instanceof Next || e instanceof Break || e instanceof Continue || e instanceof Return) return result(exitCode);
    throw e;
  }
  return result(exitCode);
}
