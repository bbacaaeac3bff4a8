/**
 * The compiled FIB of one namespace: the simulator's implementation of the model's FibTables
 * (src/model/fib-view.ts, where the lookup itself is written: rules, merged local/main, what
 * each alias answers). Each routing table is a longest-prefix-match structure over its routes
 * (until the first custom rule, local and main are compiled as the one trie the kernel keeps
 * them in), with the index of local addresses — brought up to date lazily when the
 * namespace's version changes: after `ip route` edits only (the namespace's route journal
 * names the prefixes) just those prefixes are read again; after anything else, or edits that
 * touch what the whole-namespace fields are made of (table local, `local` and `broadcast`
 * routes), it is compiled again. The model's plain scan (src/model/fib-lookup.ts) implements
 * the same view; test/property/route-agreement.test.ts holds the two in agreement.
 */
import type { Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import { TABLE, type Route, type RouteType } from '../src/model/route.js';
import type { RouteEdit } from '../src/model/route-journal.js';
import { addrType, aliasAnswer, fibLookup, ipDevFind, isCustomLocal, usesGateway, type FibResult, type FibTables, type Flow } from '../src/model/fib-view.js';
import { Lpm } from './lpm.js';

export type { Flow, FibErrno } from '../src/model/fib-view.js';
export type FibAnswer = FibResult;

const MASK: number[] = [];
for (let l = 0; l <= 32; l++) MASK.push(l === 0 ? 0 : (0xffffffff << (32 - l)) >>> 0);

interface CompiledTable {
  id: number;
  lpm: Lpm<Route[]>;
  /** prefix lengths present, longest first */
  lens: number[];
  /** prefixes per length (for `lens` when one comes or goes) */
  perLen: Int32Array;
}

function compileTable(id: number, routes: readonly Route[], more: readonly Route[] = []): CompiledTable {
  const lpm = new Lpm<Route[]>();
  const perLen = new Int32Array(33);
  const add = (r: Route) => {
    let a = lpm.get(r.dst, r.dstLen);
    if (!a) {
      a = [];
      lpm.insert(r.dst, r.dstLen, a);
      countLen(perLen, r.dstLen, 1);
    }
    a.push(r);
  };
  for (const r of routes) add(r);
  for (const r of more) add(r);
  return { id, lpm, lens: lensOf(perLen), perLen };
}

/** Adds `by` to the number of prefixes of length `len`; the new number. */
function countLen(perLen: Int32Array, len: number, by: number): number {
  const n = (perLen[len] ?? 0) + by;
  perLen[len] = n;
  return n;
}

function lensOf(perLen: Int32Array): number[] {
  const lens: number[] = [];
  for (let l = 32; l >= 0; l--) if (perLen[l]) lens.push(l);
  return lens;
}

/** Routes the whole-namespace fields (customLocalRoutes, broadcasts) are made of. */
function special(routes: readonly Route[] | undefined): boolean {
  if (routes) for (const r of routes) if (r.type === 'local' || r.type === 'broadcast') return true;
  return false;
}

/** Which compiled table answers for table `id`: main is the merged trie while local and main share one. */
const MERGED = -1;

export class Fib implements FibTables {
  private readonly tables = new Map<number, CompiledTable>();
  /** local and main compiled as one trie (no custom rule yet): lookups in either go through it */
  private readonly merged: boolean;
  /** fib_has_custom_local_routes: a `local` route added by hand */
  readonly customLocalRoutes: boolean;
  /** each local address and the first device (in link order) holding it: inet_lookup_ifaddr_rcu */
  readonly addrDev = new Map<Ip4, Link>();
  /** destinations of `broadcast` routes in table local (a quick test before addrType) */
  readonly broadcasts = new Set<Ip4>();

  /** the namespace's structVersion it was compiled at (route edits since are applied in place) */
  private readonly structVersion: number;

  private constructor(
    readonly ns: Netns,
    /** the namespace version it answers for */
    public version: number,
  ) {
    this.structVersion = ns.structVersion;
    this.merged = !ns.customRules;
    let custom = false;
    for (const [id, t] of ns.tables) {
      if (this.merged && (id === TABLE.local || id === TABLE.main)) continue;
      this.tables.set(id, compileTable(id, t.routes));
    }
    if (this.merged) this.tables.set(MERGED, compileTable(TABLE.main, ns.tables.get(TABLE.local)?.routes ?? [], ns.tables.get(TABLE.main)?.routes ?? []));
    for (const t of ns.tables.values()) {
      for (const r of t.routes) {
        if (isCustomLocal(r)) custom = true;
        if (r.type === 'broadcast' && r.dstLen === 32) this.broadcasts.add(r.dst);
      }
    }
    this.customLocalRoutes = custom;
    for (const l of ns.linkList()) for (const a of l.addrs) if (!this.addrDev.has(a.local)) this.addrDev.set(a.local, l);
  }

  /**
   * The FIB of `ns`: `prev` when the namespace has not changed since, `prev` updated in place
   * when only `ip route` edits were made since (its owner, NsState, is the only holder), else
   * a new one.
   */
  static of(ns: Netns, prev: Fib | null): Fib {
    if (!prev || prev.ns !== ns) return new Fib(ns, ns.version);
    if (prev.version === ns.version) return prev;
    if (prev.structVersion === ns.structVersion) {
      const edits = ns.routeJournal.since(prev.version);
      if (edits && prev.apply(edits)) {
        prev.version = ns.version;
        return prev;
      }
    }
    return new Fib(ns, ns.version);
  }

  /** The compiled table holding table `id`'s routes. */
  private compiled(id: number): CompiledTable | undefined {
    return this.tables.get(this.merged && (id === TABLE.main || id === TABLE.local) ? MERGED : id);
  }

  /** The routes of one prefix as the compiled table holds them (local's first in the merged trie). */
  private routesAt(id: number, dst: Ip4, len: number): Route[] {
    const ns = this.ns;
    if (this.merged && id === TABLE.main) {
      const local = ns.tables.get(TABLE.local)?.withPrefix(dst, len) ?? [];
      const main = ns.tables.get(TABLE.main)?.withPrefix(dst, len) ?? [];
      return local.length ? [...local, ...main] : main;
    }
    return ns.tables.get(id)?.withPrefix(dst, len) ?? [];
  }

  /**
   * Reads again the routes of each edited prefix from the model, in table order; false (and
   * nothing changed) when an edit concerns table local or `local`/`broadcast` routes, which
   * the whole-namespace fields depend on.
   */
  private apply(edits: readonly RouteEdit[]): boolean {
    const ns = this.ns;
    for (const e of edits) {
      if (e.table === TABLE.local) return false;
      const t = this.compiled(e.table);
      if (t && special(t.lpm.get(e.dst, e.dstLen))) return false;
      if (special(ns.tables.get(e.table)?.withPrefix(e.dst, e.dstLen))) return false;
    }
    for (const e of edits) {
      const src = ns.tables.get(e.table);
      if (!src) continue;
      const t = this.compiled(e.table);
      if (!t) {
        // a table made since: compiled whole, which already holds every later edit of it
        this.tables.set(e.table, compileTable(e.table, src.routes));
        continue;
      }
      const now = this.routesAt(e.table, e.dst, e.dstLen);
      const had = t.lpm.get(e.dst, e.dstLen) !== undefined;
      let lenChanged = false;
      if (now.length) {
        t.lpm.insert(e.dst, e.dstLen, now);
        if (!had) lenChanged = countLen(t.perLen, e.dstLen, 1) === 1;
      } else if (had) {
        t.lpm.remove(e.dst, e.dstLen);
        lenChanged = countLen(t.perLen, e.dstLen, -1) === 0;
      }
      if (lenChanged) t.lens = lensOf(t.perLen);
    }
    return true;
  }

  /** fib4_has_custom_rules: the policy rules are walked (local and main are apart) */
  get customRules(): boolean {
    return !this.merged;
  }

  hasTable(id: number): boolean {
    return this.ns.tables.has(id);
  }

  /** fib_table_lookup in one table (see FibTables); null when nothing answers (or a `throw` route). */
  tableLookup(id: number, flow: Flow): FibResult | null {
    const t = this.compiled(id);
    if (!t) return null;
    // table local alone, out of the merged trie: only its own aliases
    const only = this.merged && id === TABLE.local ? TABLE.local : -1;
    const answersAs = only >= 0 ? only : t.id;
    const dst = flow.dst;
    const longest = t.lpm.lookupLen(dst);
    if (longest < 0) return null;
    for (const len of t.lens) {
      if (len > longest) continue;
      const routes = len === longest ? t.lpm.lookup(dst) : t.lpm.get((dst & (MASK[len] ?? 0)) >>> 0, len);
      if (!routes) continue;
      for (const r of routes) {
        if (only >= 0 && r.table !== only) continue;
        const ans = aliasAnswer(r, flow, answersAs);
        if (ans !== undefined) return ans;
      }
    }
    return null;
  }

  ifaddrDev(addr: Ip4): Link | null {
    return this.addrDev.get(addr) ?? null;
  }

  /** fib_lookup: through the merged trie or the policy rules (src/model/fib-view.ts). */
  lookup(flow: Flow): FibResult {
    return fibLookup(this, flow);
  }

  /** inet_addr_type_dev_table on table local (src/model/fib-view.ts). */
  addrType(addr: Ip4, dev: Link | null = null): RouteType {
    return addrType(this, addr, dev);
  }

  /** __ip_dev_find (src/model/fib-view.ts). */
  localDev(addr: Ip4): Link | null {
    return ipDevFind(this, addr);
  }

  /** Whether a route's nexthop goes through its gateway (nh scope link), rather than on-link to dst. */
  static usesGateway(r: Route): boolean {
    return usesGateway(r);
  }
}
