/**
 * jq 1.6's builtins that scripts use, by name and arity. A name jq has but nettwin does not
 * model (path functions like `del`, `paths`; `env`, `input_filename`, dates …) is reported, not
 * guessed; so is a name jq itself does not know (its compile error is not modelled).
 */
import type { Node } from './ast.js';
import { run, iterate, index, type Env } from './eval.js';
import { add, split } from './ops.js';
import { STRING_BUILTINS } from './builtins-strings.js';
import { compare, compareStrings, dump, equal, JqError, JqUnsupported, kindOf, named, truthy, type JObject, type JV } from './value.js';
import { readInputs } from './input.js';

export type Builtin = (input: JV, args: Node[], env: Env) => Iterable<JV>;

/** The outputs of an argument evaluated against the input (each a `$param`'s values). */
export const each = (n: Node, input: JV, env: Env): JV[] => [...run(n, input, env)];

const one =
  (f: (v: JV) => JV): Builtin =>
  (input) => [f(input)];

function keysOf(v: JV, sorted: boolean): JV[] {
  if (v instanceof Map) return sorted ? [...v.keys()].sort(compareStrings) : [...v.keys()];
  if (Array.isArray(v)) return v.map((_, i) => i);
  throw new JqError(`${named(v)} has no keys`);
}

function lengthOf(v: JV): JV {
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqError(`${named(v)} has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  return Array.isArray(v) ? v.length : v.size;
}

function arrayOf(v: JV, what: string): JV[] {
  if (!Array.isArray(v)) throw new JqError(`${named(v)} cannot be ${what}, as it is not an array`);
  return v;
}

function* select(input: JV, args: Node[], env: Env): Generator<JV> {
  for (const c of run(args[0]!, input, env)) if (truthy(c)) yield input;
}

/** sort_by, group_by, unique_by, min_by, max_by: each element's `[f]` as its key. */
function keyed(input: JV, f: Node, env: Env, what: string): { v: JV; k: JV[] }[] {
  return arrayOf(input, what)
    .map((v) => ({ v, k: each(f, v, env) }))
    .sort((a, b) => compare(a.k, b.k));
}

function flatten(v: JV, depth: number): JV[] {
  if (depth < 0) throw new JqError('flatten depth must not be negative');
  return arrayOf(v, 'flattened').flatMap((x) => (Array.isArray(x) && depth > 0 ? flatten(x, depth - 1) : [x]));
}

function containsTop(a: JV, b: JV): boolean {
  if (kindOf(a) !== kindOf(b)) throw new JqError(`${named(a)} and ${named(b)} cannot have their containment checked`);
  return contains(a, b);
}

function contains(a: JV, b: JV): boolean {
  if (kindOf(a) !== kindOf(b)) return false;
  if (a instanceof Map) return [...(b as JObject)].every(([k, v]) => a.has(k) && contains(a.get(k)!, v));
  if (Array.isArray(a)) return (b as JV[]).every((y) => a.some((x) => kindOf(x) === kindOf(y) && contains(x, y)));
  if (typeof a === 'string') return a.includes(b as string);
  return equal(a, b);
}

function has(v: JV, k: JV): boolean {
  if (v instanceof Map && typeof k === 'string') return v.has(k);
  if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
  throw new JqError(`Cannot check whether ${kindOf(v)} has a ${kindOf(k)} key`);
}

function entries(v: JV): JV[] {
  return keysOf(v, false).map(
    (k) =>
      new Map<string, JV>([
        ['key', k],
        ['value', index(v, k)],
      ]),
  );
}

/** 1.6's def: map({(.key // .Key // .name // .Name): (if has("value") then .value else .Value end)}) | add | .//={} */
function fromEntries(v: JV): JV {
  let out: JV = null;
  for (const e of iterate(v)) {
    let k: JV = null;
    for (const name of ['key', 'Key', 'name', 'Name']) {
      k = index(e, name);
      if (truthy(k)) break;
    }
    if (typeof k !== 'string') throw new JqError(`Cannot use ${named(k)} as object key`);
    const value = has(e, 'value') ? index(e, 'value') : index(e, 'Value');
    out = add(out, new Map([[k, value]]));
  }
  return truthy(out) ? out : new Map();
}

/** 1.6's indices: element positions in an array (of a sub-array when given one), byte offsets in a string. */
function indices(v: JV, i: JV): JV {
  if (v === null) return null;
  if (Array.isArray(v)) {
    const sub = Array.isArray(i) ? i : [i];
    if (sub.length === 0) return null;
    const out: number[] = [];
    for (let p = 0; p + sub.length <= v.length; p++) if (sub.every((x, j) => equal(v[p + j]!, x))) out.push(p);
    return out;
  }
  if (typeof v === 'string' && typeof i === 'string') {
    if (i === '') return null;
    const hay = Buffer.from(v);
    const out: number[] = [];
    for (let p = hay.indexOf(i); p !== -1; p = hay.indexOf(i, p + 1)) out.push(p);
    return out;
  }
  return index(v, i);
}

const TYPES: Record<string, (v: JV) => boolean> = {
  values: (v) => v !== null,
  nulls: (v) => v === null,
  booleans: (v) => typeof v === 'boolean',
  numbers: (v) => typeof v === 'number',
  strings: (v) => typeof v === 'string',
  arrays: (v) => Array.isArray(v),
  objects: (v) => v instanceof Map,
  iterables: (v) => Array.isArray(v) || v instanceof Map,
  scalars: (v) => !Array.isArray(v) && !(v instanceof Map),
};

function* range(from: number, to: number, by: number): Generator<JV> {
  if (by > 0) for (let i = from; i < to; i += by) yield i;
  else if (by < 0) for (let i = from; i > to; i += by) yield i;
}

const num = (v: JV, what: string): number => {
  if (typeof v !== 'number') throw new JqError(`Range bounds must be numeric${what}`);
  return v;
};

export const BUILTINS: Record<string, Builtin> = {
  'empty/0': () => [],
  'not/0': one((v) => !truthy(v)),
  'length/0': one(lengthOf),
  'keys/0': one((v) => keysOf(v, true)),
  'keys_unsorted/0': one((v) => keysOf(v, false)),
  'type/0': one(kindOf),
  'add/0': one((v) => [...iterate(v)].reduce<JV>((a, b) => add(a, b), null)),
  'any/0': one((v) => [...iterate(v)].some(truthy)),
  'all/0': one((v) => [...iterate(v)].every(truthy)),
  'any/1': (input, args, env) => [[...iterate(input)].some((x) => each(args[0]!, x, env).some(truthy))],
  'all/1': (input, args, env) => [[...iterate(input)].every((x) => each(args[0]!, x, env).every(truthy))],
  'any/2': (input, args, env) => [each(args[0]!, input, env).some((x) => each(args[1]!, x, env).some(truthy))],
  'all/2': (input, args, env) => [each(args[0]!, input, env).every((x) => each(args[1]!, x, env).every(truthy))],
  'flatten/0': one((v) => flatten(v, 1e9)),
  'flatten/1': (input, args, env) => each(args[0]!, input, env).map((d) => flatten(input, d as number)),
  'sort/0': one((v) => [...arrayOf(v, 'sorted')].sort(compare)),
  'sort_by/1': (input, args, env) => [keyed(input, args[0]!, env, 'sorted').map((e) => e.v)],
  'group_by/1': (input, args, env) => {
    const groups: { k: JV[]; vs: JV[] }[] = [];
    for (const e of keyed(input, args[0]!, env, 'grouped')) {
      const last = groups[groups.length - 1];
      if (last && equal(last.k, e.k)) last.vs.push(e.v);
      else groups.push({ k: e.k, vs: [e.v] });
    }
    return [groups.map((g) => g.vs)];
  },
  'unique/0': one((v) => [...arrayOf(v, 'sorted')].sort(compare).filter((x, i, a) => i === 0 || !equal(a[i - 1]!, x))),
  'unique_by/1': (input, args, env) => [
    keyed(input, args[0]!, env, 'grouped')
      .filter((e, i, a) => i === 0 || !equal(a[i - 1]!.k, e.k))
      .map((e) => e.v),
  ],
  'min/0': one((v) => [...arrayOf(v, 'sorted')].sort(compare)[0] ?? null),
  'max/0': one((v) => [...arrayOf(v, 'sorted')].sort(compare).at(-1) ?? null),
  'min_by/1': (input, args, env) => [keyed(input, args[0]!, env, 'sorted')[0]?.v ?? null],
  'max_by/1': (input, args, env) => [keyed(input, args[0]!, env, 'sorted').at(-1)?.v ?? null],
  // 1.6's def: [.[length - 1 - range(0;length)]]
  'reverse/0': one((v) => {
    if (Array.isArray(v)) return [...v].reverse();
    if (v === null || lengthOf(v) === 0) return [];
    throw new JqError(`Cannot index ${kindOf(v)} with number`);
  }),
  'map/1': (input, args, env) => [[...iterate(input)].flatMap((x) => each(args[0]!, x, env))],
  'map_values/1': (input, args, env) => {
    if (Array.isArray(input)) return [input.flatMap((x) => each(args[0]!, x, env).slice(0, 1))];
    if (!(input instanceof Map)) throw new JqError(`Cannot iterate over ${named(input)}`);
    const out = new Map<string, JV>();
    for (const [k, v] of input) {
      const r = each(args[0]!, v, env);
      if (r.length) out.set(k, r[0]!);
    }
    return [out];
  },
  'select/1': select,
  'has/1': (input, args, env) => each(args[0]!, input, env).map((k) => has(input, k)),
  'in/1': (input, args, env) => each(args[0]!, input, env).map((o) => has(o, input)),
  'contains/1': (input, args, env) => each(args[0]!, input, env).map((b) => containsTop(input, b)),
  'inside/1': (input, args, env) => each(args[0]!, input, env).map((a) => containsTop(a, input)),
  'indices/1': (input, args, env) => each(args[0]!, input, env).map((i) => indices(input, i)),
  'index/1': (input, args, env) => each(args[0]!, input, env).map((i) => index(indices(input, i), 0)),
  'rindex/1': (input, args, env) => each(args[0]!, input, env).map((i) => index(indices(input, i), -1)),
  'to_entries/0': one(entries),
  'from_entries/0': one(fromEntries),
  'with_entries/1': (input, args, env) => [fromEntries([...iterate(entries(input) as JV)].flatMap((e) => each(args[0]!, e, env)))],
  'tostring/0': one((v) => (typeof v === 'string' ? v : dump(v, null))),
  'tojson/0': one((v) => dump(v, null)),
  'fromjson/0': one((v) => {
    if (typeof v !== 'string') throw new JqError(`${named(v)} cannot be parsed as JSON`);
    const r = readInputs(v);
    if (r.length !== 1) throw new JqUnsupported('jq fromjson of text that is not one JSON value');
    return r[0]!.value;
  }),
  'tonumber/0': one((v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
    if (typeof v === 'string') throw new JqUnsupported('jq tonumber of a string that is not a number');
    throw new JqError(`${named(v)} cannot be parsed as a number`);
  }),
  'first/0': one((v) => index(v, 0)),
  'last/0': one((v) => index(v, -1)),
  'first/1': (input, args, env) => {
    for (const v of run(args[0]!, input, env)) return [v];
    return [];
  },
  'last/1': (input, args, env) => [each(args[0]!, input, env).at(-1) ?? null],
  'limit/2': function* (input, args, env) {
    for (const n of each(args[0]!, input, env)) {
      if (typeof n !== 'number') throw new JqUnsupported('jq limit with a count that is not a number');
      // 1.6's foreach counts down after each item and stops at 0: limit(0; g) gives g's first
      let left = n;
      for (const v of run(args[1]!, input, env)) {
        yield v;
        if (n >= 0 && --left <= 0) break;
      }
    }
  },
  'isempty/1': (input, args, env) => {
    for (const _ of run(args[0]!, input, env)) return [false];
    return [true];
  },
  'range/1': function* (input, args, env) {
    for (const to of each(args[0]!, input, env)) yield* range(0, num(to, ''), 1);
  },
  'range/2': function* (input, args, env) {
    for (const from of each(args[0]!, input, env)) for (const to of each(args[1]!, input, env)) yield* range(num(from, ''), num(to, ''), 1);
  },
  'error/0': one((v) => {
    throw new JqError(v);
  }),
  'error/1': (input, args, env) =>
    each(args[0]!, input, env).map((v) => {
      throw new JqError(v);
    }),
  'getpath/1': (input, args, env) =>
    each(args[0]!, input, env).map((p) => {
      let v: JV = input;
      for (const k of arrayOf(p, 'used as a path')) v = index(v, k);
      return v;
    }),
  'splits/1': (input, args, env) => [...STRING_BUILTINS['split/2']!(input, [args[0]!, { t: 'literal', value: null }], env)].flatMap((a) => a as JV[]),
  'join/1': (input, args, env) =>
    each(args[0]!, input, env).map((sep) => {
      // 1.6's def: reduce .[] as $i (null; (if .==null then "" else .+$x end) + ($i | if type=="boolean" or type=="number" then tostring else .//"" end)) // ""
      let acc: JV = null;
      for (const x of iterate(input)) acc = add(acc === null ? '' : add(acc, sep), typeof x === 'boolean' || typeof x === 'number' ? dump(x, null) : x === null ? '' : x);
      return acc ?? '';
    }),
  'split/1': (input, args, env) =>
    each(args[0]!, input, env).map((sep) => {
      if (typeof input !== 'string' || typeof sep !== 'string') throw new JqError('split input and separator must be strings');
      return split(input, sep);
    }),
  'input/0': (_input, _args, env) => {
    const v = env.inputs.next();
    if (v === undefined) throw new JqError('No more inputs');
    return [v];
  },
  'inputs/0': function* (_input, _args, env) {
    for (let v = env.inputs.next(); v !== undefined; v = env.inputs.next()) yield v;
  },
  ...STRING_BUILTINS,
};

for (const [name, test] of Object.entries(TYPES)) BUILTINS[`${name}/0`] = (input) => (test(input) ? [input] : []);

export function* callBuiltin(name: string, args: Node[], input: JV, env: Env): Generator<JV> {
  const f = BUILTINS[`${name}/${args.length}`];
  if (!f) throw new JqUnsupported(`jq function ${name}/${args.length}`);
  yield* f(input, args, env);
}
