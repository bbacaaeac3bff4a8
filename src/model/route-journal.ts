/**
 * The recent edits of a namespace's routing tables: which prefix of which table changed, at
 * which namespace version. Caches of route lookups (the simulator's compiled FIB, reachability)
 * read it to update only what a route change touched, instead of recompiling the namespace.
 * It is bounded: the oldest edits are dropped, and a cache older than what is kept starts over.
 */

/** One edit: the routes of `table` with exactly `dst/dstLen` changed while the namespace was at `version`. */
export interface RouteEdit {
  readonly table: number;
  readonly dst: number;
  readonly dstLen: number;
  readonly version: number;
}

/** What the journal reads the current version from (the namespace). */
interface Versioned {
  readonly version: number;
}

/**
 * A ring of the last `capacity` route edits of one namespace, oldest first.
 *
 * @example
 * const j = ns.routeJournal;
 * const v = ns.version;
 * apply({ ns }, routeAddOp);
 * j.since(v); // [{ table: 254, dst: 0x0a000000, dstLen: 8, version: v }]
 */
export class RouteJournal {
  /** kept edits; `ring[(head + k) % capacity]` is the k-th oldest */
  private readonly ring: RouteEdit[] = [];
  private head = 0;
  /** every edit made at a version ≥ floor is still kept */
  private floor = 0;

  constructor(
    private readonly owner: Versioned,
    readonly capacity = 1024,
  ) {}

  /** Notes that the routes of `table` with prefix `dst/dstLen` changed (RouteTable calls this). */
  record(table: number, dst: number, dstLen: number): void {
    const e: RouteEdit = { table, dst, dstLen, version: this.owner.version };
    const ring = this.ring;
    if (ring.length < this.capacity) {
      ring.push(e);
      return;
    }
    // full: the oldest edit goes, and with it the versions it belonged to
    const old = ring[this.head]!;
    this.floor = old.version + 1;
    ring[this.head] = e;
    this.head = (this.head + 1) % this.capacity;
  }

  /** Whether every edit made at a version ≥ `version` is still kept. */
  covers(version: number): boolean {
    return version >= this.floor;
  }

  /**
   * The edits made at versions ≥ `version`, oldest first; null when some of them were
   * dropped (the caller must start over).
   */
  since(version: number): RouteEdit[] | null {
    if (version < this.floor) return null;
    const ring = this.ring;
    const n = ring.length;
    const cap = this.capacity;
    // the edits asked for are the newest ones: walk back from the end
    let k = n;
    while (k > 0 && ring[(this.head + k - 1) % cap]!.version >= version) k--;
    const out: RouteEdit[] = [];
    for (let i = k; i < n; i++) out.push(ring[(this.head + i) % cap]!);
    return out;
  }
}
