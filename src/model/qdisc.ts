/**
 * A device's root qdisc when `tc` set one (net/sched): netem's impairments, as the simulator
 * applies them on the way out (sim/netem.ts), and the counters `tc -s qdisc` shows. A device
 * without one has the kernel's default (noqueue, pfifo_fast, noop while never up: ifinfo.ts).
 */
export interface NetemOpts {
  /** latency and jitter, µs */
  delayUs: number;
  jitterUs: number;
  /** loss and duplicate, percent */
  lossPct: number;
  duplicatePct: number;
  /** rate, bits a second (0: none) */
  rateBps: number;
  /** limit, packets */
  limit: number;
}

export interface Qdisc {
  kind: 'netem';
  /** its handle's major number (8001: the first a namespace gave automatically) */
  handle: number;
  netem: NetemOpts;
  stats: { bytes: number; packets: number; dropped: number };
  /** when the link is next free at `rate` (virtual µs): packets behind it wait */
  busyUntilUs?: number;
}

/** A netem with nothing set: netem's defaults (limit 1000). */
export function freshNetem(): NetemOpts {
  return { delayUs: 0, jitterUs: 0, lossPct: 0, duplicatePct: 0, rateBps: 0, limit: 1000 };
}
