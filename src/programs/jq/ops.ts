/** jq's arithmetic and comparison operators on two values, with jq 1.6's error texts. */
import type { BinOp } from './ast.js';
import { compare, equal, JqError, named, type JObject, type JV } from './value.js';

const VERB: Record<string, string> = { '+': 'added', '-': 'subtracted', '*': 'multiplied', '/': 'divided', '%': 'divided' };

function cannot(op: string, a: JV, b: JV): never {
  throw new JqError(`${named(a)} and ${named(b)} cannot be ${VERB[op]}`);
}

export function binop(op: BinOp, a: JV, b: JV): JV {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
    case '+':
      return add(a, b);
    case '-':
      if (typeof a === 'number' && typeof b === 'number') return a - b;
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => equal(x, y)));
      return cannot(op, a, b);
    case '*':
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      if (typeof a === 'string' && typeof b === 'number') return repeat(a, b);
      if (typeof a === 'number' && typeof b === 'string') return repeat(b, a);
      if (a instanceof Map && b instanceof Map) return deepMerge(a, b);
      return cannot(op, a, b);
    case '/':
      if (typeof a === 'number' && typeof b === 'number') {
        if (b === 0) throw new JqError(`${named(a)} and ${named(b)} cannot be divided because the divisor is zero`);
        return a / b;
      }
      if (typeof a === 'string' && typeof b === 'string') return split(a, b);
      return cannot(op, a, b);
    case '%': {
      if (typeof a !== 'number' || typeof b !== 'number') return cannot(op, a, b);
      // C's intmax_t remainder of the truncated operands
      const x = Math.trunc(a);
      const y = Math.trunc(b);
      if (y === 0) throw new JqError(`${named(a)} and ${named(b)} cannot be divided (remainder) because the divisor is zero`);
      const r = x % Math.abs(y);
      return r === 0 ? 0 : r;
    }
  }
}

export function add(a: JV, b: JV): JV {
  if (a === null) return b;
  if (b === null) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a instanceof Map && b instanceof Map) return new Map([...a, ...b]);
  return cannot('+', a, b);
}

function repeat(s: string, n: number): JV {
  // jq 1.6 appends the string trunc(n - 1) times to itself
  if (n <= 0) return null;
  return s.repeat(1 + Math.max(0, Math.trunc(n - 1)));
}

function deepMerge(a: JObject, b: JObject): JObject {
  const out = new Map(a);
  for (const [k, v] of b) {
    const old = out.get(k);
    out.set(k, old instanceof Map && v instanceof Map ? deepMerge(old, v) : v);
  }
  return out;
}

/** `"a,b" / ","` and split/1: an empty string gives [], an empty separator nothing useful. */
export function split(s: string, sep: string): JV[] {
  if (s === '') return [];
  return s.split(sep);
}
