/**
 * xt_limit's credit arithmetic (net/netfilter/xt_limit.c): credits are jiffies × CREDITS_PER_JIFFY,
 * the largest power of two that keeps a day of them within 32 bits, so the figures move with the
 * kernel's HZ. The kernel refuses a rule (ERANGE) whose burst is 0 or whose avg × burst wraps
 * 32 bits into a bucket smaller than one packet; the simulator counts with the same numbers.
 */

const XT_LIMIT_SCALE = 10000;

/** CREDITS_PER_JIFFY for `hz`. */
export function creditsPerJiffy(hz: number): number {
  const maxCpj = Math.floor(0xffffffff / (hz * 60 * 60 * 24));
  let p = 1;
  while (p * 2 <= maxCpj) p *= 2;
  return p;
}

/** user2credits: XT_LIMIT_SCALE units of seconds to credits (u32 arithmetic). */
export function user2credits(user: number, hz: number): number {
  const cpj = creditsPerJiffy(hz);
  if (user > Math.floor(0xffffffff / (hz * cpj))) return (Math.floor(user / XT_LIMIT_SCALE) * hz * cpj) >>> 0;
  return Math.floor((user * hz * cpj) / XT_LIMIT_SCALE) >>> 0;
}

/**
 * limit_mt_check's refusal.
 *
 * @example
 * xtLimitOverflows(8640000000 % 2 ** 32, 10000, 250); // true: `--limit 1/day --limit-burst 10000`
 */
export function xtLimitOverflows(avg: number, burst: number, hz: number): boolean {
  return burst === 0 || user2credits(Math.imul(avg, burst) >>> 0, hz) < user2credits(avg, hz);
}
