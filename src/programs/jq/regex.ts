/**
 * jq's regular-expression builtins (`test`, `match`, `capture`, `scan`, `sub`, `gsub`, `splits`)
 * on JavaScript's RegExp, which reads the patterns scripts use (classes, groups, named groups,
 * anchors) as Oniguruma does; flags other than g, i, n are not modelled. Offsets count code points.
 */
import { JqError, JqUnsupported, named, type JObject, type JV } from './value.js';

export interface Match {
  offset: number;
  length: number;
  string: string;
  captures: { offset: number; length: number; string: string | null; name: string | null }[];
}

function compile(re: JV, flags: JV): { rx: RegExp; global: boolean } {
  if (typeof re !== 'string') throw new JqError(`${named(re)} cannot be matched, as it is not a string`);
  if (flags !== null && typeof flags !== 'string') throw new JqError(`${named(flags)} is not a string`);
  const f = flags ?? '';
  if (/[^gin]/.test(f)) throw new JqUnsupported(`jq regular expression flags "${f}"`);
  try {
    return { rx: new RegExp(re, `${f.includes('i') ? 'i' : ''}gu`), global: f.includes('g') };
  } catch {
    throw new JqUnsupported(`jq regular expression ${JSON.stringify(re)}`);
  }
}

const cps = (s: string, end: number): number => [...s.slice(0, end)].length;

export function matches(input: JV, re: JV, flags: JV, forceGlobal = false): Match[] {
  if (typeof input !== 'string') throw new JqError(`${named(input)} cannot be matched, as it is not a string`);
  const { rx, global } = compile(re, flags);
  const names = [...String(re).matchAll(/\((?:\?<([a-zA-Z_][a-zA-Z0-9_]*)>|(?!\?))/g)].map((m) => m[1] ?? null);
  const out: Match[] = [];
  for (const m of input.matchAll(rx)) {
    const at = m.index;
    const captures = m.slice(1).map((g, i) => {
      if (g === undefined) return { offset: -1, length: 0, string: null, name: names[i] ?? null };
      const start = input.indexOf(g, at);
      return { offset: cps(input, start), length: [...g].length, string: g, name: names[i] ?? null };
    });
    out.push({ offset: cps(input, at), length: [...m[0]].length, string: m[0], captures });
    if (!global && !forceGlobal) break;
  }
  return out;
}

export function matchValue(m: Match): JObject {
  const caps = m.captures.map(
    (c) =>
      new Map<string, JV>([
        ['offset', c.offset],
        ['length', c.length],
        ['string', c.string],
        ['name', c.name],
      ]),
  );
  return new Map<string, JV>([
    ['offset', m.offset],
    ['length', m.length],
    ['string', m.string],
    ['captures', caps],
  ]);
}

export function captureValue(m: Match): JObject {
  const o = new Map<string, JV>();
  for (const c of m.captures) if (c.name !== null) o.set(c.name, c.string);
  return o;
}

/** The input cut around each match: code-point offsets into the text. */
export function around(input: string, ms: Match[]): { pieces: string[]; between: Match[] } {
  const chars = [...input];
  const pieces: string[] = [];
  let prev = 0;
  for (const m of ms) {
    pieces.push(chars.slice(prev, m.offset).join(''));
    prev = m.offset + m.length;
  }
  pieces.push(chars.slice(prev).join(''));
  return { pieces, between: ms };
}
