/**
 * All pairs at once, in two sweeps over whole rows (so that each namespace's data is read
 * while it is in cache, and nothing is searched per pair):
 * 1. M[n][d] = send(n → destination d) for every namespace row n, one row at a time;
 * 2. M transposed, so that the replies of one source address are contiguous;
 * 3. per source row s and destination d: the request M[s][d] and the reply
 *    M[owner(d)][src(s, d)], written over row s of M.
 * Memory: two bytes per pair.
 */
import type { ChainMemo } from './chain.js';
import type { NsInfo, ReachContext } from './context.js';
import { IntervalCursor } from './intervals.js';
import { MAYBE, SendWalk, YES } from './send.js';
import { outTmpl } from './templates.js';

/** Row n of M into out[off … off + destinations). */
function sendRow(ctx: ReachContext, memo: ChainMemo, info: NsInfo, out: Uint8Array, off: number): void {
  const order = ctx.destSorted;
  const addrs = ctx.destAddr;
  const walk = new SendWalk(ctx, memo, info);
  for (let k = 0; k < order.length; k++) {
    const d = order[k]!;
    const a = addrs[d]!;
    walk.enter(a);
    out[off + d] = walk.send(d, a);
  }
}

/** Cache-blocked transpose of a rows × cols byte matrix. */
function transpose(src: Uint8Array, rows: number, cols: number): Uint8Array {
  const dst = new Uint8Array(rows * cols);
  const B = 64;
  for (let r0 = 0; r0 < rows; r0 += B) {
    const r1 = Math.min(rows, r0 + B);
    for (let c0 = 0; c0 < cols; c0 += B) {
      const c1 = Math.min(cols, c0 + B);
      for (let r = r0; r < r1; r++) {
        const base = r * cols;
        for (let c = c0; c < c1; c++) dst[c * rows + r] = src[base + c]!;
      }
    }
  }
  return dst;
}

/**
 * YES / NO / MAYBE for every (source row, destination), row-major. MAYBE is left for the
 * caller to ask the engine.
 */
export function allPairs(ctx: ReachContext, memo: ChainMemo, progress?: (done: number, total: number) => void): Uint8Array {
  const ns = ctx.sources.length;
  const nd = ctx.destinations.length;
  const m = new Uint8Array(ns * nd);
  if (!ctx.blind) return m.fill(MAYBE);
  const total = 2 * ns;
  for (let n = 0; n < ns; n++) {
    sendRow(ctx, memo, ctx.rowInfo[n]!, m, n * nd);
    if (progress && (n & 63) === 63) progress(n + 1, total);
  }
  const mt = transpose(m, ns, nd);
  const order = ctx.destSorted;
  const addrs = ctx.destAddr;
  const owners = ctx.destOwner;
  for (let s = 0; s < ns; s++) {
    const info = ctx.rowInfo[s]!;
    const off = s * nd;
    const cursor = new IntervalCursor(info.iv.starts);
    let replies = -1;
    for (let k = 0; k < order.length; k++) {
      const d = order[k]!;
      const a = addrs[d]!;
      if (cursor.enter(a)) {
        const t = outTmpl(ctx, info, cursor.iv, a);
        replies = t.kind !== 'out' ? -2 : t.srcSlot >= 0 ? t.srcSlot * ns : -1;
      }
      if (m[off + d] !== YES || replies === -2) continue;
      m[off + d] = replies < 0 ? MAYBE : mt[replies + owners[d]!]!;
    }
    if (progress && (s & 63) === 63) progress(ns + s + 1, total);
  }
  if (progress) progress(total, total);
  return m;
}
