/**
 * The words of nft's rule language, read one at a time: the token cursor, values (numbers,
 * addresses and prefixes of both families, ports, anonymous sets, `!=`), interfaces, the NAT
 * statements' `to` part, the reject answers' names, and the errors a statement ends with.
 */
import { ip4ToString, parseIp4 } from '../../model/ip.js';
import type { PortRange } from '../../model/netfilter/match.js';
import { lenMask, type emptyIpPart } from '../../model/netfilter/rule.js';
import { formatIp6, ip6Mask, ip6PrefixText, parseIp6 } from '../../model/ipv6/ip6.js';
import { emptyNatRange, type NatRange, type RejectWith } from '../../model/netfilter/target.js';
import type { NfFamily } from '../../model/netfilter/table.js';
import type { Token } from './lexer.js';
import { REJECT_ICMPV6 } from './values.js';

/** `reject with icmpx X`: the IPv4 answer it stands for (hook6.ts gives IPv6 packets ICMPv6's own code) */
export const ICMPX: Record<string, RejectWith> = {
  'port-unreachable': 'icmp-port-unreachable',
  'admin-prohibited': 'icmp-admin-prohibited',
  'host-unreachable': 'icmp-host-unreachable',
  'no-route': 'icmp-net-unreachable',
};

/** A statement nettwin does not model, or a mistake nft refuses: what the caller reports. */
export class NftUnmodelled extends Error {}
export class NftSyntax extends Error {
  constructor(
    message: string,
    readonly at: Token | null,
  ) {
    super(message);
  }
}

export class Cursor {
  i = 0;
  constructor(readonly t: Token[]) {}
  peek(k = 0): Token | undefined {
    return this.t[this.i + k];
  }
  next(): Token {
    const tok = this.t[this.i++];
    if (!tok) throw new NftSyntax('syntax error, unexpected newline', null);
    return tok;
  }
  word(): string {
    const tok = this.next();
    if (tok.kind !== 'word' && tok.kind !== 'string') throw new NftSyntax(`syntax error, unexpected ${tok.text}`, tok);
    return tok.text;
  }
  done(): boolean {
    return this.i >= this.t.length;
  }
}

export function hex8(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

export function num(s: string): number {
  const v = /^0x[0-9a-f]+$/i.test(s) ? Number.parseInt(s, 16) : /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isFinite(v) || v > 0xffffffff) throw new NftUnmodelled(`nft value ${s}`);
  return v;
}

export function prefix(s: string): { addr: number; mask: number; text: string } {
  const [a, l] = s.split('/');
  const addr = parseIp4(a ?? '');
  const len = l === undefined ? 32 : Number(l);
  if (addr === null || !(len >= 0 && len <= 32) || (l !== undefined && !/^\d+$/.test(l))) throw new NftUnmodelled(`nft address ${s}`);
  const mask = lenMask(len);
  const masked = (addr & mask) >>> 0;
  return { addr: masked, mask, text: len === 32 ? ip4ToString(masked) : `${ip4ToString(masked)}/${len}` };
}

/** An IPv6 address or prefix as nft reads and prints it (masked, lower case, /128 left out). */
export function prefix6(s: string): { addr: bigint; mask: bigint; text: string } {
  const [a, l] = s.split('/');
  const addr = parseIp6(a ?? '');
  const len = l === undefined ? 128 : Number(l);
  if (addr === null || !(len >= 0 && len <= 128) || (l !== undefined && !/^\d+$/.test(l))) throw new NftUnmodelled(`nft address ${s}`);
  const mask = ip6Mask(len);
  return { addr: addr & mask, mask, text: ip6PrefixText(addr & mask, len) };
}

/** `reject with icmp X` / `reject with icmpv6 X` as nft lists them. */
export function rejectText(w: RejectWith): string {
  const v6 = Object.entries(REJECT_ICMPV6).find(([, x]) => x === w)?.[0];
  if (v6) return `reject with icmpv6 ${v6}`;
  return `reject with icmp ${w.replace(/^icmp-/, '').replace('proto-', 'prot-')}`;
}

export function port(s: string): PortRange {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) throw new NftUnmodelled(`nft port ${s}`);
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 65535 || hi > 65535 || hi < lo) throw new NftUnmodelled(`nft port ${s}`);
  return [lo, hi];
}

/** `VALUE` or `{ V, V, … }` (an anonymous set): the words, and whether it was a set. */
export function values(c: Cursor): { list: string[]; set: boolean } {
  if (c.peek()?.text !== '{') return { list: [c.word()], set: false };
  c.next();
  const list: string[] = [];
  for (;;) {
    const tok = c.next();
    if (tok.text === '}') break;
    if (tok.text === ',' || tok.kind === 'newline') continue;
    list.push(tok.text);
  }
  // a set of one element is that element (nft makes no set of it)
  return { list, set: list.length > 1 };
}

export function negation(c: Cursor): boolean {
  const p = c.peek()?.text;
  if (p === '!=' || p === '==') {
    c.next();
    return p === '!=';
  }
  return false;
}

/**
 * Whether nft leaves a protocol test out of its listing before a header test of that protocol:
 * the header test's own dependency is `meta l4proto` in an inet table (so an `ip protocol`
 * there stays), the family's header field in an ip or ip6 one.
 */
export function implied(part: string, table: NfFamily): boolean {
  if (part.startsWith('meta l4proto ')) return true;
  return (part.startsWith('ip protocol ') && table === 'ip') || (part.startsWith('ip6 nexthdr ') && table === 'ip6');
}

export function iface(c: Cursor, key: string, ip: ReturnType<typeof emptyIpPart>): string {
  const inv = negation(c);
  const name = c.word();
  const i = { name: name.endsWith('*') ? `${name.slice(0, -1)}+` : name, invert: inv };
  if (key.startsWith('i')) ip.in = i;
  else ip.out = i;
  return `${key} ${inv ? '!= ' : ''}"${name}"`;
}

/**
 * `to ADDR[-ADDR][:PORT[-PORT]]`, `to :PORT`, then flags. In an ip6 table (`v6`) the address is
 * an IPv6 one, bracketed when a port follows (`[fd00::2]:8080`; unbracketed, the colons are the
 * address's), listed bracketed only with a port; `ip6 to` is listed `to`. IPv6 ranges are not
 * modelled.
 */
export function natTo(c: Cursor, w: string, v6 = false, keepFamily = false): { range: NatRange; text: string } {
  if (v6) return natTo6(c, w, keepFamily);
  const r = emptyNatRange();
  let text = w;
  if (c.peek()?.text === 'ip') {
    c.next();
    if (keepFamily) text += ' ip';
  }
  const next = c.peek();
  // nft 1.0 still reads the older spelling without `to` (`snat 1.2.3.4`) and lists it with `to`
  const bare = (w === 'snat' || w === 'dnat') && next?.kind === 'word' && /^[0-9.]*(?:-[0-9.]+)?(?::\d+(?:-\d+)?)?$/.test(next.text) && /\d/.test(next.text);
  if (next?.text === 'to' || bare) {
    if (!bare) c.next();
    const v = c.word();
    const m = /^([0-9.]*?)(?:-([0-9.]+))?(?::(\d+)(?:-(\d+))?)?$/.exec(v);
    if (!m) throw new NftUnmodelled(`nft ${w} to ${v}`);
    if (m[1]) {
      const a = parseIp4(m[1]);
      const b = m[2] ? parseIp4(m[2]) : a;
      if (a === null || b === null) throw new NftUnmodelled(`nft ${w} to ${v}`);
      r.mapIps = true;
      r.minAddr = a;
      r.maxAddr = b;
    }
    if (m[3]) {
      r.protoSpecified = true;
      r.minPort = Number(m[3]);
      r.maxPort = m[4] ? Number(m[4]) : r.minPort;
    }
    text += ` to ${v}`;
  }
  return { range: r, text: text + natFlags(c, r) };
}

/** ` random,persistent,fully-random` as given, set on the range. */
function natFlags(c: Cursor, r: NatRange): string {
  const flags: string[] = [];
  while (c.peek()?.text === 'random' || c.peek()?.text === 'persistent' || c.peek()?.text === 'fully-random') {
    const f = c.word();
    flags.push(f);
    if (f === 'random') r.random = true;
    else if (f === 'persistent') r.persistent = true;
    else r.randomFully = true;
  }
  return flags.length ? ` ${flags.join(',')}` : '';
}

function natTo6(c: Cursor, w: string, keepFamily: boolean): { range: NatRange; text: string } {
  const r = emptyNatRange();
  let text = w;
  if (c.peek()?.text === 'ip6') {
    c.next();
    if (keepFamily) text += ' ip6';
  }
  if (c.peek()?.text === 'to') {
    c.next();
    const tok = c.peek() ?? null;
    const v = c.word();
    if (parseIp4(v) !== null && /^[\d.]+$/.test(v)) throw new NftSyntax('Could not resolve hostname: Address family for hostname not supported', tok);
    const port = /^:(\d+)$/.exec(v);
    if (port) {
      r.protoSpecified = true;
      r.minPort = r.maxPort = Number(port[1]);
      text += ` to ${v}${natFlags(c, r)}`;
      if (r.random || r.randomFully || r.persistent) throw new NftUnmodelled(`nft ${w} flags for IPv6`);
      return { range: r, text };
    }
    const m = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(v) ?? /^([0-9a-fA-F:.]*:[0-9a-fA-F:.]*)()$/.exec(v);
    const a = m ? parseIp6(m[1]!) : null;
    if (a === null) throw new NftUnmodelled(`nft ${w} to ${v}`);
    r.mapIps = true;
    r.min6 = r.max6 = a;
    if (m![2]) {
      r.protoSpecified = true;
      r.minPort = r.maxPort = Number(m![2]);
    }
    text += r.protoSpecified ? ` to [${formatIp6(a)}]:${r.minPort}` : ` to ${formatIp6(a)}`;
  }
  text += natFlags(c, r);
  if (r.random || r.randomFully || r.persistent) throw new NftUnmodelled(`nft ${w} flags for IPv6`);
  return { range: r, text };
}
