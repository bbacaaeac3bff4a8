/**
 * All-pairs reachability over the fast path, lazily: a pair is computed when asked (and the
 * send matrix and chains it used are kept), pairs the fast path cannot claim are asked of the
 * event engine once. Before each question the model is compared with what was computed: a
 * route change recomputes only the destinations inside the changed prefixes (and, in the rows
 * kept, only those columns and the rows of sources holding an address there); anything else
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
import { RowCache, type RowSource } from './rows.js';

export class FastReachability implements Reachability {
  private ctx!: ReachContext;
  private memo!: ChainMemo;
  private m!: SendMatrix;
  private tracker!: ChangeTracker | null;
  private readonly engineAnswers = new Map<number, boolean>();
  private checked = 0;
  private version = -1;
  private count: number | null = null;
  /** every pair, 1 reachable / 0 not, row-major, as handed out by matrix() (dropped on change) */
  private all: Uint8Array | null = null;
  /** the rows computed so far, kept across route changes */
  private rows!: RowCache;
  /** some namespace runs netfilter hooks: the fast path knows nothing of rules, every pair is the engine's */
  private netfilter = false;
  private readonly rowSource: RowSource = {
    full: (i, out) => this.rowInto(i, out),
    one: (i, j) => {
      const v = this.useEngine ? MAYBE : pingPair(this.ctx, this.m, i, j);
      return v === MAYBE ? (this.engine(i, j) ? 3 : 2) : v === YES ? 1 : 0;
    },
  };

  constructor(
    readonly lab: LabModel,
    private readonly opts: ReachOptions = {},
  ) {
    this.rebuild();
  }

  private get useEngine(): boolean {
    return this.opts.engine === true || this.netfilter;
  }

  private rebuild(): void {
    this.netfilter = [...this.lab.namespaces(), ...this.lab.infraNamespaces()].some((ns) => ns.nf !== null && !ns.nf.empty);
    this.ctx = new ReachContext(this.lab);
    this.memo = new ChainMemo(this.ctx, this.ctx.destinations.length);
    this.m = new SendMatrix(this.ctx, this.memo);
    this.tracker = this.opts.track === false ? null : new ChangeTracker(this.lab);
    this.engineAnswers.clear();
    this.version = this.lab.version;
    this.count = null;
    this.all = null;
    this.rows = new RowCache(this.ctx.sources.length, this.ctx.destinations.length);
  }

  /**
   * Brings the caches in step with the model (called by every question).
   *
   * Why a route change touches only some pairs. A change of routes in namespace X (table
   * main or another non-local table; anything else rebuilds) changes X's lookups of the
   * addresses inside the changed prefixes, and no other lookup anywhere. The fast path's pair
   * (s, d) — `pingPair` in send.ts — is made of:
   * - s's output decision for d's address (`outTmpl`: a lookup of d's address in s, the
   *   source address it picks — one of s's own addresses — and ARP answers, which depend on
   *   table local only);
   * - the chain toward slot d (the chain memo: lookups of d's address at each router on the
   *   way, ARP answers), forgotten here for every d inside a changed prefix;
   * - the reply: the send matrix entry from d's owner toward the ping's source address
   *   (column `srcSlot`: lookups of that address along the way back), forgotten here when
   *   that address is inside a changed prefix.
   * So (s, d) can change only if d's address is inside a changed prefix (a dirty column), or
   * the source address s uses is — which needs s to hold an address there (a dirty row).
   * Templates of X are recomputed from its new classes (`refreshRoutes`) and give the same
   * answers for addresses outside the prefixes. Pairs handed to the event engine are not
   * covered by this argument (the engine walks everything): they are asked again after any
   * change.
   */
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
    // the engine's answers were dropped: a new epoch makes the rows ask for them again
    if (!changes.length) {
      this.rows.change([], []);
      return;
    }
    const ranges: [number, number][] = [];
    for (const c of changes) {
      const info = ctx.infoOf.get(c.ns);
      if (!info || info.st.fib.customRules || !ctx.stillBlind(info)) {
        this.rebuild();
        return;
      }
      ctx.refreshRoutes(info, c.ranges);
      ranges.push(...c.ranges);
    }
    // the destinations inside the changed prefixes (merged: nested prefixes are common), by
    // binary search over the sorted ones
    ranges.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    const order = ctx.destSorted;
    const addrs = ctx.destAddr;
    const slots: number[] = [];
    for (const [f, l] of merged) {
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
    const owners = new Set<number>();
    for (const d of slots) owners.add(ctx.destOwner[d]!);
    this.rows.change(slots, owners);
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
    const v = this.useEngine ? MAYBE : pingPair(this.ctx, this.m, i, j);
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
    return this.rows.get(i, this.rowSource).slice();
  }

  /** out[j] = 1 when reachable, else 0; returns the columns the engine decided. */
  private rowInto(i: number, out: Uint8Array): number[] {
    if (this.useEngine) out.fill(MAYBE);
    else pingRow(this.ctx, this.m, i, out);
    const maybe: number[] = [];
    for (let j = 0; j < out.length; j++) {
      const v = out[j]!;
      if (v === MAYBE) maybe.push(j);
      out[j] = (v === MAYBE ? this.engine(i, j) : v === YES) ? 1 : 0;
    }
    return maybe;
  }

  /** Whether bringing the kept rows up to date is cheaper than a bulk pass. */
  private incrementalPays(): boolean {
    return this.rows.staleWork() * 2 < this.ctx.sources.length * this.ctx.destinations.length;
  }

  /**
   * Every pair (1/0, row-major), kept until the model changes; after a route change made
   * from the kept rows when that is cheaper than the bulk pass. The array returned is never
   * written afterwards (a later change makes a new one).
   */
  matrix(): Uint8Array {
    this.refresh();
    if (this.all) return this.all;
    const ns = this.ctx.sources.length;
    const nd = this.ctx.destinations.length;
    const pairs = ns * nd;
    const progress = this.opts.onProgress;
    const rows = this.rows;
    if (this.incrementalPays()) {
      const m = new Uint8Array(pairs);
      for (let i = 0; i < ns; i++) {
        m.set(rows.get(i, this.rowSource), i * nd);
        if (progress && (i & 63) === 63) progress((i + 1) * nd, pairs);
      }
      if (progress) progress(pairs, pairs);
      rows.adopt(m);
      this.count = rows.total();
      this.all = m;
      return m;
    }
    const m = this.useEngine ? new Uint8Array(pairs).fill(MAYBE) : allPairs(this.ctx, this.memo, progress ? (done, total) => progress(Math.round((done / total) * pairs), pairs) : undefined);
    const counts = new Int32Array(ns);
    const maybe: (number[] | undefined)[] = new Array(ns);
    let c = 0;
    for (let i = 0; i < ns; i++) {
      const off = i * nd;
      let ci = 0;
      for (let j = 0; j < nd; j++) {
        const v = m[off + j]!;
        if (v === MAYBE) (maybe[i] ??= []).push(j);
        const r = v === MAYBE ? this.engine(i, j) : v === YES;
        m[off + j] = r ? 1 : 0;
        if (r) ci++;
      }
      counts[i] = ci;
      c += ci;
    }
    rows.adopt(m, { counts, maybe });
    this.count = c;
    this.all = m;
    return m;
  }

  get reachableCount(): number {
    this.refresh();
    if (this.count !== null) return this.count;
    // the kept rows up to date give the count without building the matrix
    if (this.incrementalPays()) {
      for (let i = 0; i < this.ctx.sources.length; i++) this.rows.get(i, this.rowSource);
      this.count = this.rows.total();
    } else {
      this.matrix();
    }
    return this.count!;
  }

  *unreachable(): Iterable<ReachPair> {
    const m = this.matrix();
    const nd = this.ctx.destinations.length;
    for (let k = 0; k < m.length; k++) if (!m[k]) yield { source: Math.floor(k / nd), destination: k % nd, reachable: false };
  }
}
