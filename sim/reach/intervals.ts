/**
 * A namespace's destination classes: its IPv4 space cut at every boundary its FIB can tell
 * apart (every route prefix of every table, every rule prefix, every address and its subnet)
 * and at the ranges the kernel treats specially (0.0.0.0, 0/8, 127/8, 224/4, 240/4,
 * 255.255.255.255). Within one interval every route lookup of the namespace matches the same
 * routes and every source-selection subnet test gives the same answer, so one decision per
 * interval stands for all its addresses.
 */
import type { Netns } from '../../src/model/netns.js';

const FIXED: [number, number][] = [
  [0, 32],
  [0, 8],
  [0x7f000000, 8],
  [0xe0000000, 4],
  [0xf0000000, 4],
  [0xffffffff, 32],
];

/** Sorted interval starts; interval i is [starts[i], starts[i+1]) (the last runs to 2^32). */
export class Intervals {
  private constructor(readonly starts: Uint32Array) {}

  static of(ns: Netns): Intervals {
    const cuts: number[] = [0];
    const add = (addr: number, len: number) => {
      const size = len === 0 ? 2 ** 32 : 2 ** (32 - len);
      const start = Math.floor((addr >>> 0) / size) * size;
      cuts.push(start);
      const end = start + size;
      if (end < 2 ** 32) cuts.push(end);
    };
    for (const [a, l] of FIXED) add(a, l);
    for (const t of ns.tables.values()) for (const r of t.routes) add(r.dst, r.dstLen);
    for (const r of ns.rules) {
      if (r.dst) add(r.dst.addr, r.dst.len);
      if (r.src) add(r.src.addr, r.src.len);
    }
    for (const l of ns.links.values()) {
      for (const a of l.addrs) {
        add(a.local, 32);
        add(a.address, a.prefixLen);
        if (a.broadcast !== null) add(a.broadcast, 32);
      }
    }
    const sorted = Float64Array.from(cuts).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
    return new Intervals(Uint32Array.from(sorted.subarray(0, n)));
  }

  get size(): number {
    return this.starts.length;
  }

  /**
   * These intervals cut further at the bounds of `ranges` ([first, last] inclusive). Cutting
   * finer than needed keeps every interval alike for every lookup, so after a route change
   * this stands for `of(ns)` when the ranges are the changed prefixes: the new prefixes' bounds
   * are added, a removed prefix's bounds stay (harmless), and nothing else is read.
   */
  refine(ranges: readonly (readonly [number, number])[]): Intervals {
    const extra: number[] = [];
    for (const [f, l] of ranges) {
      extra.push(f >>> 0);
      if (l >>> 0 < 0xffffffff) extra.push((l >>> 0) + 1);
    }
    extra.sort((x, y) => x - y);
    const s = this.starts;
    const out = new Uint32Array(s.length + extra.length);
    let n = 0;
    let i = 0;
    let j = 0;
    while (i < s.length || j < extra.length) {
      const v = j >= extra.length || (i < s.length && s[i]! <= extra[j]!) ? s[i++]! : extra[j++]!;
      if (n === 0 || out[n - 1] !== v) out[n++] = v;
    }
    return new Intervals(out.slice(0, n));
  }

  /** The interval holding `a`. */
  find(a: number): number {
    const s = this.starts;
    const x = a >>> 0;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Last address of interval i. */
  last(i: number): number {
    return i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : 0xffffffff;
  }
}

/**
 * Walks addresses in ascending order through a namespace's intervals (no search per address):
 * `enter(a)` moves to the interval holding `a` and says whether it is a new one, so a decision
 * taken per interval is taken once.
 */
export class IntervalCursor {
  /** the interval of the last address entered (−1 before the first) */
  iv = -1;
  private nextStart = 0;

  constructor(private readonly starts: Uint32Array) {}

  enter(a: number): boolean {
    if (a < this.nextStart) return false;
    const starts = this.starts;
    const n = starts.length;
    let iv = this.iv;
    do iv++;
    while (iv + 1 < n && (starts[iv + 1] ?? 0) <= a);
    this.iv = iv;
    this.nextStart = iv + 1 < n ? (starts[iv + 1] ?? 2 ** 32) : 2 ** 32;
    return true;
  }
}
