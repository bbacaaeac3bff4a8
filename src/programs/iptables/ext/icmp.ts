/**
 * The icmp match (extensions/libipt_icmp.c, libxt_icmp.h): a type by name (any prefix that is
 * not ambiguous) or number, with a code or code range, `!` before it.
 */
import type { IcmpMatch } from '../../../model/netfilter/match.js';
import { strtoumax } from '../values.js';
import { paramError, x6Final, x6Parse, type ExtOption, type MatchExt, type ParseCtx } from './types.js';

/** icmp_codes[]: name, type, code range. */
export const ICMP_CODES: readonly [string, number, number, number][] = [
  ['any', 0xff, 0, 0xff],
  ['echo-reply', 0, 0, 0xff],
  ['pong', 0, 0, 0xff],
  ['destination-unreachable', 3, 0, 0xff],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 0xff],
  ['redirect', 5, 0, 0xff],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 0xff],
  ['ping', 8, 0, 0xff],
  ['router-advertisement', 9, 0, 0xff],
  ['router-solicitation', 10, 0, 0xff],
  ['time-exceeded', 11, 0, 0xff],
  ['ttl-exceeded', 11, 0, 0xff],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 0xff],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 0xff],
  ['timestamp-reply', 14, 0, 0xff],
  ['address-mask-request', 17, 0, 0xff],
  ['address-mask-reply', 18, 0, 0xff],
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

/** ipt_parse_icmp: the type and code range a word names. */
export function parseIcmpType(c: ParseCtx, s: string): { type: number; codeMin: number; codeMax: number } {
  let match = -1;
  ICMP_CODES.forEach(([name], i) => {
    if (!name.toLowerCase().startsWith(s.toLowerCase())) return;
    if (match >= 0) throw paramError(c, `Ambiguous ICMP type \`${s}': \`${ICMP_CODES[match]![0]}' or \`${name}'?`);
    match = i;
  });
  if (match >= 0) {
    const [, type, lo, hi] = ICMP_CODES[match]!;
    return { type, codeMin: lo, codeMax: hi };
  }
  const t = parseRange(s);
  if (!t) throw paramError(c, `Unknown ICMP type \`${s}'`);
  let codeMin = 0;
  let codeMax = 255;
  if (t.rest.startsWith('/')) {
    const code = parseRange(t.rest.slice(1));
    if (!code) throw paramError(c, `Unknown ICMP code \`${s}'`);
    if (code.rest !== '') throw paramError(c, `unknown character ${code.rest[0]}`);
    codeMin = code.lo;
    codeMax = code.hi;
  } else if (t.rest !== '') throw paramError(c, `unknown character ${t.rest[0]}`);
  if (t.lo !== t.hi) throw paramError(c, 'ICMP type range not supported');
  return { type: t.lo, codeMin, codeMax };
}

const OPTS: ExtOption[] = [{ name: 'icmp-type', hasArg: 1, id: 'type', mand: true, invert: true }];

export const ICMP: MatchExt = {
  name: 'icmp',
  x6: true,
  options: OPTS,
  init: (): IcmpMatch => ({ kind: 'icmp', type: 0xff, codeMin: 0, codeMax: 0xff, invert: false }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as IcmpMatch;
    x6Parse(c, 'icmp', opt, arg, invert, seen);
    Object.assign(m, parseIcmpType(c, arg!));
    m.invert = invert;
  },
  final(c, _m, seen) {
    x6Final(c, 'icmp', OPTS, seen);
  },
  print(mm, numeric) {
    const m = mm as IcmpMatch;
    if (!numeric) {
      const named = ICMP_CODES.find(([, t, lo, hi]) => t === m.type && lo === m.codeMin && hi === m.codeMax);
      if (named) return ` icmp ${m.invert ? '!' : ''}${named[0]}`;
    }
    let s = ` icmp${m.invert ? ' !' : ''}type ${m.type}`;
    if (m.codeMin === m.codeMax) s += ` code ${m.codeMin}`;
    else if (m.codeMin !== 0 || m.codeMax !== 0xff) s += ` codes ${m.codeMin}-${m.codeMax}`;
    return s;
  },
  save(mm) {
    const m = mm as IcmpMatch;
    let s = m.invert ? ' !' : '';
    if (m.type === 0xff) return `${s} --icmp-type any`;
    s += ` --icmp-type ${m.type}`;
    if (m.codeMin !== 0 || m.codeMax !== 0xff) s += `/${m.codeMin}`;
    return s;
  },
};
