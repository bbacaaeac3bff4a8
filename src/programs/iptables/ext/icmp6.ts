/**
 * ip6tables' own extensions: the icmp6 match (extensions/libip6t_icmp6.c with libxt_icmp.h's
 * icmpv6_codes, 1.8.9: a type by name — any prefix that is not ambiguous — or number, with a
 * code or code range, `!` before it; loaded by `-p icmpv6`, `-p ipv6-icmp` or `-m icmp6`) and
 * the IPv6 REJECT target (libip6t_REJECT.c: its icmp6-* answers, tcp-reset).
 */
import type { Icmp6Match } from '../../../model/netfilter/match.js';
import { REJECT6_WITH, type NfTarget, type RejectWith6 } from '../../../model/netfilter/target.js';
import { strtoumax } from '../values.js';
import { paramError, x6Final, x6Parse, type ExtOption, type MatchExt, type ParseCtx, type TargetExt } from './types.js';

/** icmpv6_codes[]: name, type, code range. */
const ICMP6_CODES: readonly [string, number, number, number][] = [
  ['destination-unreachable', 1, 0, 0xff],
  ['no-route', 1, 0, 0],
  ['communication-prohibited', 1, 1, 1],
  ['beyond-scope', 1, 2, 2],
  ['address-unreachable', 1, 3, 3],
  ['port-unreachable', 1, 4, 4],
  ['failed-policy', 1, 5, 5],
  ['reject-route', 1, 6, 6],
  ['packet-too-big', 2, 0, 0xff],
  ['time-exceeded', 3, 0, 0xff],
  ['ttl-exceeded', 3, 0, 0xff],
  ['ttl-zero-during-transit', 3, 0, 0],
  ['ttl-zero-during-reassembly', 3, 1, 1],
  ['parameter-problem', 4, 0, 0xff],
  ['bad-header', 4, 0, 0],
  ['unknown-header-type', 4, 1, 1],
  ['unknown-option', 4, 2, 2],
  ['echo-request', 128, 0, 0xff],
  ['ping', 128, 0, 0xff],
  ['echo-reply', 129, 0, 0xff],
  ['pong', 129, 0, 0xff],
  ['router-solicitation', 133, 0, 0xff],
  ['router-advertisement', 134, 0, 0xff],
  ['neighbour-solicitation', 135, 0, 0xff],
  ['neighbor-solicitation', 135, 0, 0xff],
  ['neighbour-advertisement', 136, 0, 0xff],
  ['neighbor-advertisement', 136, 0, 0xff],
  ['redirect', 137, 0, 0xff],
];

/** parse_range: `N` or `N:M`, each 0–255; the values and the rest of the string, or null. */
function parseRange(s: string): { lo: number; hi: number; rest: string } | null {
  const a = strtoumax(s);
  if (!a || a.value > 255) return null;
  let rest = s.slice(a.end);
  let hi = a.value;
  if (rest[0] === ':') {
    const b = strtoumax(rest.slice(1));
    if (!b || b.value > 255) return null;
    hi = b.value;
    rest = rest.slice(1 + b.end);
  }
  return { lo: a.value, hi, rest };
}

/** parse_icmpv6: the type and code range a word names. */
function parseIcmp6Type(c: ParseCtx, s: string): { type: number; codeMin: number; codeMax: number } {
  let match = -1;
  ICMP6_CODES.forEach(([name], i) => {
    if (!name.toLowerCase().startsWith(s.toLowerCase())) return;
    if (match >= 0) throw paramError(c, `Ambiguous ICMPv6 type \`${s}': \`${ICMP6_CODES[match]![0]}' or \`${name}'?`);
    match = i;
  });
  if (match >= 0) {
    const [, type, lo, hi] = ICMP6_CODES[match]!;
    return { type, codeMin: lo, codeMax: hi };
  }
  const t = parseRange(s);
  if (!t) throw paramError(c, `Unknown ICMPv6 type \`${s}'`);
  let codeMin = 0;
  let codeMax = 255;
  if (t.rest.startsWith('/')) {
    const code = parseRange(t.rest.slice(1));
    if (!code) throw paramError(c, `Unknown ICMPv6 code \`${s}'`);
    if (code.rest !== '') throw paramError(c, `unknown character ${code.rest[0]}`);
    codeMin = code.lo;
    codeMax = code.hi;
  } else if (t.rest !== '') throw paramError(c, `unknown character ${t.rest[0]}`);
  if (t.lo !== t.hi) throw paramError(c, 'ICMPv6 type range not supported');
  return { type: t.lo, codeMin, codeMax };
}

const OPTS: ExtOption[] = [{ name: 'icmpv6-type', hasArg: 1, id: 'type', mand: true, invert: true }];

export const ICMP6: MatchExt = {
  name: 'icmp6',
  x6: true,
  options: OPTS,
  init: (): Icmp6Match => ({ kind: 'icmp6', type: 0, codeMin: 0, codeMax: 0xff, invert: false }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as Icmp6Match;
    x6Parse(c, 'icmp6', opt, arg, invert, seen);
    Object.assign(m, parseIcmp6Type(c, arg!));
    m.invert = invert;
  },
  final(c, _m, seen) {
    x6Final(c, 'icmp6', OPTS, seen);
  },
  print(mm, numeric) {
    const m = mm as Icmp6Match;
    if (!numeric) {
      const named = ICMP6_CODES.find(([, t, lo, hi]) => t === m.type && lo === m.codeMin && hi === m.codeMax);
      if (named) return ` ipv6-icmp ${m.invert ? '!' : ''}${named[0]}`;
    }
    let s = ` ipv6-icmp${m.invert ? ' !' : ''}type ${m.type}`;
    if (m.codeMin === m.codeMax) s += ` code ${m.codeMin}`;
    else if (m.codeMin !== 0 || m.codeMax !== 0xff) s += ` codes ${m.codeMin}-${m.codeMax}`;
    return s;
  },
  save(mm) {
    const m = mm as Icmp6Match;
    let s = `${m.invert ? ' !' : ''} --icmpv6-type ${m.type}`;
    if (m.codeMin !== 0 || m.codeMax !== 0xff) s += `/${m.codeMin}`;
    return s;
  },
};

/** reject_table[]: each --reject-with's name and alias (a prefix of either names it). */
const REJECT6_ALIAS: Record<RejectWith6, string> = {
  'icmp6-no-route': 'no-route',
  'icmp6-adm-prohibited': 'adm-prohibited',
  'icmp6-addr-unreachable': 'addr-unreach',
  'icmp6-port-unreachable': 'port-unreach',
  'tcp-reset': 'tcp-reset',
  'icmp6-policy-fail': 'policy-fail',
  'icmp6-reject-route': 'reject-route',
};

type Reject = Extract<NfTarget, { kind: 'REJECT' }>;

export const REJECT6: TargetExt = {
  name: 'REJECT',
  x6: true,
  options: [{ name: 'reject-with', hasArg: 1, id: 'with' }],
  init: (): NfTarget => ({ kind: 'REJECT', with: 'icmp6-port-unreachable' }),
  parse(c, t, opt, arg, invert, seen) {
    x6Parse(c, 'REJECT', opt, arg, invert, seen);
    const a = arg!.toLowerCase();
    for (const w of REJECT6_WITH) {
      if (w.startsWith(a) || REJECT6_ALIAS[w].startsWith(a)) {
        (t as Reject).with = w;
        return;
      }
    }
    throw paramError(c, `unknown reject type "${arg}"`);
  },
  final() {},
  print: (t) => ` reject-with ${(t as Reject).with}`,
  save: (t) => ` --reject-with ${(t as Reject).with}`,
};
