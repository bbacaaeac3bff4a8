/**
 * One direction of a ping in the fast path: a packet generated in a namespace, from its
 * output decision through the chain memo to the namespace that delivers it. And the pair:
 * the echo request there, the echo reply back, each within 63 forwarding routers.
 */
import type { Ip4 } from '../../src/model/ip.js';
import { C_DELIVERED, C_UNSURE, MAX_ROUTERS, type ChainMemo } from './chain.js';
import type { NsInfo, ReachContext } from './context.js';
import { IntervalCursor } from './intervals.js';
import { FAIL, nextOf, outTmpl, requesterOk, UNSURE, type Tmpl } from './templates.js';

/** answers of the matrix: 0 not yet known */
export const YES = 1;
export const NO = 2;
export const MAYBE = 3;

/** The answer of an output decision that does not leave through a device (local, fail, unsure). */
export function answerOf(t: Tmpl): number {
  return t.kind === 'local' ? (t.loOk ? YES : NO) : t.kind === 'fail' ? NO : MAYBE;
}

/** The answer of a walk through the chain memo that ended in `c`. */
export function chainAnswer(memo: ChainMemo, c: number): number {
  return c === C_DELIVERED ? (memo.hops > MAX_ROUTERS ? NO : YES) : c === C_UNSURE ? MAYBE : NO;
}

/** The rest of `send` once the output decision `t` is known. */
export function sendVia(ctx: ReachContext, memo: ChainMemo, info: NsInfo, t: Tmpl, a: Ip4, slot: number): number {
  if (t.kind !== 'out') return answerOf(t);
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
  if (t.kind !== 'out') return answerOf(t);
  const f = sendVia(ctx, m.memo, info, t, a, d);
  if (f !== YES) return f;
  if (t.srcSlot < 0) return MAYBE;
  return m.get(t.srcSlot, ctx.destOwner[d]!);
}

/**
 * One namespace's sends to every destination, walked in address order beside its intervals:
 * the output decision and how it goes on (a constant answer, through a gateway's endpoint in
 * the chain memo, or the generic path) are taken once per interval; per destination what is
 * left is a few array reads.
 */
export class SendWalk {
  /** the output decision of the interval entered last */
  t: Tmpl | null = null;
  private readonly cursor: IntervalCursor;
  /** 0 one answer for the interval, 1 through the gateway's endpoint `y`, 2 the generic path */
  private mode = 0;
  private constant = 0;
  private y = -1;

  constructor(
    private readonly ctx: ReachContext,
    private readonly memo: ChainMemo,
    private readonly info: NsInfo,
  ) {
    this.cursor = new IntervalCursor(info.iv.starts);
  }

  /** Moves to address `a` (ascending); true when a new interval starts there. */
  enter(a: Ip4): boolean {
    if (!this.cursor.enter(a)) return false;
    const t = (this.t = outTmpl(this.ctx, this.info, this.cursor.iv, a));
    if (t.kind !== 'out') {
      this.mode = 0;
      this.constant = answerOf(t);
    } else if (t.gw >= 0 && !this.info.router) {
      const y = (this.y = nextOf(this.ctx, t, a));
      this.mode = y < 0 ? 0 : 1;
      this.constant = y === FAIL ? NO : MAYBE;
    } else {
      this.mode = 2;
    }
    return true;
  }

  /** Whether the whole interval gets one answer (no walk, and no reply to look at). */
  get fixed(): boolean {
    return this.mode === 0;
  }

  /** send(namespace → destination d at address a) in the interval entered last. */
  send(d: number, a: Ip4): number {
    if (this.mode === 0) return this.constant;
    if (this.mode === 1) return chainAnswer(this.memo, this.memo.at(this.y, d, a));
    return sendVia(this.ctx, this.memo, this.info, this.t!, a, d); // mode 2: entered, so t is set
  }
}

/**
 * A whole row at once: `out[d]` = pingPair(row, d) for every destination: the request by the
 * row's walk, the reply from the matrix.
 */
export function pingRow(ctx: ReachContext, m: SendMatrix, row: number, out: Uint8Array): void {
  if (!ctx.blind) {
    out.fill(MAYBE);
    return;
  }
  const info = ctx.rowInfo[row]!;
  const order = ctx.destSorted;
  const addrs = ctx.destAddr;
  const owners = ctx.destOwner;
  const walk = new SendWalk(ctx, m.memo, info);
  let back: Uint8Array | null = null;
  /** the interval leaves by a device but its source address is no destination: the engine decides */
  let unsure = false;
  for (let k = 0; k < order.length; k++) {
    const d = order[k]!;
    const a = addrs[d]!;
    if (walk.enter(a)) {
      const t = walk.t!;
      back = t.srcSlot >= 0 ? m.column(t.srcSlot) : null;
      unsure = t.kind === 'out' && !back;
    }
    if (unsure) {
      out[d] = MAYBE;
      continue;
    }
    const f = walk.send(d, a);
    if (f !== YES || walk.fixed) {
      out[d] = f;
      continue;
    }
    const o = owners[d]!;
    const v = back![o]!;
    out[d] = v !== 0 ? v : m.get(walk.t!.srcSlot, o);
  }
}
