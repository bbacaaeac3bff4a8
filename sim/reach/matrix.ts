/**
 * All-pairs reachability over the fast path, lazily: a pair is computed when asked (and the
 * send matrix and chains it used are kept), pairs the fast path cannot claim are asked of the
 * event engine once. Before each question the model is compared with what was computed: a
 * route change recomputes only the destinations inside the changed prefixes; anything else
 * starts over.
 */
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import type { Destination, Reachability, ReachOptions, ReachPair } from './api.js';
import { ChainMemo } from './chain.js';
import { ChangeTracker } from './changes.js';
import { ReachContext } from './context.js';
import { enginePing } from './engine.js';
import { MAYBE, pingPair, pingRow, SendMatrix, YES } from './send.js';
import { allPairs } from './bulk.js';

export class FastReachability implements Reachability {
  private ctx!: ReachContext;
  private memo!: ChainMemo;
  private m!: SendMatrix;
  private tracker!: ChangeTracker | null;
  private readonly engineAnswers = new Map<number, boolean>();
  private checked = 0;
  private version = -1;
  private count: number | null = null;
  /** every pair, 1 reachable / 0 not, row-major (after a full pass; dropped on change) */
  private all: Uint8Array | null = null;

  constructor(
    readonly lab: LabModel,
    private readonly opts: ReachOptions = {},
  ) {
    this.rebuild();
  }

  private rebuild(): void {
    this.ctx = new ReachContext(this.lab);
    this.memo = new ChainMemo(this.ctx, this.ctx.destinations.length);
    this.m = new SendMatrix(this.ctx, this.memo);
    this.tracker = this.opts.track === false ? null : new ChangeTracker(this.lab);
    this.engineAnswers.clear();
    this.version = this.lab.version;
    this.count = null;
    this.all = null;
  }

  /** Brings the caches in step with the model (called by every question). */
  refresh(): void {
    if (this.lab.version === this.version) return;
    const changes = this.tracker ? this.tracker.diff() : 'rebuild';
    this.version = this.lab.version;
    if (changes === 'rebuild') {
      this.rebuild();
      return;
    }
    this.count = null;
    this.all = null;
    this.engineAnswers.clear();
    const ctx = this.ctx;
    const ranges: [number, number][] = [];
    for (const c of changes) {
      const info = ctx.infoOf.get(c.ns);
      if (!info || info.st.fib.customRules || !ctx.stillBlind(info)) {
        this.rebuild();
        return;
      }
      ctx.refreshRoutes(info);
      ranges.push(...c.ranges);
    }
    if (!ranges.length) return;
    // the destinations inside the changed prefixes, by binary search over the sorted ones
    const order = ctx.destSorted;
    const addrs = ctx.destAddr;
    const slots: number[] = [];
    for (const [f, l] of ranges) {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (addrs[order[mid]!]! < f) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < order.length && addrs[order[k]!]! <= l; k++) slots.push(order[k]!);
    }
    this.memo.forget(slots);
    this.m.forget(slots);
  }

  get sources(): readonly Netns[] {
    this.refresh();
    return this.ctx.sources;
  }

  get destinations(): readonly Destination[] {
    this.refresh();
    return this.ctx.destinations;
  }

  get engineChecked(): number {
    return this.checked;
  }

  /** Without refresh: the caller did it. */
  private pair(i: number, j: number): boolean {
    const v = this.opts.engine ? MAYBE : pingPair(this.ctx, this.m, i, j);
    return v === MAYBE ? this.engine(i, j) : v === YES;
  }

  private engine(i: number, j: number): boolean {
    const ctx = this.ctx;
    const key = i * ctx.destinations.length + j;
    let r = this.engineAnswers.get(key);
    if (r === undefined) {
      r = enginePing(this.lab, ctx.sources[i]!, ctx.destinations[j]!.addr);
      this.engineAnswers.set(key, r);
      this.checked++;
    }
    return r;
  }

  reachable(i: number, j: number): boolean {
    this.refresh();
    return this.pair(i, j);
  }

  row(i: number): Uint8Array {
    this.refresh();
    if (this.all) {
      const nd = this.ctx.destinations.length;
      return this.all.slice(i * nd, (i + 1) * nd);
    }
    const out = new Uint8Array(this.ctx.destinations.length);
    this.rowInto(i, out);
    return out;
  }

  /** out[j] = 1 when reachable, else 0; returns the count. */
  private rowInto(i: number, out: Uint8Array): number {
    if (this.opts.engine) out.fill(MAYBE);
    else pingRow(this.ctx, this.m, i, out);
    let c = 0;
    for (let j = 0; j < out.length; j++) {
      const v = out[j]!;
      const r = v === MAYBE ? this.engine(i, j) : v === YES;
      out[j] = r ? 1 : 0;
      if (r) c++;
    }
    return c;
  }

  /** Every pair (1/0, row-major), computed in one bulk pass and kept until the model changes. */
  matrix(): Uint8Array {
    this.refresh();
    if (this.all) return this.all;
    const ns = this.ctx.sources.length;
    const nd = this.ctx.destinations.length;
    const progress = this.opts.onProgress;
    const pairs = ns * nd;
    const m = this.opts.engine ? new Uint8Array(pairs).fill(MAYBE) : allPairs(this.ctx, this.memo, progress ? (done, total) => progress(Math.round((done / total) * pairs), pairs) : undefined);
    let c = 0;
    for (let i = 0; i < ns; i++) {
      const off = i * nd;
      for (let j = 0; j < nd; j++) {
        const v = m[off + j]!;
        const r = v === MAYBE ? this.engine(i, j) : v === YES;
        m[off + j] = r ? 1 : 0;
        if (r) c++;
      }
    }
    this.count = c;
    this.all = m;
    return m;
  }

  get reachableCount(): number {
    this.refresh();
    if (this.count === null) this.matrix();
    return this.count!;
  }

  *unreachable(): Iterable<ReachPair> {
    const m = this.matrix();
    const nd = this.ctx.destinations.length;
    for (let k = 0; k < m.length; k++) if (!m[k]) yield { source: Math.floor(k / nd), destination: k % nd, reachable: false };
  }
}
