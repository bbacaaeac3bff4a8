/**
 * nft's symbolic variables (nftables 1.0.6): `define NAME = VALUE`, `redefine`, `undefine`, and
 * `$NAME` wherever a value goes — how nftables.conf files and the wiki's examples name their
 * networks and port lists (`define lan = 10.0.0.0/24`, `ip saddr $lan tcp dport $ports`). The
 * definitions are taken out of the token stream and each `$NAME` replaced by its value's tokens
 * (carrying the `$NAME`'s position, where nft's carets point); a set value used as one element of
 * another set (`{ $ports, 8080 }`) gives its elements, as nft merges them. One scope for the
 * whole input: nft scopes a define to its block, which a script that reuses a name across
 * blocks would notice (not modelled: a second `define` of a name is refused, as nft refuses it
 * in one scope).
 */
import type { Token } from './lexer.js';
import { NftSyntax, NftUnmodelled } from './words.js';

/** the words before a `{` that open a set of values rather than a block */
const SET_OPENERS = new Set([
  '=',
  '==',
  '!=',
  'dport',
  'sport',
  'saddr',
  'daddr',
  'type',
  'l4proto',
  'protocol',
  'nexthdr',
  'iifname',
  'oifname',
  'iif',
  'oif',
  'pkttype',
  'state',
  'mark',
  'vmap',
  'flags',
  'length',
  'ttl',
  'hoplimit',
]);

/** The tokens with definitions applied; throws NftUnmodelled for what nft would refuse. */
export function expandDefines(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.kind === 'word' && (t.text === 'define' || t.text === 'redefine' || t.text === 'undefine' || t.text.startsWith('$')))) return tokens;
  const vars = new Map<string, Token[]>();
  const out: Token[] = [];
  const atCommandStart = () => {
    const prev = out[out.length - 1];
    return !prev || prev.kind === 'newline' || prev.text === ';' || prev.text === '{' || prev.text === '}';
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' && (t.text === 'define' || t.text === 'redefine') && atCommandStart()) {
      const name = tokens[i + 1];
      if (!name || name.kind !== 'word' || tokens[i + 2]?.text !== '=') throw new NftUnmodelled(`nft ${t.text} without NAME = VALUE`);
      if (t.text === 'define' && vars.has(name.text)) throw new NftUnmodelled(`nft define of ${name.text} twice`);
      const value: Token[] = [];
      let depth = 0;
      let j = i + 3;
      for (; j < tokens.length; j++) {
        const v = tokens[j]!;
        if (depth === 0 && (v.kind === 'newline' || v.text === ';')) break;
        if (v.text === '{') depth++;
        else if (v.text === '}') depth--;
        if (v.kind !== 'newline') value.push(v);
      }
      if (value.length === 0) throw new NftUnmodelled(`nft define of ${name.text} without a value`);
      vars.set(name.text, expandValue(value, vars));
      i = j - 1;
      continue;
    }
    if (t.kind === 'word' && t.text === 'undefine' && atCommandStart()) {
      const name = tokens[i + 1];
      if (!name || !vars.delete(name.text)) throw new NftUnmodelled('nft undefine of a name not defined');
      i++;
      continue;
    }
    if (t.kind === 'word' && t.text.startsWith('$')) {
      const value = vars.get(t.text.slice(1));
      // nft's words, its caret under the name after the `$`
      if (!value) throw new NftSyntax(`unknown identifier '${t.text.slice(1)}'`, { ...t, col: t.col + 1, len: t.len - 1 });
      const prev = out[out.length - 1];
      const beforeBrace = out[out.length - 2];
      const inSet = prev?.text === ',' || (prev?.text === '{' && beforeBrace !== undefined && SET_OPENERS.has(beforeBrace.text));
      const isSet = value[0]?.text === '{' && value[value.length - 1]?.text === '}';
      const body = inSet && isSet ? value.slice(1, -1) : value;
      for (const v of body) out.push({ ...v, line: t.line, col: t.col, len: t.len });
      continue;
    }
    out.push(t);
  }
  return out;
}

/** A value may name variables defined before it. */
function expandValue(value: Token[], vars: Map<string, Token[]>): Token[] {
  const out: Token[] = [];
  for (const v of value) {
    if (v.kind === 'word' && v.text.startsWith('$')) {
      const inner = vars.get(v.text.slice(1));
      if (!inner) throw new NftUnmodelled(`nft variable ${v.text} not defined`);
      const prev = out[out.length - 1];
      const isSet = inner[0]?.text === '{' && inner[inner.length - 1]?.text === '}';
      out.push(...(isSet && (prev?.text === ',' || prev?.text === '{') ? inner.slice(1, -1) : inner));
    } else out.push(v);
  }
  return out;
}
