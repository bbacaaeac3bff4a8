/**
 * One direction of a ping in the fast path: a packet generated in a namespace, from its
 * output decision through the chain memo to the namespace that delivers it. And the pair:
 * the echo request there, the echo reply back, each within 63 forwarding routers.
 */
import type { Ip4 } from '../../src/model/ip.js';
import { C_DELIVERED, C_UNSURE, MAX_ROUTERS, type ChainMemo } from './chain.js';
import type { NsInfo, ReachContext } from './context.js';
import { FAIL, nextOf, outTmpl, requesterOk, UNSURE, type Tmpl } from './templates.js';

/** answers of the matrix: 0 not yet known */
export const YES = 1;
export const NO = 2;
export const MAYBE = 3;

/** The rest of `send` once the output decision `t` is known. */
export function sendVia(ctx: ReachContext, memo: ChainMemo, info: NsInfo, t: Tmpl, a: Ip4, slot: number): number {
  switch (t.kind) {
    case 'local':
      return t.loOk ? YES : NO;
    case 'fail':
      return NO;
    case 'unsure':
      return MAYBE;
  }
  let y: number;
  let c: number;
  if (t.gw < 0) {
    if (t.sym === -3) t.sym = requesterOk(ctx, t);
    if (t.sym === FAIL) return NO;
    if (t.sym === UNSURE) return MAYBE;
    c = memo.direct(ctx.l2.epDomain[t.ep]!, slot, a);
    y = memo.lastEp;
    if (y >= 0 && ctx.epInfo[y] === info) return MAYBE;
  } else {
    y = nextOf(ctx, t, a);
    if (y === FAIL) return NO;
    if (y === UNSURE) return MAYBE;
    c = memo.at(y, slot, a);
  }
  if (c === C_UNSURE) return MAYBE;
  if (c !== C_DELIVERED || memo.hops > MAX_ROUTERS) return NO;
  if (info.router) {
    // the packet passing back through its source would meet its own source address there
    for (let e = y; e >= 0; e = memo.nextAfter(e, slot, a)) if (ctx.epInfo[e] === info) return MAYBE;
  }
  return YES;
}

/**
 * Whether a packet from `info` (its own source choice) to `a` is delivered where `a` is local.
 * MAYBE when the fast path cannot claim it (the engine decides the pair).
 */
export function send(ctx: ReachContext, memo: ChainMemo, info: NsInfo, a: Ip4, slot: number): number {
  return sendVia(ctx, memo, info, outTmpl(ctx, info, info.iv.find(a), a), a, slot);
}

/** The lazily filled matrix M[destination][namespace] = send(namespace → destination). */
export class SendMatrix {
  private readonly cols: (Uint8Array | undefined)[];

  constructor(
    private readonly ctx: ReachContext,
    readonly memo: ChainMemo,
  ) {
    this.cols = new Array(ctx.destinations.length);
  }

  /** Column d (entries 0 until computed: read them through `get`). */
  column(d: number): Uint8Array {
    let col = this.cols[d];
    if (!col) this.cols[d] = col = new Uint8Array(this.ctx.sources.length);
    return col;
  }

  get(d: number, row: number): number {
    const col = this.column(d);
    let v = col[row]!;
    if (v === 0) {
      const ctx = this.ctx;
      v = col[row] = send(ctx, this.memo, ctx.rowInfo[row]!, ctx.destAddr[d]!, d);
    }
    return v;
  }

  /** Forgets the given destinations' columns. */
  forget(ds: Iterable<number>): void {
    for (const d of ds) this.cols[d] = undefined;
  }
}

/**
 * `ping -c 1` from source row `row` to destination `d` in the fast path: YES, NO, or MAYBE.
 * The reply is the matrix entry from the destination's owner back to the ping's source
 * address: the same walk, source-blind, so its own source choice does not change it.
 */
export function pingPair(ctx: ReachContext, m: SendMatrix, row: number, d: number): number {
  if (!ctx.blind) return MAYBE;
  const info = ctx.rowInfo[row]!;
  const a = ctx.destAddr[d]!;
  const t = outTmpl(ctx, info, info.iv.find(a), a);
  if (t.kind !== 'out') return t.kind === 'local' ? (t.loOk ? YES : NO) : t.kind === 'fail' ? NO : MAYBE;
  const f = sendVia(ctx, m.memo, info, t, a, d);
  if (f !== YES) return f;
  if (t.srcSlot < 0) return MAYBE;
  return m.get(t.srcSlot, ctx.destOwner[d]!);
}

/**
 * A whole row at once: `out[d]` = pingPair(row, d) for every destination, walking the
 * destinations in address order beside the source's intervals (no search per pair). Per
 * interval the decision is looked at once; per destination what is left is a few array reads.
 */
export function pingRow(ctx: ReachContext, m: SendMatrix, row: number, out: Uint8Array): void {
  if (!ctx.blind) {
    out.fill(MAYBE);
    return;
  }
  const info = ctx.rowInfo[row]!;
  const starts = info.iv.starts;
  const nIv = starts.length;
  const order = ctx.destSorted;
  const addrs = ctx.destAddr;
  const owners = ctx.destOwner;
  const memo = m.memo;
  const router = info.router;
  let iv = -1;
  let nextStart = 0;
  // per interval: 0 constant answer, 1 through a gateway's endpoint, 2 direct, 3 the generic path
  let mode = 0;
  let constant = 0;
  let t: Tmpl | null = null;
  let y = -1;
  let back: Uint8Array | null = null;
  for (let k = 0; k < order.length; k++) {
    const d = order[k]!;
    const a = addrs[d]!;
    if (a >= nextStart) {
      do iv++;
      while (iv + 1 < nIv && starts[iv + 1]! <= a);
      nextStart = iv + 1 < nIv ? starts[iv + 1]! : 2 ** 32;
      t = outTmpl(ctx, info, iv, a);
      back = t.srcSlot >= 0 ? m.column(t.srcSlot) : null;
      if (t.kind !== 'out') {
        mode = 0;
        constant = t.kind === 'local' ? (t.loOk ? YES : NO) : t.kind === 'fail' ? NO : MAYBE;
      } else if (!back) {
        mode = 0;
        constant = MAYBE;
      } else if (t.gw >= 0 && !router) {
        y = nextOf(ctx, t, a);
        mode = y === FAIL ? 0 : y === UNSURE ? 0 : 1;
        constant = y === FAIL ? NO : MAYBE;
      } else {
        mode = 3;
      }
    }
    let f: number;
    if (mode === 0) {
      out[d] = constant;
      continue;
    } else if (mode === 1) {
      const c = memo.at(y, d, a);
      f = c === C_DELIVERED ? (memo.hops > MAX_ROUTERS ? NO : YES) : c === C_UNSURE ? MAYBE : NO;
    } else {
      f = sendVia(ctx, memo, info, t!, a, d);
    }
    if (f !== YES) {
      out[d] = f;
      continue;
    }
    const o = owners[d]!;
    const v = back![o]!;
    out[d] = v !== 0 ? v : m.get(t!.srcSlot, o);
  }
}
