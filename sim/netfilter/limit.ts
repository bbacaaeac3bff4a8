/**
 * Rate limits as the kernel counts them. Two token buckets, because iptables' two backends hand
 * the kernel different ones: nf_tables' limit expression (nft, and iptables-nft, whose
 * add_nft_limit turns `--limit` into it) counts nanoseconds of credit, a packet costing
 * unit/rate of them and the bucket holding burst packets' worth (nft_limit.c); x_tables' xt_limit
 * (iptables-legacy) counts in jiffies × CREDITS_PER_JIFFY, refilled once per jiffy, so its
 * answer moves with the kernel's HZ. Both start full when the rule is made; a legacy table that
 * is replaced (every iptables-legacy command replaces its table) starts every bucket afresh
 * (checkentry runs again), an nf_tables rule keeps its bucket until it is deleted.
 */
import type { LimitMatch } from '../../src/model/netfilter/match.js';
import { creditsPerJiffy, user2credits } from '../../src/model/netfilter/xt-limit.js';

/** A bucket's state: nft's tokens and last time (ns), or xt_limit's credit and jiffy. */
export interface LimitState {
  tokens: number;
  last: number;
  /** the legacy table's generation the state was made for */
  gen: number;
}

const NS_PER_US = 1000;

/** nft_limit_init for a packet limit: a packet's cost and the bucket's size, in ns. */
function nftCost(m: LimitMatch, len: number): { cost: number; max: number } {
  const nsecs = m.unit * 1e9;
  if (m.bytes) return { cost: Math.floor((nsecs * len) / m.rate), max: Math.floor((nsecs * (m.rate + m.burst)) / m.rate) };
  const cost = Math.floor(nsecs / m.rate);
  return { cost, max: cost * (m.burst || 5) };
}

/** nft_limit_eval: true when the packet is within the rate (the rule goes on, or stops for `over`). */
function nftEval(m: LimitMatch, st: LimitState | undefined, nowUs: number, len: number): { hit: boolean; st: LimitState } {
  const { cost, max } = nftCost(m, len);
  const now = nowUs * NS_PER_US;
  const s = st ?? { tokens: max, last: now, gen: 0 };
  let tokens = s.tokens + now - s.last;
  if (tokens > max) tokens = max;
  s.last = now;
  const within = tokens - cost >= 0;
  s.tokens = within ? tokens - cost : tokens;
  return { hit: within !== m.over, st: s };
}

function xtEval(m: LimitMatch, st: LimitState | undefined, nowUs: number, hz: number, gen: number): { hit: boolean; st: LimitState } {
  const xt = m.xt!;
  const cap = user2credits(Math.imul(xt.avg, xt.burst) >>> 0, hz);
  const cost = user2credits(xt.avg, hz);
  const jiffies = Math.floor((nowUs * hz) / 1e6);
  const s = st && st.gen === gen ? st : { tokens: cap, last: jiffies, gen };
  let credit = s.tokens + (jiffies - s.last) * creditsPerJiffy(hz);
  s.last = jiffies;
  if (credit > cap) credit = cap;
  const hit = credit >= cost;
  s.tokens = hit ? credit - cost : credit;
  return { hit, st: s };
}

/**
 * Whether the packet matches the limit now, moving its bucket on.
 *
 * @example
 * // `limit rate 2/second burst 3 packets` (nft): three at once pass, the fourth waits 0.5 s
 * limitStep(m, undefined, 0, 84, { legacy: false, hz: 250, gen: 0 }).hit; // true
 */
export function limitStep(m: LimitMatch, st: LimitState | undefined, nowUs: number, len: number, where: { legacy: boolean; hz: number; gen: number }): { hit: boolean; st: LimitState } {
  return where.legacy && m.xt ? xtEval(m, st, nowUs, where.hz, where.gen) : nftEval(m, st, nowUs, len);
}
