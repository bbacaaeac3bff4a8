/**
 * jq's values and how jq 1.6 writes them: objects keep their keys in insertion order (a Map, not
 * a JS object, which would put "10" before "b"), numbers in jq's own %.17g-like form (1e+17,
 * 1e-05, shortest digits), strings escaped as jq escapes them (\u007f too), pretty output with
 * a chosen indent. Ordering and truthiness are jq's too.
 */
export type JV = null | boolean | number | string | JV[] | JObject;
export type JObject = Map<string, JV>;

export type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function kindOf(v: JV): Kind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return typeof v as 'boolean' | 'number' | 'string';
}

export const truthy = (v: JV): boolean => v !== null && v !== false;

/** jq's error: a message (a string, or any value given to `error`) that the CLI prints. */
export class JqError extends Error {
  constructor(readonly value: JV) {
    super(typeof value === 'string' ? value : dump(value, null));
  }
}

/** A filter or option nettwin does not model: the line is reported, not guessed. */
export class JqUnsupported extends Error {}

/** jvp_dtoa_fmt: the shortest digits that read back, fixed unless the exponent is far out. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) n = n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const sign = n < 0 ? '-' : '';
  const [mant, exp] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export interface DumpStyle {
  /** null: compact; otherwise the text of one level of indentation */
  indent: string | null;
  sortKeys?: boolean;
}

/** The JSON text of a value: compact (`indent` null) or pretty, as jq prints it. */
export function dump(v: JV, indent: string | null, sortKeys = false, depth = 0): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return quote(v);
  const pad = indent === null ? '' : `\n${indent.repeat(depth + 1)}`;
  const end = indent === null ? '' : `\n${indent.repeat(depth)}`;
  const sep = indent === null ? ',' : ',';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => pad + dump(x, indent, sortKeys, depth + 1)).join(sep)}${end}]`;
  }
  if (v.size === 0) return '{}';
  const keys = sortKeys ? [...v.keys()].sort(compareStrings) : [...v.keys()];
  const colon = indent === null ? ':' : ': ';
  return `{${keys.map((k) => pad + quote(k) + colon + dump(v.get(k)!, indent, sortKeys, depth + 1)).join(sep)}${end}}`;
}

/** jq's short form of a value in error messages: compact, cut to 11 characters and `...` past 14. */
export function brief(v: JV): string {
  const s = dump(v, null);
  return Buffer.byteLength(s) > 14 ? `${Buffer.from(s).subarray(0, 11).toString()}...` : s;
}

/** `kind (value)`, as jq's type errors name a value. */
export const named = (v: JV): string => `${kindOf(v)} (${brief(v)})`;

/** Strings by code point (jq compares their UTF-8 bytes, which order alike). */
export function compareStrings(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const RANK: Record<Kind, number> = { null: 0, boolean: 1, number: 3, string: 4, array: 5, object: 6 };

/** jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compare(a: JV, b: JV): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  const ra = ka === 'boolean' ? (a ? 2 : 1) : RANK[ka];
  const rb = kb === 'boolean' ? (b ? 2 : 1) : RANK[kb];
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number') return a < (b as number) ? -1 : a > (b as number) ? 1 : 0;
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (Array.isArray(a)) {
    const bb = b as JV[];
    for (let i = 0; i < Math.min(a.length, bb.length); i++) {
      const c = compare(a[i]!, bb[i]!);
      if (c) return c;
    }
    return a.length - bb.length;
  }
  if (a instanceof Map) {
    const bm = b as JObject;
    const c = compare([...a.keys()].sort(compareStrings), [...bm.keys()].sort(compareStrings));
    if (c) return c;
    for (const k of [...a.keys()].sort(compareStrings)) {
      const d = compare(a.get(k)!, bm.get(k)!);
      if (d) return d;
    }
  }
  return 0;
}

export const equal = (a: JV, b: JV): boolean => compare(a, b) === 0;
