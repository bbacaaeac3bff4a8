/**
 * Brace expansion, bash's first expansion: `ns{1,2}` is `ns1 ns2`, `{1..3}` is `1 2 3`,
 * `{01..10}` pads, `{a..e}` and `{1..10..2}` count, braces nest and combine (`{a,b}{1,2}`).
 * Only unquoted literal text takes part: quoted text and expansions are carried through whole.
 */
import type { WordPart } from './ast.js';

/** A character of unquoted literal text, or a part carried through as it is. */
type Tok = { ch: string } | { part: WordPart };

/** The most words one brace expansion may make (`{1..100000000}` is refused). */
export const BRACE_MAX_WORDS = 100_000;

export class BraceLimit extends Error {}

function toToks(parts: WordPart[]): Tok[] {
  const out: Tok[] = [];
  for (const p of parts) {
    if (p.kind === 'lit' && !p.quoted) for (const ch of p.text) out.push({ ch });
    else out.push({ part: p });
  }
  return out;
}

function toParts(toks: Tok[]): WordPart[] {
  const out: WordPart[] = [];
  for (const t of toks) {
    if ('part' in t) {
      out.push(t.part);
      continue;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'lit' && !last.quoted) last.text += t.ch;
    else out.push({ kind: 'lit', text: t.ch, quoted: false });
  }
  return out;
}

const isCh = (t: Tok | undefined, c: string): boolean => t !== undefined && 'ch' in t && t.ch === c;

/** `{a..b[..n]}` as words, or null when the text is no sequence. */
function sequence(toks: Tok[]): string[] | null {
  if (toks.some((t) => 'part' in t)) return null;
  const s = toks.map((t) => (t as { ch: string }).ch).join('');
  const n = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(s);
  if (n) {
    const a = Number(n[1]);
    const b = Number(n[2]);
    let step = Math.abs(Number(n[3] ?? 1)) || 1;
    const count = Math.floor(Math.abs(b - a) / step) + 1;
    if (count > BRACE_MAX_WORDS) throw new BraceLimit(`brace expansion {${s}} makes more than ${BRACE_MAX_WORDS} words`);
    // a leading zero on either end pads every number to the wider of the two
    const width = /^[-+]?0\d/.test(n[1]!) || /^[-+]?0\d/.test(n[2]!) ? Math.max(n[1]!.replace('+', '').length, n[2]!.replace('+', '').length) : 0;
    if (b < a) step = -step;
    const out: string[] = [];
    for (let i = 0, v = a; i < count; i++, v += step) {
      const abs = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push(v < 0 ? `-${abs}` : abs);
    }
    return out;
  }
  const c = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/.exec(s);
  if (c) {
    const a = c[1]!.charCodeAt(0);
    const b = c[2]!.charCodeAt(0);
    const step = Math.abs(Number(c[3] ?? 1)) || 1;
    const out: string[] = [];
    if (a <= b) for (let v = a; v <= b; v += step) out.push(String.fromCharCode(v));
    else for (let v = a; v >= b; v -= step) out.push(String.fromCharCode(v));
    return out;
  }
  return null;
}

function expand(toks: Tok[], budget: { left: number }): Tok[][] {
  for (let i = 0; i < toks.length; i++) {
    if (!isCh(toks[i], '{') || isCh(toks[i - 1], '$')) continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = i + 1; j < toks.length; j++) {
      const t = toks[j];
      if (isCh(t, '\\')) j++;
      else if (isCh(t, '{')) depth++;
      else if (isCh(t, '}')) {
        if (depth === 0) {
          close = j;
          break;
        }
        depth--;
      } else if (isCh(t, ',') && depth === 0) commas.push(j);
    }
    if (close === -1) break;
    const inner = toks.slice(i + 1, close);
    let alts: Tok[][];
    if (commas.length) {
      alts = [];
      let from = i + 1;
      for (const c of [...commas, close]) {
        alts.push(toks.slice(from, c));
        from = c + 1;
      }
    } else {
      const seq = sequence(inner);
      if (!seq) continue;
      alts = seq.map((w) => [...w].map((ch) => ({ ch })));
    }
    const prefix = toks.slice(0, i);
    const suffixes = expand(toks.slice(close + 1), budget);
    const out: Tok[][] = [];
    for (const alt of alts) {
      for (const a of expand(alt, budget)) {
        for (const s of suffixes) {
          if (--budget.left < 0) throw new BraceLimit(`brace expansion makes more than ${BRACE_MAX_WORDS} words`);
          out.push([...prefix, ...a, ...s]);
        }
      }
    }
    return out;
  }
  return [toks];
}

/**
 * The words a word's brace expansion makes (one, itself, when it has none). Throws BraceLimit.
 *
 * @example braceExpand([{ kind: 'lit', text: 'ns{1..3}', quoted: false }]).length // 3
 */
export function braceExpand(parts: WordPart[]): WordPart[][] {
  if (!parts.some((p) => p.kind === 'lit' && !p.quoted && p.text.includes('{'))) return [parts];
  return expand(toToks(parts), { left: BRACE_MAX_WORDS }).map(toParts);
}
