/**
 * The limit match (extensions/libxt_limit.c of iptables 1.8.9): `--limit N[/second|minute|hour|day]`
 * (any prefix of the unit, 3/hour when absent) and `--limit-burst N` (5 when absent), kept as
 * xt_rateinfo keeps them (avg: seconds per packet × 10000). iptables-nft hands the kernel an
 * nf_tables limit instead (add_nft_limit picks the largest unit that divides evenly enough),
 * so the model carries both; which one counts is the table's backend (sim/netfilter/limit.ts).
 */
import type { LimitMatch } from '../../../model/netfilter/match.js';
import { PARAMETER_PROBLEM, xtError } from '../errors.js';
import { paramError, x6Final, x6Parse, x6Uint, type ExtOption, type MatchExt } from './types.js';

const XT_LIMIT_SCALE = 10000;
const DEFAULT_BURST = 5;

/** the units, largest first, as print_rate and add_nft_limit walk them */
const RATES: [string, number][] = [
  ['day', XT_LIMIT_SCALE * 24 * 60 * 60],
  ['hour', XT_LIMIT_SCALE * 60 * 60],
  ['min', XT_LIMIT_SCALE * 60],
  ['sec', XT_LIMIT_SCALE],
];

/** parse_rate: avg for `N[/unit]`, null for a bad rate; throws for one too fast. */
function parseRate(text: string, tooFast: () => never): number | null {
  const slash = text.indexOf('/');
  let mult = 1;
  if (slash >= 0) {
    const unit = text.slice(slash + 1).toLowerCase();
    if (unit === '') return null;
    const units: [string, number][] = [
      ['second', 1],
      ['minute', 60],
      ['hour', 3600],
      ['day', 86400],
    ];
    const hit = units.find(([name]) => name.startsWith(unit));
    if (!hit) return null;
    mult = hit[1];
  }
  // atoi: leading blanks and a sign, then digits
  const m = /^\s*([+-]?\d+)/.exec(text);
  const r = m ? Number(m[1]) | 0 : 0;
  if (r === 0) return null;
  const avg = Math.floor((XT_LIMIT_SCALE * mult) / (r >>> 0)) >>> 0;
  if (avg === 0) tooFast();
  return avg;
}

/** The unit print_rate (and add_nft_limit) picks for `avg`: its index in RATES. */
function rateUnit(avg: number): number {
  let i = 1;
  for (; i < RATES.length; i++) {
    const mult = RATES[i]![1];
    if (avg > mult || Math.floor(mult / avg) < mult % avg) break;
  }
  return i - 1;
}

/** ` 2/sec` as print_rate writes it */
function rateText(avg: number): string {
  const [name, mult] = RATES[rateUnit(avg)]!;
  return ` ${Math.floor(mult / avg)}/${name}`;
}

/** The nf_tables limit iptables-nft makes of a rate (add_nft_limit): rate per unit seconds. */
function nftForm(avg: number): { rate: number; unit: number } {
  const mult = RATES[rateUnit(avg)]![1];
  return { rate: Math.floor(mult / avg), unit: mult / XT_LIMIT_SCALE };
}

const LIMIT_OPTS: ExtOption[] = [
  { name: 'limit', hasArg: 1, id: 'limit' },
  { name: 'limit-burst', hasArg: 1, id: 'burst' },
];

export const LIMIT: MatchExt = {
  name: 'limit',
  x6: true,
  options: LIMIT_OPTS,
  init: (): LimitMatch => {
    const avg = Math.floor((XT_LIMIT_SCALE * 3600) / 3);
    return { kind: 'limit', ...nftForm(avg), burst: DEFAULT_BURST, over: false, bytes: false, xt: { avg, burst: DEFAULT_BURST } };
  },
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as LimitMatch;
    x6Parse(c, 'limit', opt, arg, invert, seen);
    if (opt.id === 'limit') {
      const avg = parseRate(arg!, () => {
        throw xtError(c.f, PARAMETER_PROBLEM, `Rate too fast "${arg}"`, c.line);
      });
      // iptables' own words, with its stray quote
      if (avg === null) throw paramError(c, `bad rate "${arg}"'`);
      m.xt!.avg = avg;
      Object.assign(m, nftForm(avg));
    } else {
      const b = x6Uint(c, 'limit', opt, arg!, 0, 10000);
      // iptables-nft reads back the kernel's nf_tables limit, which took a burst of 0 as 5
      m.xt!.burst = b === 0 && c.f.backend === 'nft' ? DEFAULT_BURST : b;
      // nft_limit_init: a packet limit of burst 0 gets the default
      m.burst = b || DEFAULT_BURST;
    }
  },
  final(c, _m, seen) {
    x6Final(c, 'limit', LIMIT_OPTS, seen);
  },
  print: (mm) => {
    const m = mm as LimitMatch;
    return ` limit: avg${rateText(m.xt!.avg)} burst ${m.xt!.burst}`;
  },
  save: (mm) => {
    const m = mm as LimitMatch;
    return ` --limit${rateText(m.xt!.avg)}${m.xt!.burst !== DEFAULT_BURST ? ` --limit-burst ${m.xt!.burst}` : ''}`;
  },
};
