/**
 * jq's tokens: fields (`.name`), `..`, variables, `@formats`, numbers, strings (their `\(…)`
 * parts kept as source text, parsed again by the parser), keywords and operators.
 */
import { JqUnsupported } from './value.js';

export type Token =
  | { k: 'field'; v: string }
  | { k: 'var'; v: string }
  | { k: 'format'; v: string }
  | { k: 'ident'; v: string }
  | { k: 'num'; v: number }
  | { k: 'str'; parts: (string | { src: string })[] }
  | { k: 'op'; v: string }
  | { k: 'eof' };

const OPS = [
  '?//',
  '|=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '//=',
  '==',
  '!=',
  '<=',
  '>=',
  '//',
  '..',
  '|',
  ',',
  '.',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  ':',
  ';',
  '?',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '$',
];

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const rest = src.slice(i);
    let m = /^\.([a-zA-Z_][a-zA-Z0-9_]*)/.exec(rest);
    if (m) {
      out.push({ k: 'field', v: m[1]! });
      i += m[0].length;
      continue;
    }
    m = /^\$(__loc__|[a-zA-Z_][a-zA-Z0-9_]*)/.exec(rest);
    if (m) {
      out.push({ k: 'var', v: m[1]! });
      i += m[0].length;
      continue;
    }
    m = /^@([a-zA-Z0-9_]+)/.exec(rest);
    if (m) {
      out.push({ k: 'format', v: m[1]! });
      i += m[0].length;
      continue;
    }
    m = /^[a-zA-Z_][a-zA-Z0-9_]*(?:::[a-zA-Z_][a-zA-Z0-9_]*)*/.exec(rest);
    if (m) {
      out.push({ k: 'ident', v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (m) {
      out.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      const r = lexString(src, i);
      out.push(r.token);
      i = r.end;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (!op) throw new JqUnsupported(`jq filter with '${c}'`);
    out.push({ k: 'op', v: op });
    i += op.length;
  }
  out.push({ k: 'eof' });
  return out;
}

const ESC: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function lexString(src: string, start: number): { token: Token; end: number } {
  const parts: (string | { src: string })[] = [];
  let text = '';
  let i = start + 1;
  while (i < src.length && src[i] !== '"') {
    const c = src[i]!;
    if (c !== '\\') {
      text += c;
      i++;
      continue;
    }
    const e = src[i + 1];
    if (e === undefined) break;
    if (e === '(') {
      // `\(…)`: up to the matching parenthesis, strings inside skipped whole
      let depth = 1;
      let j = i + 2;
      while (j < src.length && depth > 0) {
        if (src[j] === '"') j = lexString(src, j).end;
        else {
          if (src[j] === '(') depth++;
          else if (src[j] === ')') depth--;
          j++;
        }
      }
      if (depth) throw new JqUnsupported('jq filter with an unterminated string');
      if (text) parts.push(text);
      text = '';
      parts.push({ src: src.slice(i + 2, j - 1) });
      i = j;
      continue;
    }
    if (e === 'u') {
      const hex = src.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JqUnsupported('jq filter with a bad \\u escape');
      text += String.fromCharCode(parseInt(hex, 16));
      i += 6;
      continue;
    }
    const v = ESC[e];
    if (v === undefined) throw new JqUnsupported(`jq filter with the string escape \\${e}`);
    text += v;
    i += 2;
  }
  if (i >= src.length) throw new JqUnsupported('jq filter with an unterminated string');
  if (text || parts.length === 0) parts.push(text);
  return { token: { k: 'str', parts }, end: i + 1 };
}
