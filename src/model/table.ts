import type { Route } from './route.js';

/**
 * One routing table, kept in the order the kernel dumps it (fib_trie walk): by destination
 * key, then longer prefix first for the same key (a leaf's aliases are sorted by suffix
 * length: 10.0.0.0/24 before 10.0.0.0/16, 0.0.0.0/8 before default), then by TOS (higher
 * first) and metric, then insertion order (NLM_F_APPEND puts a route after its equals).
 */
export class RouteTable {
  readonly routes: Route[] = [];
  constructor(readonly id: number) {}

  /** Position where a route with this key goes: after every route that sorts before or equal. */
  private insertIndex(r: Route, append: boolean): number {
    let i = 0;
    for (; i < this.routes.length; i++) {
      const c = compareKey(this.routes[i], r);
      if (c > 0) break;
      if (c === 0 && !append) break;
    }
    return i;
  }

  insert(r: Route, append: boolean): void {
    this.routes.splice(this.insertIndex(r, append), 0, r);
  }

  remove(r: Route): void {
    const i = this.routes.indexOf(r);
    if (i >= 0) this.routes.splice(i, 1);
  }

  /** Routes with exactly this prefix, in table order. */
  withPrefix(dst: number, len: number): Route[] {
    return this.routes.filter((r) => r.dst === dst && r.dstLen === len);
  }
}

function compareKey(a: Route, b: Route): number {
  if (a.dst !== b.dst) return a.dst < b.dst ? -1 : 1;
  if (a.dstLen !== b.dstLen) return b.dstLen - a.dstLen;
  if (a.tos !== b.tos) return b.tos - a.tos;
  return a.metric - b.metric;
}
