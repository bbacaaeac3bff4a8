/**
 * The kernel's rate arithmetic for shapers (net/sched/sch_api.c psched_ratecfg_precompute,
 * include/net/sch_generic.h psched_l2t_ns): a length's transmission time is `len * mult >> shift`,
 * with mult/shift chosen once per rate, so a time the kernel stores (tbf's buffer from the burst
 * tc sends) is that approximation, not the exact quotient.
 */
export interface RateCfg {
  /** bytes a second */
  rate: number;
  mult: bigint;
  shift: bigint;
}

export function rateCfg(rateBytes: number): RateCfg {
  let mult = 1n;
  let shift = 0n;
  const r = BigInt(Math.trunc(rateBytes));
  if (r > 0n) {
    let factor = 1_000_000_000n;
    for (;;) {
      mult = factor / r;
      if (mult & (1n << 31n) || factor & (1n << 63n)) break;
      factor <<= 1n;
      shift++;
    }
  }
  return { rate: rateBytes, mult, shift };
}

/** psched_l2t_ns: nanoseconds `len` bytes take. */
export function l2tNs(r: RateCfg, len: number): number {
  return Number((BigInt(Math.trunc(len)) * r.mult) >> r.shift);
}

/** psched_ns_t2l: bytes sent in `ns`. */
export function t2lBytes(r: RateCfg, ns: number): number {
  const len = (BigInt(Math.trunc(ns)) << r.shift) / r.mult;
  return Number(len > 0n ? len - 1n : 0n);
}
