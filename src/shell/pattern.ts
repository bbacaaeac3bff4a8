/**
 * Shell patterns (`case`, `[[ x == pat ]]`, `${x#pat}`): `*`, `?`, `[…]` with `!`/`^`,
 * ranges and `[:class:]`, turned into a regular expression. Quoted text matches itself.
 */
import { POSIX_CLASSES } from '../exec/char-classes.js';

/** A piece of an expanded pattern: quoted text is literal, unquoted text is a pattern. */
export interface PatternPiece {
  text: string;
  quoted: boolean;
}

/** POSIX's classes, and bash's `[:word:]` (letters, digits and `_`). */
const CLASSES: Record<string, string> = { ...POSIX_CLASSES, word: 'A-Za-z0-9_' };

const literal = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * The regular expression source of a pattern (not anchored).
 *
 * @example patternSource([{ text: 'veth*', quoted: false }]) // 'veth[\\s\\S]*'
 */
export function patternSource(pieces: PatternPiece[]): string {
  let out = '';
  for (const p of pieces) {
    if (p.quoted) {
      out += literal(p.text);
      continue;
    }
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (c === '*') out += '[\\s\\S]*';
      else if (c === '?') out += '[\\s\\S]';
      else if (c === '\\' && i + 1 < t.length) out += literal(t[++i]!);
      else if (c === '[') {
        const end = bracketEnd(t, i);
        if (end === -1) {
          out += '\\[';
          continue;
        }
        let body = t.slice(i + 1, end);
        let neg = false;
        if (body[0] === '!' || body[0] === '^') {
          neg = true;
          body = body.slice(1);
        }
        let cls = '';
        for (let k = 0; k < body.length; k++) {
          const m = /^\[:([a-z]+):\]/.exec(body.slice(k));
          if (m && CLASSES[m[1]!] !== undefined) {
            cls += CLASSES[m[1]!];
            k += m[0].length - 1;
          } else if (body[k] === '-' && k > 0 && k < body.length - 1) cls += '-';
          else cls += literal(body[k]!);
        }
        out += `[${neg ? '^' : ''}${cls}]`;
        i = end;
      } else out += literal(c);
    }
  }
  return out;
}

/** Where the `]` closing a bracket expression at `i` is, or -1. */
function bracketEnd(t: string, i: number): number {
  let k = i + 1;
  if (t[k] === '!' || t[k] === '^') k++;
  if (t[k] === ']') k++;
  for (; k < t.length; k++) {
    if (t[k] === '[' && t[k + 1] === ':') {
      const c = t.indexOf(':]', k + 2);
      if (c !== -1) {
        k = c + 1;
        continue;
      }
    }
    if (t[k] === ']') return k;
  }
  return -1;
}

/**
 * Whether `s` matches the whole pattern.
 *
 * @example patternMatch('veth0', [{ text: 'veth*', quoted: false }]) // true
 */
export function patternMatch(s: string, pieces: PatternPiece[]): boolean {
  return new RegExp(`^(?:${patternSource(pieces)})$`).test(s);
}

/**
 * `${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}`: `s` without the shortest or longest prefix or
 * suffix matching the pattern.
 */
export function removeMatch(s: string, pieces: PatternPiece[], op: '#' | '##' | '%' | '%%'): string {
  const re = new RegExp(`^(?:${patternSource(pieces)})$`);
  if (op === '#') {
    for (let i = 0; i <= s.length; i++) if (re.test(s.slice(0, i))) return s.slice(i);
  } else if (op === '##') {
    for (let i = s.length; i >= 0; i--) if (re.test(s.slice(0, i))) return s.slice(i);
  } else if (op === '%') {
    for (let i = s.length; i >= 0; i--) if (re.test(s.slice(i))) return s.slice(0, i);
  } else {
    for (let i = 0; i <= s.length; i++) if (re.test(s.slice(i))) return s.slice(0, i);
  }
  return s;
}

/** `${x/p/r}` (first), `${x//p/r}` (all), `${x/#p/r}` (prefix), `${x/%p/r}` (suffix). */
export function replaceMatch(s: string, pieces: PatternPiece[], repl: string, op: '/' | '//' | '/#' | '/%'): string {
  const src = patternSource(pieces);
  if (src === '') return s;
  const re = new RegExp(`^(?:${src})$`);
  if (op === '/#') {
    for (let i = s.length; i >= 0; i--) if (re.test(s.slice(0, i))) return repl + s.slice(i);
    return s;
  }
  if (op === '/%') {
    for (let i = 0; i <= s.length; i++) if (re.test(s.slice(i))) return s.slice(0, i) + repl;
    return s;
  }
  let out = '';
  let i = 0;
  while (i < s.length) {
    let found = -1;
    // the longest match starting here
    for (let j = s.length; j > i; j--) {
      if (re.test(s.slice(i, j))) {
        found = j;
        break;
      }
    }
    if (found === -1) {
      out += s[i];
      i++;
      continue;
    }
    out += repl;
    i = found;
    if (op === '/') return out + s.slice(i);
  }
  return out;
}
