/**
 * jq's input: JSON texts one after the other (whitespace between), each with the line jq names
 * in its errors. jq 1.6 reads its input a line at a time (fgets) and counts each line read that
 * ends in a newline; `<stdin>:N` is that count when the parser hands the value over, i.e. once
 * the line holding the character that ends the value (its closing bracket or quote, or the
 * delimiter after a number or literal) has been read. Lines longer than jq's 4 KiB buffer are
 * read in pieces by jq; values ending inside such a line are not told apart here.
 */
import { JqUnsupported, type JV } from './value.js';

export interface InputValue {
  value: JV;
  /** the N of `(at <stdin>:N)` */
  line: number;
}

const WS = /[ \t\r\n]/;

export function readInputs(text: string): InputValue[] {
  const out: InputValue[] = [];
  const p = { i: 0 };
  for (;;) {
    skipWs(text, p);
    if (p.i >= text.length) return out;
    const first = text[p.i];
    const value = parseValue(text, p);
    const ender = first === '{' || first === '[' || first === '"' ? p.i - 1 : p.i;
    const nl = text.indexOf('\n', ender);
    const upTo = nl === -1 ? text.length : nl + 1;
    let line = 0;
    for (let k = 0; k < upTo; k++) if (text[k] === '\n') line++;
    out.push({ value, line });
  }
}

function fail(): never {
  // jq's parse errors name a line and column by its own tokenizer's rules: not modelled
  throw new JqUnsupported('jq of input that is not JSON');
}

function skipWs(t: string, p: { i: number }): void {
  while (p.i < t.length && WS.test(t[p.i]!)) p.i++;
}

function parseValue(t: string, p: { i: number }): JV {
  skipWs(t, p);
  const c = t[p.i];
  if (c === '{') {
    p.i++;
    const m = new Map<string, JV>();
    skipWs(t, p);
    if (t[p.i] === '}') {
      p.i++;
      return m;
    }
    for (;;) {
      skipWs(t, p);
      if (t[p.i] !== '"') fail();
      const k = parseString(t, p);
      skipWs(t, p);
      if (t[p.i++] !== ':') fail();
      m.set(k, parseValue(t, p));
      skipWs(t, p);
      const d = t[p.i++];
      if (d === '}') return m;
      if (d !== ',') fail();
    }
  }
  if (c === '[') {
    p.i++;
    const a: JV[] = [];
    skipWs(t, p);
    if (t[p.i] === ']') {
      p.i++;
      return a;
    }
    for (;;) {
      a.push(parseValue(t, p));
      skipWs(t, p);
      const d = t[p.i++];
      if (d === ']') return a;
      if (d !== ',') fail();
    }
  }
  if (c === '"') return parseString(t, p);
  const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(t.slice(p.i, p.i + 400));
  if (!m) fail();
  const next = t[p.i + m[0].length];
  if (next !== undefined && !/[\s,\]}[{"]/.test(next)) fail();
  p.i += m[0].length;
  if (m[0] === 'true') return true;
  if (m[0] === 'false') return false;
  if (m[0] === 'null') return null;
  return Number(m[0]);
}

function parseString(t: string, p: { i: number }): string {
  const start = p.i;
  p.i++;
  while (p.i < t.length && t[p.i] !== '"') {
    if (t[p.i] === '\\') p.i++;
    else if (t.charCodeAt(p.i) < 0x20) fail();
    p.i++;
  }
  if (p.i >= t.length) fail();
  p.i++;
  try {
    return JSON.parse(t.slice(start, p.i)) as string;
  } catch {
    return fail();
  }
}
