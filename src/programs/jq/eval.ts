/**
 * Evaluates a filter: each node a generator of outputs, in jq's order (for `a + b` the right
 * side is the outer loop, for an object the first key is). Errors are jq's words (JqError);
 * `?` and `try` stop at the first error, as jq's backtracking does.
 */
import type { BinOp, Node } from './ast.js';
import { callBuiltin } from './builtins.js';
import { applyFormat } from './formats.js';
import { binop } from './ops.js';
import { brief, dump, JqError, JqUnsupported, kindOf, named, truthy, type JV } from './value.js';

export interface Env {
  vars: ReadonlyMap<string, JV>;
  /** the inputs not yet read (`input`, `inputs`) */
  inputs: { next(): JV | undefined };
}

export function* run(n: Node, input: JV, env: Env): Generator<JV> {
  switch (n.t) {
    case 'identity':
      yield input;
      return;
    case 'recurse':
      yield* recurse(input);
      return;
    case 'literal':
      yield n.value;
      return;
    case 'string':
      yield* interpolate(n.parts, n.format, input, env, 0, '');
      return;
    case 'format':
      yield applyFormat(n.name, input);
      return;
    case 'index':
      for (const k of run(n.key, input, env)) for (const t of run(n.target, input, env)) yield index(t, k);
      return;
    case 'slice':
      for (const to of n.to ? run(n.to, input, env) : [null]) for (const from of n.from ? run(n.from, input, env) : [null]) for (const t of run(n.target, input, env)) yield slice(t, from, to);
      return;
    case 'iterate':
      for (const t of run(n.target, input, env)) yield* iterate(t);
      return;
    case 'try':
      yield* tryCatch(n.body, n.handler, input, env);
      return;
    case 'array':
      yield n.body ? [...run(n.body, input, env)] : [];
      return;
    case 'object':
      yield* object(n.entries, 0, input, env, new Map());
      return;
    case 'pipe':
      for (const v of run(n.l, input, env)) yield* run(n.r, v, env);
      return;
    case 'comma':
      yield* run(n.l, input, env);
      yield* run(n.r, input, env);
      return;
    case 'alt': {
      let any = false;
      try {
        for (const v of run(n.l, input, env)) {
          if (!truthy(v)) continue;
          any = true;
          yield v;
        }
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
      }
      if (!any) yield* run(n.r, input, env);
      return;
    }
    case 'and':
    case 'or':
      for (const a of run(n.l, input, env)) {
        if (n.t === 'and' ? !truthy(a) : truthy(a)) {
          yield n.t === 'or';
          continue;
        }
        for (const b of run(n.r, input, env)) yield truthy(b);
      }
      return;
    case 'binop':
      for (const b of run(n.r, input, env)) for (const a of run(n.l, input, env)) yield binop(n.op as BinOp, a, b);
      return;
    case 'neg':
      for (const v of run(n.e, input, env)) {
        if (typeof v !== 'number') throw new JqError(`${named(v)} cannot be negated`);
        yield -v;
      }
      return;
    case 'var': {
      if (!env.vars.has(n.name)) throw new JqUnsupported(`jq variable $${n.name}`);
      yield env.vars.get(n.name)!;
      return;
    }
    case 'as':
      for (const v of run(n.source, input, env)) yield* run(n.body, input, { ...env, vars: new Map(env.vars).set(n.name, v) });
      return;
    case 'if':
      for (const c of run(n.cond, input, env)) {
        if (truthy(c)) yield* run(n.then, input, env);
        else if (n.otherwise) yield* run(n.otherwise, input, env);
        else yield input;
      }
      return;
    case 'reduce':
      for (const init of run(n.init, input, env)) {
        let acc: JV | undefined = init;
        for (const v of run(n.source, input, env)) {
          const scope = { ...env, vars: new Map(env.vars).set(n.name, v) };
          let last: JV | undefined;
          for (const r of run(n.update, acc === undefined ? null : acc, scope)) last = r;
          acc = last;
        }
        yield acc === undefined ? null : acc;
      }
      return;
    case 'foreach':
      for (const init of run(n.init, input, env)) {
        let acc = init;
        for (const v of run(n.source, input, env)) {
          const scope = { ...env, vars: new Map(env.vars).set(n.name, v) };
          for (const r of run(n.update, acc, scope)) {
            acc = r;
            if (n.extract) yield* run(n.extract, r, scope);
            else yield r;
          }
        }
      }
      return;
    case 'call':
      yield* callBuiltin(n.name, n.args, input, env);
      return;
  }
}

function* tryCatch(body: Node, handler: Node | null, input: JV, env: Env): Generator<JV> {
  try {
    for (const v of run(body, input, env)) yield v;
  } catch (e) {
    if (!(e instanceof JqError)) throw e;
    // `error(null)` is caught without a handler's output in 1.6 only as null
    if (handler) yield* run(handler, e.value, env);
  }
}

function* interpolate(parts: (string | Node)[], format: string | null, input: JV, env: Env, i: number, acc: string): Generator<JV> {
  if (i === parts.length) {
    yield acc;
    return;
  }
  const p = parts[i]!;
  if (typeof p === 'string') {
    yield* interpolate(parts, format, input, env, i + 1, acc + p);
    return;
  }
  for (const v of run(p, input, env)) {
    const text = format ? (applyFormat(format, v) as string) : typeof v === 'string' ? v : dump(v, null);
    yield* interpolate(parts, format, input, env, i + 1, acc + text);
  }
}

function* object(entries: { key: Node; value: Node }[], i: number, input: JV, env: Env, acc: Map<string, JV>): Generator<JV> {
  if (i === entries.length) {
    yield new Map(acc);
    return;
  }
  const e = entries[i]!;
  for (const k of run(e.key, input, env)) {
    if (typeof k !== 'string') throw new JqError(`Cannot use ${named(k)} as object key`);
    for (const v of run(e.value, input, env)) {
      const next = new Map(acc);
      next.set(k, v);
      yield* object(entries, i + 1, input, env, next);
    }
  }
}

function* recurse(v: JV): Generator<JV> {
  yield v;
  if (Array.isArray(v)) for (const x of v) yield* recurse(x);
  else if (v instanceof Map) for (const x of v.values()) yield* recurse(x);
}

export function* iterate(t: JV): Generator<JV> {
  if (Array.isArray(t)) yield* t;
  else if (t instanceof Map) yield* t.values();
  else throw new JqError(`Cannot iterate over ${kindOf(t)}${t === null ? ' (null)' : ` (${brief(t)})`}`);
}

export function index(t: JV, k: JV): JV {
  if (typeof k === 'string') {
    if (t === null) return null;
    if (t instanceof Map) return t.has(k) ? t.get(k)! : null;
    throw new JqError(`Cannot index ${kindOf(t)} with string "${k}"`);
  }
  if (typeof k === 'number') {
    if (t === null) return null;
    if (Array.isArray(t)) {
      if (!Number.isInteger(k)) return null;
      const j = k < 0 ? t.length + k : k;
      return j >= 0 && j < t.length ? t[j]! : null;
    }
    throw new JqError(`Cannot index ${kindOf(t)} with number`);
  }
  if (k instanceof Map && (t === null || Array.isArray(t) || typeof t === 'string')) {
    const from = k.get('start') ?? null;
    const to = k.get('end') ?? null;
    return slice(t, from, to);
  }
  throw new JqError(`Cannot index ${kindOf(t)} with ${kindOf(k)}`);
}

function slice(t: JV, from: JV, to: JV): JV {
  if (t === null) return null;
  if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number')) throw new JqError('Start and end indices of an array slice must be numbers');
  if (!Array.isArray(t) && typeof t !== 'string') throw new JqError(`Cannot index ${kindOf(t)} with object`);
  const items = typeof t === 'string' ? [...t] : t;
  const len = items.length;
  const clamp = (x: number): number => Math.max(0, Math.min(len, x < 0 ? len + x : x));
  const a = clamp(from === null ? 0 : Math.floor(from));
  const b = Math.max(a, clamp(to === null ? len : Math.ceil(to)));
  const part = items.slice(a, b);
  return typeof t === 'string' ? (part as string[]).join('') : part;
}
