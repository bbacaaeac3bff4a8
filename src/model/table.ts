import type { Route } from './route.js';
import type { RouteJournal } from './route-journal.js';
import { isCustomLocal } from './fib-view.js';

/**
 * One routing table, kept in the order the kernel dumps it (fib_trie walk): by destination
 * key, then longer prefix first for the same key (a leaf's aliases are sorted by suffix
 * length: 10.0.0.0/24 before 10.0.0.0/16, 0.0.0.0/8 before default), then by TOS (higher
 * first) and metric, then insertion order (NLM_F_APPEND puts a route after its equals).
 * Edits through `insert`, `remove` and `replace` are noted in the namespace's route journal.
 */
export class RouteTable {
  readonly routes: Route[] = [];
  /** how many routes of each prefix length the table holds: a lookup tries only these lengths */
  private readonly perLen = new Int32Array(33);
  /** how many `local` routes not made by the kernel it holds (fib-view.ts isCustomLocal) */
  private customLocal = 0;
  constructor(
    readonly id: number,
    /** where edits are noted (none for a scratch table) */
    private readonly journal: RouteJournal | null = null,
  ) {}

  /**
   * Position where a route with this key goes: before its equals, or after them with `append`
   * (a binary search: the table is sorted by key).
   */
  private insertIndex(r: Route, append: boolean): number {
    const routes = this.routes;
    let lo = 0;
    let hi = routes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareKey(routes[mid]!, r);
      if (c < 0 || (c === 0 && append)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(r: Route, append: boolean): void {
    this.routes.splice(this.insertIndex(r, append), 0, r);
    this.count(r, 1);
    this.journal?.record(this.id, r.dst, r.dstLen);
  }

  remove(r: Route): void {
    const i = this.routes.indexOf(r);
    if (i < 0) return;
    this.routes.splice(i, 1);
    this.count(r, -1);
    this.journal?.record(this.id, r.dst, r.dstLen);
  }

  /** Puts `r` where `old` was (NLM_F_REPLACE: same prefix, TOS and metric, so the same place). */
  replace(old: Route, r: Route): void {
    const i = this.routes.indexOf(old);
    if (i < 0) return;
    this.routes[i] = r;
    this.count(old, -1);
    this.count(r, 1);
    this.journal?.record(this.id, old.dst, old.dstLen);
    if (r.dst !== old.dst || r.dstLen !== old.dstLen) this.journal?.record(this.id, r.dst, r.dstLen);
  }

  private count(r: Route, by: number): void {
    this.perLen[r.dstLen] = (this.perLen[r.dstLen] ?? 0) + by;
    if (isCustomLocal(r)) this.customLocal += by;
  }

  /** Whether the table holds a route of this prefix length. */
  hasLength(len: number): boolean {
    return (this.perLen[len] ?? 0) > 0;
  }

  /** Whether the table holds a `local` route the kernel did not make itself. */
  get hasCustomLocal(): boolean {
    return this.customLocal > 0;
  }

  /** Routes with exactly this prefix, in table order (a binary search: the table is sorted by prefix). */
  withPrefix(dst: number, len: number): Route[] {
    const routes = this.routes;
    let lo = 0;
    let hi = routes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = routes[mid]!;
      if (m.dst < dst || (m.dst === dst && m.dstLen > len)) lo = mid + 1;
      else hi = mid;
    }
    const out: Route[] = [];
    for (let i = lo; i < routes.length && routes[i]!.dst === dst && routes[i]!.dstLen === len; i++) out.push(routes[i]!);
    return out;
  }
}

function compareKey(a: Route, b: Route): number {
  if (a.dst !== b.dst) return a.dst < b.dst ? -1 : 1;
  if (a.dstLen !== b.dstLen) return b.dstLen - a.dstLen;
  if (a.tos !== b.tos) return b.tos - a.tos;
  return a.metric - b.metric;
}
