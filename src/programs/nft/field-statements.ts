/**
 * nft's comparisons of plain packet fields (nftables 1.0.6): `ip ttl`, `ip6 hoplimit`,
 * `meta length`, `meta pkttype` (and bare `pkttype`), `th sport|dport`, `tcp flags`, `ether
 * saddr`, and address ranges (`ip saddr A-B`). Each is read into the model's match and written
 * back as `nft list` prints it: relational operators as symbols (`gt` is listed `>`), `==`
 * left out, flags joined by commas, `tcp flags & (a|b) == c` as `c / a,b`.
 */
import type { FieldMatch, IprangeMatch, MacMatch } from '../../model/netfilter/match.js';
import { ip4ToString, parseIp4 } from '../../model/ip.js';
import { NftUnmodelled, num, type Cursor } from './words.js';

const OPS: Record<string, FieldMatch['op']> = { '==': 'eq', eq: 'eq', '!=': 'ne', ne: 'ne', '<': 'lt', lt: 'lt', '>': 'gt', gt: 'gt', '<=': 'le', le: 'le', '>=': 'ge', ge: 'ge' };
const OP_TEXT: Record<FieldMatch['op'], string> = { eq: '', ne: '!= ', lt: '< ', gt: '> ', le: '<= ', ge: '>= ' };

/** An explicit relational operator, if one comes next. */
function relop(c: Cursor): FieldMatch['op'] | null {
  const op = OPS[c.peek()?.text ?? ''];
  if (op) c.next();
  return op ?? null;
}

/** `[op] N`, `[!=] A-B` or `[!=] { a, b }` for a numeric field whose values may have names. */
export function parseNumeric(c: Cursor, field: FieldMatch['field'], names: Record<string, number> = {}, max = 0xffff): { match: FieldMatch; text: string } {
  const op = relop(c) ?? 'eq';
  const value = (w: string) => {
    const v = names[w] ?? num(w);
    if (v > max) throw new NftUnmodelled(`nft value ${w}`);
    return v;
  };
  const nameOf = (v: number) => Object.entries(names).find(([, x]) => x === v)?.[0] ?? String(v);
  if (c.peek()?.text === '{') {
    if (op !== 'eq' && op !== 'ne') throw new NftUnmodelled('nft relational operator before a set');
    c.next();
    const set: number[] = [];
    for (;;) {
      const t = c.next();
      if (t.text === '}') break;
      if (t.text === ',' || t.kind === 'newline') continue;
      if (t.text.includes('-')) throw new NftUnmodelled('nft ranges in an anonymous set of values');
      set.push(value(t.text));
    }
    set.sort((a, b) => a - b);
    const match: FieldMatch = { kind: 'field', field, mask: null, op, value: 0, set };
    return { match, text: set.length === 1 ? `${OP_TEXT[op]}${nameOf(set[0]!)}` : `${OP_TEXT[op]}{ ${set.map(nameOf).join(', ')} }` };
  }
  const w = c.word();
  const range = /^(\d+)-(\d+)$/.exec(w);
  if (range) {
    if (op !== 'eq' && op !== 'ne') throw new NftUnmodelled('nft relational operator before a range');
    const lo = value(range[1]!);
    const hi = value(range[2]!);
    if (lo > hi) throw new NftUnmodelled(`nft reversed range ${w}`);
    return { match: { kind: 'field', field, mask: null, op, value: lo, hi }, text: `${OP_TEXT[op]}${lo}-${hi}` };
  }
  const v = value(w);
  return { match: { kind: 'field', field, mask: null, op, value: v }, text: `${OP_TEXT[op]}${nameOf(v)}` };
}

/** nft's pkttype_type symbols (unicast is another name of host) */
export const PKTTYPES: Record<string, number> = { host: 0, unicast: 0, broadcast: 1, multicast: 2, other: 3 };
const PKTTYPE_NAMES = ['host', 'broadcast', 'multicast', 'other'];

export function parsePkttype(c: Cursor): { match: FieldMatch; text: string } {
  const r = parseNumeric(c, 'pkttype', PKTTYPES, 7);
  // listed by its first name (host, not unicast)
  const name = (v: number) => PKTTYPE_NAMES[v] ?? String(v);
  const m = r.match;
  const text = m.set && m.set.length > 1 ? `${OP_TEXT[m.op]}{ ${m.set.map(name).join(', ')} }` : `${OP_TEXT[m.op]}${name(m.set ? m.set[0]! : m.value)}`;
  return { match: m, text };
}

/** nft's dscp_type symbols, in its table's order (a value is listed by its first name, else as 0x%02x). */
const DSCP_SYMBOLS: [string, number][] = [
  ['cs0', 0x00],
  ['cs1', 0x08],
  ['cs2', 0x10],
  ['cs3', 0x18],
  ['cs4', 0x20],
  ['cs5', 0x28],
  ['cs6', 0x30],
  ['cs7', 0x38],
  ['df', 0x00],
  ['be', 0x00],
  ['lephb', 0x01],
  ['af11', 0x0a],
  ['af12', 0x0c],
  ['af13', 0x0e],
  ['af21', 0x12],
  ['af22', 0x14],
  ['af23', 0x16],
  ['af31', 0x1a],
  ['af32', 0x1c],
  ['af33', 0x1e],
  ['af41', 0x22],
  ['af42', 0x24],
  ['af43', 0x26],
  ['va', 0x2c],
  ['ef', 0x2e],
];
const DSCP_NAMES: Record<string, number> = Object.fromEntries(DSCP_SYMBOLS);

/** A DSCP value as nft lists it. */
export function dscpName(v: number): string {
  return DSCP_SYMBOLS.find(([, x]) => x === v)?.[0] ?? `0x${v.toString(16).padStart(2, '0')}`;
}

/** A DSCP value as written (a symbol or a number of 0–63; nft refuses more: not modelled here). */
export function dscpValue(w: string): number {
  const v = DSCP_NAMES[w] ?? num(w);
  if (v > 63) throw new NftUnmodelled(`nft value ${w}`);
  return v;
}

/** `ip dscp [op] VALUE | { … } | LO-HI`: the test and nft's listing of it. */
export function parseDscp(c: Cursor): { match: FieldMatch; text: string } {
  const r = parseNumeric(c, 'dscp', DSCP_NAMES, 63);
  const m = r.match;
  const op = OP_TEXT[m.op];
  if (m.set) return { match: m, text: m.set.length === 1 ? `${op}${dscpName(m.set[0]!)}` : `${op}{ ${m.set.map(dscpName).join(', ')} }` };
  // a range is listed by its numbers
  const hex = (v: number) => `0x${v.toString(16).padStart(2, '0')}`;
  if (m.hi !== undefined) return { match: m, text: `${op}${hex(m.value)}-${hex(m.hi)}` };
  return { match: m, text: `${op}${dscpName(m.value)}` };
}

const FLAGS = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ecn', 'cwr'];

/** `syn,ack` or `syn|ack` (or a number) as a flag mask. */
function flagMask(w: string): number {
  let mask = 0;
  for (const f of w.replace(/[()]/g, '').split(/[|,]/)) {
    const i = FLAGS.indexOf(f);
    mask |= i >= 0 ? 1 << i : num(f);
  }
  if (mask > 0xff) throw new NftUnmodelled(`nft tcp flags ${w}`);
  return mask;
}

function flagText(v: number): string {
  return v === 0 ? '0x0' : FLAGS.filter((_, i) => v & (1 << i)).join(',');
}

/** A flag list: words joined by `,` tokens (the lexer splits at commas) or `|`. */
function flagWords(c: Cursor): string {
  let w = c.word();
  while (c.peek()?.text === ',') {
    c.next();
    w += `,${c.word()}`;
  }
  return w;
}

/**
 * `tcp flags` in its forms: `syn` (any of these set: flags & syn != 0), `== syn` / `!= syn`
 * (exactly), `syn / syn,ack` and `& (syn|ack) == syn` (under a mask).
 */
export function parseTcpFlags(c: Cursor): { match: FieldMatch; text: string } {
  if (c.peek()?.text === '{') throw new NftUnmodelled('nft tcp flags with a set (nft lists its elements in the kernel hash order)');
  if (c.peek()?.text === '&') {
    c.next();
    const mask = flagMask(c.word());
    const op = relop(c);
    if (op !== 'eq' && op !== 'ne') throw new NftUnmodelled('nft tcp flags & … without == or !=');
    const v = flagMask(flagWords(c));
    return { match: { kind: 'field', field: 'tcpflags', mask, op, value: v }, text: `tcp flags ${OP_TEXT[op]}${flagText(v)} / ${flagText(mask)}` };
  }
  const op = relop(c);
  const v = flagMask(flagWords(c));
  if (c.peek()?.text === '/') {
    c.next();
    const mask = flagMask(flagWords(c));
    const o = op ?? 'eq';
    if (o !== 'eq' && o !== 'ne') throw new NftUnmodelled('nft tcp flags with a relational operator and a mask');
    return { match: { kind: 'field', field: 'tcpflags', mask, op: o, value: v }, text: `tcp flags ${OP_TEXT[o]}${flagText(v)} / ${flagText(mask)}` };
  }
  if (op === null) {
    // the implicit test of a bitmask: any of the bits set; all of them is listed as != 0x0
    const m: FieldMatch = { kind: 'field', field: 'tcpflags', mask: v, op: 'ne', value: 0 };
    return { match: m, text: v === 0xff ? 'tcp flags != 0x0' : `tcp flags ${flagText(v)}` };
  }
  // an explicit == is listed (a bare value would be the bitmask test)
  return { match: { kind: 'field', field: 'tcpflags', mask: null, op, value: v }, text: `tcp flags ${op === 'eq' ? '== ' : OP_TEXT[op]}${flagText(v)}` };
}

/** `ether saddr [!=] MAC` */
export function parseEtherSaddr(c: Cursor, inv: boolean): { match: MacMatch; text: string } {
  const w = c.word();
  const parts = w.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) throw new NftUnmodelled(`nft ether address ${w}`);
  const mac = parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
  return { match: { kind: 'mac', mac, invert: inv, xt: false }, text: `ether saddr ${inv ? '!= ' : ''}${mac}` };
}

/** `A-B` as an address range (null when the word is not one). */
export function addrRange(w: string): { lo: number; hi: number } | null {
  const m = /^([\d.]+)-([\d.]+)$/.exec(w);
  if (!m) return null;
  const lo = parseIp4(m[1]!);
  const hi = parseIp4(m[2]!);
  if (lo === null || hi === null) return null;
  if (lo > hi) throw new NftUnmodelled(`nft reversed range ${w}`);
  return { lo, hi };
}

/** `ip saddr|daddr [!=] A-B` */
export function rangeMatch(field: 'saddr' | 'daddr', r: { lo: number; hi: number }, inv: boolean): { match: IprangeMatch; text: string } {
  const x = { lo: r.lo, hi: r.hi, invert: inv };
  return { match: { kind: 'iprange', src: field === 'saddr' ? x : null, dst: field === 'daddr' ? x : null }, text: `ip ${field} ${inv ? '!= ' : ''}${ip4ToString(r.lo)}-${ip4ToString(r.hi)}` };
}
