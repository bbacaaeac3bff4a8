/**
 * Chains: where a packet for one destination goes from a router's ingress endpoint on, memoised
 * per (ingress endpoint, destination slot) — every source whose packets reach that router for
 * that destination shares the rest of the way. A chain ends delivered (with the number of
 * routers that forwarded it, for TTL), in a loop (it came back to an endpoint it had passed),
 * in a blackhole (no route, an unreachable route or rule: ICMP error or silent), dropped
 * (forwarding off, ARP failure, link down …), or unsure (handed to the engine).
 */
import type { Ip4 } from '../../src/model/ip.js';
import type { DropReason } from '../trace.js';
import type { ReachContext } from './context.js';
import { answer, FAIL, inTmpl, nextOf, UNSURE, type InTmpl } from './templates.js';

export const C_DELIVERED = 1;
export const C_LOOP = 2;
export const C_BLACKHOLE = 3;
export const C_DROPPED = 4;
export const C_UNSURE = 5;
const C_BUSY = 6;

/** The kernel's default TTL allows 63 forwarding routers before the 64th drops it. */
export const MAX_ROUTERS = 63;

interface Arrays {
  code: Uint8Array;
  hops: Uint8Array;
  next: Int32Array;
  /** the number of `forget`s applied to it (they are applied when it is next read) */
  synced: number;
}

/** Pending forgets kept before every array is brought up to date at once. */
const PENDING_MAX = 32;

const BLACKHOLE_REASONS = new Set<DropReason>(['no-route', 'blackhole', 'unreachable', 'prohibit']);

/** The code of a decision that ends the chain here. */
export function endCode(t: InTmpl): number {
  if (t.kind === 'local') return C_DELIVERED;
  if (t.kind === 'unsure') return C_UNSURE;
  if (t.kind === 'error' || (t.reason && BLACKHOLE_REASONS.has(t.reason))) return C_BLACKHOLE;
  return C_DROPPED;
}

/**
 * A domain's cache of direct next hops: Map while small, arrays once it grows. Each entry
 * carries the epoch of its slot when computed: forgetting a slot bumps its epoch, so that
 * nothing has to be deleted from every domain.
 */
interface DomainCache {
  map: Map<number, number> | null;
  epochs: Map<number, number> | null;
  arr: Int32Array | null;
  arrEpoch: Uint32Array | null;
}
const DOMAIN_MAP_MAX = 256;

export class ChainMemo {
  private readonly arrays: (Arrays | undefined)[] = [];
  private readonly domains: (DomainCache | undefined)[] = [];
  /** what was allocated, to forget without scanning every endpoint and domain */
  private readonly allocated: Arrays[] = [];
  private readonly domainList: DomainCache[] = [];
  private readonly slotEpoch: Uint32Array;
  private readonly stack: number[] = [];
  /** `forget`s so far, and the slot runs of the recent ones not yet applied to every array */
  private forgets = 0;
  private pending: { n: number; runs: number[] }[] = [];
  /** hops of the last answer of `at` or `direct` */
  hops = 0;
  /** the answering endpoint of the last `direct` (−1 none, −2 unsure) */
  lastEp = -1;

  constructor(
    private readonly ctx: ReachContext,
    readonly slots: number,
  ) {
    this.slotEpoch = new Uint32Array(slots);
  }

  private arr(ep: number): Arrays {
    let a = this.arrays[ep];
    if (!a) {
      const n = this.slots;
      a = { code: new Uint8Array(n), hops: new Uint8Array(n), next: new Int32Array(n), synced: this.forgets };
      this.arrays[ep] = a;
      this.allocated.push(a);
    } else if (a.synced !== this.forgets) {
      this.catchUp(a);
    }
    return a;
  }

  /** An endpoint's arrays, up to date (undefined: nothing memoised there yet). */
  private read(ep: number): Arrays | undefined {
    const a = this.arrays[ep];
    if (a && a.synced !== this.forgets) this.catchUp(a);
    return a;
  }

  /** Applies to `a` the forgets it has not seen. */
  private catchUp(a: Arrays): void {
    const p = this.pending;
    let k = p.length;
    while (k > 0 && p[k - 1]!.n > a.synced) k--;
    for (; k < p.length; k++) {
      const runs = p[k]!.runs;
      for (let r = 0; r < runs.length; r += 2) a.code.fill(0, runs[r]!, runs[r + 1]!);
    }
    a.synced = this.forgets;
  }

  /**
   * Forgets every chain toward the given slots (after a change that concerns them). Each
   * endpoint's arrays forget when next read, so a change costs only what is asked after it.
   */
  forget(slots: Iterable<number>): void {
    // as runs of consecutive slots (a prefix's destinations mostly are), each cleared by one fill
    const list = Int32Array.from(slots).sort();
    const runs: number[] = [];
    for (let k = 0; k < list.length; ) {
      const start = list[k]!;
      let end = start + 1;
      while (++k < list.length && list[k]! <= end) end = list[k]! + 1;
      runs.push(start, end);
    }
    for (const s of list) this.slotEpoch[s]!++;
    this.pending.push({ n: ++this.forgets, runs });
    if (this.pending.length > PENDING_MAX) {
      for (const a of this.allocated) if (a.synced !== this.forgets) this.catchUp(a);
      this.pending = [];
    }
  }

  /**
   * A packet for `a` (slot `slot`) sent on domain `dom` to `a` itself (a direct route): the
   * endpoint answering ARP for it (`lastEp`), then its chain. The same for every requester
   * of the domain, so cached per (domain, slot).
   */
  direct(dom: number, slot: number, a: Ip4): number {
    let c = this.domains[dom];
    if (!c) {
      this.domains[dom] = c = { map: new Map(), epochs: new Map(), arr: null, arrEpoch: null };
      this.domainList.push(c);
    }
    const epoch = this.slotEpoch[slot]!;
    let v: number;
    if (c.map) {
      v = c.map.get(slot) ?? 0;
      if (v !== 0 && c.epochs!.get(slot) !== epoch) v = 0;
    } else {
      v = c.arr![slot]!;
      if (v !== 0 && c.arrEpoch![slot] !== epoch) v = 0;
    }
    if (v === 0) {
      const y = answer(this.ctx, dom, a);
      const code = y === FAIL ? C_DROPPED : y === UNSURE ? C_UNSURE : this.at(y, slot, a);
      const hops = y < 0 ? 0 : this.hops;
      v = code | (hops << 3) | ((y + 3) << 11);
      if (c.map) {
        c.map.set(slot, v);
        c.epochs!.set(slot, epoch);
        if (c.map.size > DOMAIN_MAP_MAX && this.ctx.l2.epLink.length < 1 << 19) {
          const arr = new Int32Array(this.slots);
          const ep = new Uint32Array(this.slots);
          for (const [k, x] of c.map) arr[k] = x;
          for (const [k, x] of c.epochs!) ep[k] = x;
          c.arr = arr;
          c.arrEpoch = ep;
          c.map = null;
          c.epochs = null;
        }
      } else {
        c.arr![slot] = v;
        c.arrEpoch![slot] = epoch;
      }
    }
    this.hops = (v >>> 3) & 255;
    this.lastEp = (v >>> 11) - 3;
    return v & 7;
  }

  /** The endpoint after `ep` on the chain of `slot` (−1 at the end). */
  nextAfter(ep: number, slot: number, a: Ip4): number {
    if (inTmpl(this.ctx, this.ctx.epInfo[ep]!, ep, a).kind !== 'out') return -1;
    const arr = this.read(ep);
    return arr && arr.code[slot] ? arr.next[slot]! : -1;
  }

  /** The fate of a packet for `a` (slot `slot`) arriving on endpoint `ep0`; `hops` is set. */
  at(ep0: number, slot: number, a: Ip4): number {
    const first = this.read(ep0);
    if (first) {
      const c0 = first.code[slot]!;
      if (c0 !== 0 && c0 !== C_BUSY) {
        this.hops = first.hops[slot]!;
        return c0;
      }
    }
    const ctx = this.ctx;
    const stack = this.stack;
    let depth = 0;
    let ep = ep0;
    let code: number;
    let hops = 0;
    for (;;) {
      const t = inTmpl(ctx, ctx.epInfo[ep]!, ep, a);
      if (t.kind !== 'out') {
        code = endCode(t);
        break;
      }
      const arr = this.arr(ep);
      const c = arr.code[slot]!;
      if (c === C_BUSY) {
        code = C_LOOP;
        break;
      }
      if (c !== 0) {
        code = c;
        hops = arr.hops[slot]!;
        break;
      }
      arr.code[slot] = C_BUSY;
      stack[depth++] = ep;
      const nx = nextOf(ctx, t, a);
      arr.next[slot] = nx;
      if (nx < 0) {
        code = nx === FAIL ? C_DROPPED : C_UNSURE;
        hops = -1;
        break;
      }
      ep = nx;
    }
    for (let i = depth - 1; i >= 0; i--) {
      const arr = this.arrays[stack[i]!]!;
      hops++;
      arr.code[slot] = code;
      arr.hops[slot] = Math.min(hops, 255);
    }
    this.hops = hops < 0 ? 0 : Math.min(hops, 255);
    return code;
  }
}
