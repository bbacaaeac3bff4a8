/**
 * The match extensions that test one field of the packet or its frame, as iptables 1.8.9
 * parses, lists and saves them: iprange (libxt_iprange.c, IPv4), mac (libxt_mac.c), length
 * (libxt_length.c), ttl (libipt_ttl.c) and pkttype (libxt_pkttype.c).
 */
import type { FieldMatch, IprangeMatch, MacMatch } from '../../../model/netfilter/match.js';
import { ip4ToString } from '../../../model/ip.js';
import { numericToAddr } from '../values.js';
import { paramError, x6Final, x6Parse, x6Uint, type ExtOption, type MatchExt, type ParseCtx } from './types.js';

const IPRANGE_OPTS: ExtOption[] = [
  { name: 'src-range', hasArg: 1, id: 'src', invert: true },
  { name: 'dst-range', hasArg: 1, id: 'dst', invert: true },
];

/** iprange_parse_range: `A-B` or `A` (A-A). */
function parseRange(c: ParseCtx, arg: string, opt: string): { lo: number; hi: number } {
  const dash = arg.indexOf('-');
  const from = dash < 0 ? arg : arg.slice(0, dash);
  const to = dash < 0 ? arg : arg.slice(dash + 1);
  const addr = (s: string) => {
    const a = numericToAddr(s, false);
    if (a === null) throw paramError(c, `iprange: Bad value for "${opt}" option: "${s}"`);
    return a;
  };
  const lo = addr(from);
  const hi = addr(to);
  return { lo, hi };
}

function rangeText(r: { lo: number; hi: number }): string {
  return `${ip4ToString(r.lo)}-${ip4ToString(r.hi)}`;
}

export const IPRANGE: MatchExt = {
  name: 'iprange',
  x6: true,
  options: IPRANGE_OPTS,
  init: (): IprangeMatch => ({ kind: 'iprange', src: null, dst: null }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as IprangeMatch;
    x6Parse(c, 'iprange', opt, arg, invert, seen);
    const r = parseRange(c, arg!, `--${opt.name}`);
    m[opt.id as 'src' | 'dst'] = { lo: r.lo, hi: r.hi, invert };
  },
  final(c, _m, seen) {
    if (seen.size === 0) throw paramError(c, "iprange match: You must specify `--src-range' or `--dst-range'");
  },
  // iptables warns on stderr of a reversed range ("xt_iprange: range … is reversed"), which the front end does not print
  unmodelled: (mm) => {
    const m = mm as IprangeMatch;
    return (m.src && m.src.lo > m.src.hi) || (m.dst && m.dst.lo > m.dst.hi) ? 'iprange with a reversed range' : null;
  },
  print(mm) {
    const m = mm as IprangeMatch;
    let s = '';
    if (m.src) s += ` source IP range${m.src.invert ? ' !' : ''} ${rangeText(m.src)}`;
    if (m.dst) s += ` destination IP range${m.dst.invert ? ' !' : ''} ${rangeText(m.dst)}`;
    return s;
  },
  save(mm) {
    const m = mm as IprangeMatch;
    let s = '';
    if (m.src) s += `${m.src.invert ? ' !' : ''} --src-range ${rangeText(m.src)}`;
    if (m.dst) s += `${m.dst.invert ? ' !' : ''} --dst-range ${rangeText(m.dst)}`;
    return s;
  },
};

const MAC_OPTS: ExtOption[] = [{ name: 'mac-source', hasArg: 1, id: 'mac', mand: true, invert: true }];

/** xtopt_parse_ethermac: six hex bytes of at most two digits, colon-separated. */
function parseMac(c: ParseCtx, arg: string): string {
  const parts = arg.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) throw paramError(c, 'Invalid MAC address specified.');
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

export const MAC: MatchExt = {
  name: 'mac',
  x6: true,
  options: MAC_OPTS,
  init: (): MacMatch => ({ kind: 'mac', mac: '', invert: false, xt: true }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as MacMatch;
    x6Parse(c, 'mac', opt, arg, invert, seen);
    m.mac = parseMac(c, arg!);
    if (invert) m.invert = true;
  },
  final(c, _m, seen) {
    x6Final(c, 'mac', MAC_OPTS, seen);
  },
  print: (mm) => ` MAC ${(mm as MacMatch).invert ? '! ' : ''}${(mm as MacMatch).mac}`,
  save: (mm) => `${(mm as MacMatch).invert ? ' !' : ''} --mac-source ${(mm as MacMatch).mac}`,
};

const LENGTH_OPTS: ExtOption[] = [{ name: 'length', hasArg: 1, id: 'length', mand: true, invert: true }];

/** xtopt_parse_mint for a u16 range `A[:B]` (an empty side is 0 or 65535). */
function u16Range(c: ParseCtx, arg: string, ext = 'length'): [number, number] {
  const parts = arg.split(':');
  if (parts.length > 2) throw paramError(c, `${ext}: Too many components for option "--${ext === 'tcpmss' ? 'mss' : ext}" (max: 2)\n`);
  const vals = parts.map((p, i) => {
    if (p === '') return i === 1 ? 65535 : 0;
    const m = /^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(p);
    const rest = m ? p.slice(m[0].length) : p;
    const v = m
      ? Number(m[1]!.startsWith('0x') || m[1]!.startsWith('0X') ? Number.parseInt(m[1]!.slice(2), 16) : m[1]!.length > 1 && m[1]!.startsWith('0') ? Number.parseInt(m[1]!, 8) : Number(m[1]))
      : Number.NaN;
    const near = arg.slice(parts.slice(0, i).join(':').length + (i ? 1 : 0));
    const opt = ext === 'tcpmss' ? 'mss' : ext;
    if (!m || v > 65535) throw paramError(c, `${ext}: bad value for option "--${opt}" near "${near}", or out of range (0-65535).\n`);
    if (rest !== '') throw paramError(c, `${ext}: Argument to "--${opt}" has unexpected characters near "${rest}${i < parts.length - 1 ? `:${parts.slice(i + 1).join(':')}` : ''}".\n`);
    return v;
  });
  return [vals[0]!, vals[1] ?? vals[0]!];
}

export const LENGTH: MatchExt = {
  name: 'length',
  x6: true,
  options: LENGTH_OPTS,
  init: (): FieldMatch => ({ kind: 'field', field: 'length', mask: null, op: 'eq', value: 0, hi: 0, xt: 'length' }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as FieldMatch;
    x6Parse(c, 'length', opt, arg, invert, seen);
    [m.value, m.hi] = u16Range(c, arg!);
    if (invert) m.op = 'ne';
  },
  final(c, _m, seen) {
    x6Final(c, 'length', LENGTH_OPTS, seen);
  },
  print: (mm) => ` length ${(mm as FieldMatch).op === 'ne' ? '!' : ''}${lengthText(mm as FieldMatch)}`,
  save: (mm) => `${(mm as FieldMatch).op === 'ne' ? ' !' : ''} --length ${lengthText(mm as FieldMatch)}`,
};

function lengthText(m: FieldMatch): string {
  return m.value === m.hi ? String(m.value) : `${m.value}:${m.hi}`;
}

const TCPMSS_OPTS: ExtOption[] = [{ name: 'mss', hasArg: 1, id: 'mss', mand: true, invert: true }];

/** libxt_tcpmss: `[!] --mss A[:B]`, a SYN's MSS option within the range (the rule must be `-p tcp`). */
export const TCPMSS_MATCH: MatchExt = {
  name: 'tcpmss',
  x6: true,
  options: TCPMSS_OPTS,
  init: (): FieldMatch => ({ kind: 'field', field: 'tcpmss', mask: null, op: 'eq', value: 0, hi: 0, xt: 'tcpmss' }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as FieldMatch;
    x6Parse(c, 'tcpmss', opt, arg, invert, seen);
    [m.value, m.hi] = u16Range(c, arg!, 'tcpmss');
    if (m.value > m.hi!) throw paramError(c, 'tcpmss: invalid range given');
    if (invert) m.op = 'ne';
  },
  final(c, _m, seen) {
    x6Final(c, 'tcpmss', TCPMSS_OPTS, seen);
  },
  // xt_tcpmss answers `!` for a segment without the option; iptables-nft's `tcp option maxseg size !=` does not match it
  unmodelled: (mm) => ((mm as FieldMatch).op === 'ne' ? 'tcpmss ! --mss (the backends differ on segments without the option)' : null),
  print: (mm) => ` tcpmss match ${(mm as FieldMatch).op === 'ne' ? '!' : ''}${lengthText(mm as FieldMatch)}`,
  save: (mm) => `${(mm as FieldMatch).op === 'ne' ? ' !' : ''} --mss ${lengthText(mm as FieldMatch)}`,
};

const TTL_OPTS: ExtOption[] = [
  { name: 'ttl-lt', hasArg: 1, id: 'lt', excl: ['lt', 'gt', 'eq'] },
  { name: 'ttl-gt', hasArg: 1, id: 'gt', excl: ['lt', 'gt', 'eq'] },
  { name: 'ttl-eq', hasArg: 1, id: 'eq', invert: true, excl: ['lt', 'gt', 'eq'] },
  { name: 'ttl', hasArg: 1, id: 'eq', excl: ['lt', 'gt', 'eq'] },
];

export const TTL: MatchExt = {
  name: 'ttl',
  x6: true,
  options: TTL_OPTS,
  init: (): FieldMatch => ({ kind: 'field', field: 'ttl', mask: null, op: 'eq', value: 0, xt: 'ttl' }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as FieldMatch;
    // the exclusions are checked as each option comes (XTOPT excl of the x6 framework)
    for (const o of ['lt', 'gt', 'eq']) if (seen.has(o)) throw paramError(c, `ttl: option "--${opt.name}" cannot be used together with "--${TTL_OPTS.find((x) => x.id === o)!.name}".\n`);
    x6Parse(c, 'ttl', opt, arg, invert, seen);
    m.value = x6Uint(c, 'ttl', opt, arg!, 0, 255);
    m.op = opt.id === 'eq' ? (invert ? 'ne' : 'eq') : (opt.id as 'lt' | 'gt');
  },
  final(c, _m, seen) {
    if (seen.size === 0) throw paramError(c, "TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt");
  },
  print: (mm) => ` TTL match TTL ${TTL_OPS[(mm as FieldMatch).op]} ${(mm as FieldMatch).value}`,
  save: (mm) => {
    const m = mm as FieldMatch;
    return `${m.op === 'ne' ? ' ! --ttl-eq' : m.op === 'eq' ? ' --ttl-eq' : ` --ttl-${m.op}`} ${m.value}`;
  },
};

const TTL_OPS: Record<FieldMatch['op'], string> = { eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=' };

const PKTTYPE_OPTS: ExtOption[] = [{ name: 'pkt-type', hasArg: 1, id: 'type', mand: true, invert: true }];

/** supported_types of libxt_pkttype, aliases last (printing takes the first name of a number) */
const PKTTYPES: [string, number][] = [
  ['unicast', 0],
  ['broadcast', 1],
  ['multicast', 2],
  ['otherhost', 3],
  ['bcast', 1],
  ['mcast', 2],
  ['host', 0],
];

export const PKTTYPE: MatchExt = {
  name: 'pkttype',
  x6: true,
  options: PKTTYPE_OPTS,
  init: (): FieldMatch => ({ kind: 'field', field: 'pkttype', mask: null, op: 'eq', value: 0, xt: 'pkttype' }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as FieldMatch;
    x6Parse(c, 'pkttype', opt, arg, invert, seen);
    const hit = PKTTYPES.find(([n]) => n === arg!.toLowerCase());
    if (!hit) throw paramError(c, `Bad packet type '${arg}'`);
    m.value = hit[1];
    if (invert) m.op = 'ne';
  },
  final(c, _m, seen) {
    x6Final(c, 'pkttype', PKTTYPE_OPTS, seen);
  },
  print: (mm) => ` PKTTYPE ${(mm as FieldMatch).op === 'ne' ? '!' : ''}= ${pkttypeName((mm as FieldMatch).value)}`,
  save: (mm) => `${(mm as FieldMatch).op === 'ne' ? ' !' : ''} --pkt-type ${pkttypeName((mm as FieldMatch).value)}`,
};

export function pkttypeName(v: number): string {
  return PKTTYPES.find(([, n]) => n === v)?.[0] ?? String(v);
}
