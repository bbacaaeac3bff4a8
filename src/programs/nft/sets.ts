/**
 * nft's named sets, the words of them (nftables 1.0.6): `add|create set FAMILY TABLE NAME
 * { type T; [flags interval;] [elements = { … };] }`, `add|create|delete element … { … }`,
 * `delete|flush|list set`, `list sets`; element values read per key type, and a set printed
 * as `nft list` prints it (elements sorted, wrapped as nft wraps them).
 */
import { ip4ToString, parseIp4 } from '../../model/ip.js';
import { lenMask } from '../../model/netfilter/rule.js';
import { elemCompare, type NftSet, type NftSetElem, type NftSetType } from '../../model/netfilter/nft-set.js';
import type { Token } from './lexer.js';
import { PROTO, PROTO_NAME } from './values.js';
import { hex8, NftSyntax, NftUnmodelled } from './words.js';

export const SET_TYPES: ReadonlySet<string> = new Set<NftSetType>(['ipv4_addr', 'inet_service', 'inet_proto', 'mark', 'ifname']);

/** The body of `{ type T; flags interval; elements = { … }; }`. */
export function setSpec(tokens: Token[]): { type: NftSetType; interval: boolean; elems: Token[] } {
  const words = tokens.filter((t) => t.kind !== 'newline' && t.text !== ';');
  let type: NftSetType | null = null;
  let interval = false;
  let elems: Token[] = [];
  let i = words[0]?.text === '{' ? 1 : 0;
  for (; i < words.length; i++) {
    const w = words[i]!.text;
    if (w === '}') break;
    if (w === 'type') {
      const v = words[++i]?.text ?? '';
      if (!SET_TYPES.has(v)) throw new NftUnmodelled(`nft set type ${v}`);
      type = v as NftSetType;
    } else if (w === 'flags') {
      const v = words[++i]?.text;
      if (v !== 'interval') throw new NftUnmodelled(`nft set flags ${v}`);
      interval = true;
    } else if (w === 'elements') {
      if (words[++i]?.text !== '=' || words[i + 1]?.text !== '{') throw new NftUnmodelled('nft set elements');
      const start = ++i;
      while (i < words.length && words[i]!.text !== '}') i++;
      elems = words.slice(start, i + 1);
    } else throw new NftUnmodelled(`nft set ${w}`);
  }
  if (!type) throw new NftUnmodelled('nft set without a type');
  return { type, interval, elems };
}

/** The element tokens of `{ a, b, … }` (or one bare element). */
export function elementTokens(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'newline' && t.text !== '{' && t.text !== '}' && t.text !== ',');
}

/**
 * One element of a set of `type`: its key or range, nft's own refusals in its words (pointing
 * at the element).
 */
export function parseElem(t: Token, type: NftSetType, interval: boolean): NftSetElem {
  const s = t.text;
  if (type === 'ifname') return { lo: s, hi: s };
  const range = /^([^-]+)-([^-]+)$/.exec(s);
  const one = (v: string): number => {
    switch (type) {
      case 'ipv4_addr': {
        const a = parseIp4(v);
        if (a === null) throw new NftUnmodelled(`nft set element ${s}`);
        return a;
      }
      case 'inet_service': {
        if (!/^\d+$/.test(v)) {
          if (parseIp4(v) !== null) throw new NftSyntax('Could not resolve service: Servname not supported for ai_socktype', t);
          throw new NftUnmodelled(`nft service name ${v}`);
        }
        const n = Number(v);
        if (n > 65535) throw new NftUnmodelled(`nft port ${v}`);
        return n;
      }
      case 'inet_proto': {
        const n = PROTO[v] ?? (/^\d+$/.test(v) ? Number(v) : null);
        if (n === null || n > 255) throw new NftUnmodelled(`nft protocol ${v}`);
        return n;
      }
      case 'mark': {
        if (!/^(?:0x[0-9a-fA-F]+|\d+)$/.test(v)) throw new NftUnmodelled(`nft mark ${v}`);
        return Number(v) >>> 0;
      }
    }
    throw new NftUnmodelled(`nft set type ${type}`);
  };
  const prefixAt = s.indexOf('/');
  if (type === 'ipv4_addr' && prefixAt >= 0) {
    if (!interval) throw new NftSyntax("You must add 'flags interval' to your set declaration if you want to add prefix elements", t);
    const len = s.slice(prefixAt + 1);
    if (!/^\d+$/.test(len) || Number(len) > 32) throw new NftUnmodelled(`nft prefix ${s}`);
    const mask = lenMask(Number(len));
    const lo = (one(s.slice(0, prefixAt)) & mask) >>> 0;
    return { lo, hi: (lo | ~mask) >>> 0 };
  }
  if (range) {
    if (!interval) throw new NftSyntax("You must add 'flags interval' to your set declaration if you want to add range elements", t);
    const lo = one(range[1]!);
    const hi = one(range[2]!);
    if (hi < lo) throw new NftUnmodelled(`nft range ${s}`);
    return { lo, hi };
  }
  const v = one(s);
  return { lo: v, hi: v };
}

/** How nft writes one key of `type`. */
function keyText(type: NftSetType, v: number | string): string {
  if (typeof v === 'string') return `"${v}"`;
  switch (type) {
    case 'ipv4_addr':
      return ip4ToString(v);
    case 'inet_proto':
      return PROTO_NAME[v] ?? String(v);
    case 'mark':
      return hex8(v);
    default:
      return String(v);
  }
}

/** An element as nft lists it: a key, an address prefix, or a range. */
function elemText(type: NftSetType, e: NftSetElem): string {
  if (e.lo === e.hi) return keyText(type, e.lo);
  if (type === 'ipv4_addr' && typeof e.lo === 'number' && typeof e.hi === 'number') {
    const size = e.hi - e.lo + 1;
    const len = 32 - Math.log2(size);
    if (Number.isInteger(len) && e.lo % size === 0) return `${ip4ToString(e.lo)}/${len}`;
  }
  return `${keyText(type, e.lo)}-${keyText(type, e.hi)}`;
}

/**
 * calculate_delim: a named set's elements wrap after every 5 numbers (services, protocols,
 * marks), every 2 addresses, and after each element of other types.
 */
function perLine(type: NftSetType): number {
  if (type === 'ipv4_addr') return 2;
  if (type === 'ifname') return 1;
  return 5;
}

/** `set NAME { … }` inside a table block, at one tab. */
export function setText(s: NftSet, handles: boolean): string {
  let out = `\tset ${s.name} {${handles ? ` # handle ${s.handle}` : ''}\n\t\ttype ${s.type}\n`;
  if (s.interval) out += '\t\tflags interval\n';
  if (s.elems.length) {
    const sorted = [...s.elems].sort(elemCompare);
    const n = perLine(s.type);
    let line = '\t\telements = { ';
    sorted.forEach((e, i) => {
      if (i > 0) line += i % n === 0 ? ',\n\t\t\t     ' : ', ';
      line += elemText(s.type, e);
    });
    out += `${line} }\n`;
  }
  return `${out}\t}\n`;
}
