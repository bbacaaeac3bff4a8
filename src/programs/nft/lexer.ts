/**
 * nft's input as tokens (nftables 1.0.6's scanner, for the part of the language modelled): the
 * command line is its words joined by spaces (quotes the shell removed are gone), an `nft -f`
 * file is read whole; `#` starts a comment; strings are double-quoted; `{ } ; , != ==` stand
 * alone; newlines end a command. Each token keeps its line and column, for nft's carets.
 */

export interface Token {
  kind: 'word' | 'string' | 'punct' | 'newline';
  text: string;
  /** 1-based line and column of its first character, and its length in the source */
  line: number;
  col: number;
  len: number;
}

const PUNCT = new Set(['{', '}', ';', ',']);

/** The tokens of `src`. */
export function lex(src: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const push = (kind: Token['kind'], text: string, len: number) => out.push({ kind, text, line, col, len });
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\n') {
      push('newline', '\n', 1);
      i++;
      line++;
      col = 1;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      col++;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') {
        i++;
        col++;
      }
      continue;
    }
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const stop = end < 0 || src.slice(i + 1, end).includes('\n') ? src.indexOf('\n', i) : end;
      const close = stop < 0 ? src.length : stop;
      const text = src.slice(i + 1, close);
      push('string', text, close - i + 1);
      col += close - i + 1;
      i = close + 1;
      continue;
    }
    if (PUNCT.has(ch)) {
      push('punct', ch, 1);
      i++;
      col++;
      continue;
    }
    if ((ch === '!' || ch === '=') && src[i + 1] === '=') {
      push('punct', `${ch}=`, 2);
      i += 2;
      col += 2;
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s{};,"#]/.test(src[j]!) && !((src[j] === '!' || src[j] === '=') && src[j + 1] === '=')) j++;
    push('word', src.slice(i, j), j - i);
    col += j - i;
    i = j;
  }
  return out;
}
