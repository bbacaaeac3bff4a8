/**
 * Rows of the reachability matrix kept across route changes. A route change names the
 * destinations (columns) and sources (rows) whose pairs it may have changed — see
 * `FastReachability.refresh` for why no other pair can change — and stamps them with a new
 * epoch; a row asked for again recomputes only the columns changed since it was computed (and
 * the pairs the event engine decided, whose answers are not kept across changes), unless the
 * row itself was named, or too much changed, when it is computed whole. Each row keeps its
 * count of reachable pairs, so the lab's count is a sum over rows, not over pairs.
 */

/** How the owner computes a row or a pair. */
export interface RowSource {
  /** The whole row `i` into `out` (1 reachable / 0 not); returns the columns the engine decided. */
  full(i: number, out: Uint8Array): number[];
  /** Pair (i, j): bit 0 reachable, bit 1 decided by the engine. */
  one(i: number, j: number): number;
}

/** One change: the columns it concerns. */
interface Change {
  epoch: number;
  cols: readonly number[];
}

/** A column recomputed alone costs about this many destinations of a whole-row pass. */
const PAIR_COST = 4;
/** Changes remembered at most (many change no column: routes to prefixes without destinations). */
const LOG_MAX = 256;

/**
 * The rows of one `FastReachability`, kept by epoch.
 *
 * @example
 * const rows = new RowCache(sources, destinations);
 * rows.get(i, src);            // computed whole the first time
 * rows.change(slots, owners);  // after a route change
 * rows.get(i, src);            // only the columns in `slots` recomputed (unless i is an owner)
 */
export class RowCache {
  /** bumped by every change */
  epoch = 0;
  /** a full matrix (row-major), never written: rows not in `own` are read from it */
  private base: Uint8Array | null = null;
  /** rows computed or updated since `base` */
  private readonly own: (Uint8Array | undefined)[];
  /** epoch each row's data is current at (−1: no data) */
  private readonly at: Int32Array;
  /** reachable pairs of each row's data */
  readonly counts: Int32Array;
  /** per row, the columns the event engine decided */
  private readonly maybe: (readonly number[] | undefined)[];
  /** the epoch of the last change that named each row */
  private readonly dirtyAt: Int32Array;
  /** recent changes, oldest first; a row older than `floor` starts over */
  private log: Change[] = [];
  private logCols = 0;
  private floor = 0;
  /** per column, the stamp of the last union it was put in (dedup without a Set) */
  private readonly mark: Uint32Array;
  private stamp = 0;

  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    this.own = new Array(rows);
    this.at = new Int32Array(rows).fill(-1);
    this.counts = new Int32Array(rows);
    this.maybe = new Array(rows);
    this.dirtyAt = new Int32Array(rows);
    this.mark = new Uint32Array(cols);
  }

  /** After a change: pairs in `cols` (any row) and in `rows` (any column) may differ now. */
  change(cols: readonly number[], rows: Iterable<number>): void {
    const epoch = ++this.epoch;
    this.log.push({ epoch, cols });
    this.logCols += cols.length;
    // beyond a row's worth of columns, a whole row is cheaper than their union: forget the oldest
    while ((this.logCols > this.cols || this.log.length > LOG_MAX) && this.log.length > 1) {
      const old = this.log.shift()!;
      this.logCols -= old.cols.length;
      this.floor = old.epoch;
    }
    for (const r of rows) this.dirtyAt[r] = epoch;
  }

  /** The columns row `i` (current at `at`) must recompute, or null when the whole row is cheaper. */
  private stale(i: number, at: number): number[] | null {
    if (at < this.floor || this.dirtyAt[i]! > at) return null;
    const limit = this.cols >> 2;
    const stamp = ++this.stamp;
    const mark = this.mark;
    const out: number[] = [];
    const add = (j: number) => {
      if (mark[j] === stamp) return;
      mark[j] = stamp;
      out.push(j);
    };
    for (let k = this.log.length - 1; k >= 0 && this.log[k]!.epoch > at; k--) {
      for (const j of this.log[k]!.cols) add(j);
      if (out.length > limit) return null;
    }
    for (const j of this.maybe[i] ?? []) add(j);
    return out.length > limit ? null : out;
  }

  /** Row `i` as of now (kept: the caller must not write it). */
  get(i: number, src: RowSource): Uint8Array {
    const at = this.at[i]!;
    const nd = this.cols;
    const base = this.base;
    let data = this.own[i] ?? (at >= 0 && base ? base.subarray(i * nd, (i + 1) * nd) : undefined);
    if (data && at === this.epoch) return data;
    const cols = data ? this.stale(i, at) : null;
    // no data until the row is done (should a pair throw half-way)
    this.at[i] = -1;
    if (!cols) {
      if (!this.own[i]) this.own[i] = new Uint8Array(nd);
      data = this.own[i]!;
      const maybe = src.full(i, data);
      let c = 0;
      for (let j = 0; j < nd; j++) c += data[j]!;
      this.counts[i] = c;
      this.maybe[i] = maybe.length ? maybe : undefined;
    } else {
      // the base matrix may have been handed out: it is never written
      if (!this.own[i]) this.own[i] = data!.slice();
      data = this.own[i]!;
      let c = this.counts[i]!;
      const maybe: number[] = [];
      for (const j of cols) {
        const v = src.one(i, j);
        const r = v & 1;
        c += r - data[j]!;
        data[j] = r;
        if (v & 2) maybe.push(j);
      }
      this.counts[i] = c;
      this.maybe[i] = maybe.length ? maybe : undefined;
    }
    this.at[i] = this.epoch;
    return data;
  }

  /**
   * About how many destination steps bringing every row up to date would take (a whole row
   * counts `cols`), to choose between that and a bulk pass.
   */
  staleWork(): number {
    const nd = this.cols;
    let w = 0;
    for (let i = 0; i < this.rows; i++) {
      const at = this.at[i]!;
      if (at === this.epoch) continue;
      if (at < 0 || at < this.floor || this.dirtyAt[i]! > at) {
        w += nd;
        continue;
      }
      let n = this.maybe[i]?.length ?? 0;
      for (let k = this.log.length - 1; k >= 0 && this.log[k]!.epoch > at; k--) n += this.log[k]!.cols.length;
      w += Math.min(nd, n * PAIR_COST);
    }
    return w;
  }

  /** The sum of the rows' counts (every row must be current). */
  total(): number {
    let c = 0;
    for (let i = 0; i < this.rows; i++) c += this.counts[i]!;
    return c;
  }

  /**
   * A full matrix, current now, becomes the base (its rows' own copies are dropped); `maybe`
   * and `counts` per row are given when the rows were not read through `get`.
   */
  adopt(m: Uint8Array, perRow?: { counts: Int32Array; maybe: (readonly number[] | undefined)[] }): void {
    this.base = m;
    this.own.fill(undefined);
    this.at.fill(this.epoch);
    if (perRow) {
      this.counts.set(perRow.counts);
      for (let i = 0; i < this.rows; i++) this.maybe[i] = perRow.maybe[i];
    }
  }
}
