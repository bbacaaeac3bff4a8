/**
 * The compiled FIB of one namespace: each routing table as a longest-prefix-match structure over
 * its routes, the policy rules, and the index of local addresses — brought up to date lazily
 * when the namespace's version changes: after `ip route` edits only (the namespace's route
 * journal names the prefixes) just those prefixes are read again; after anything else, or edits
 * that touch what the whole-namespace fields are made of (table local, `local` and `broadcast`
 * routes), it is compiled again. Lookup follows net/ipv4/fib_trie.c fib_table_lookup (longest
 * prefix; within it the first alias in table order whose scope, type and nexthop fit; otherwise
 * back off to shorter prefixes) and fib_rules.c (rules in priority order, `throw` falls through).
 * The model's `src/model/fib-lookup.ts` is the plain-scan reference of the same rules.
 */
import { SCOPE } from '../src/model/address.js';
import type { Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import { PROTO, TABLE, type Route, type RouteType } from '../src/model/route.js';
import type { RouteEdit } from '../src/model/route-journal.js';
import type { Rule } from '../src/model/rule.js';
import { Lpm } from './lpm.js';

export type FibErrno = 'EINVAL' | 'EHOSTUNREACH' | 'EACCES' | 'ENETUNREACH';

export type FibAnswer = { kind: 'route'; route: Route; table: number } | { kind: 'error'; errno: FibErrno; route: Route | null };

/** A flow key (struct flowi4): what a lookup matches against. */
export interface Flow {
  dst: Ip4;
  /** 0 when not yet chosen */
  src: Ip4;
  /** output interface the result must use (flowi4_oif), or null */
  oif: Link | null;
  /** input interface for `iif` rules: the ingress device, or lo for local traffic */
  iif: Link | null;
  /** only routes of at least this scope (flowi4_scope); 0 = universe */
  scope: number;
}

const MASK: number[] = [];
for (let l = 0; l <= 32; l++) MASK.push(l === 0 ? 0 : (0xffffffff << (32 - l)) >>> 0);

const REJECT: Partial<Record<RouteType, FibErrno | 'EAGAIN'>> = {
  blackhole: 'EINVAL',
  unreachable: 'EHOSTUNREACH',
  prohibit: 'EACCES',
  throw: 'EAGAIN',
};

interface CompiledTable {
  id: number;
  lpm: Lpm<Route[]>;
  /** prefix lengths present, longest first */
  lens: number[];
  /** prefixes per length (for `lens` when one comes or goes) */
  perLen: Int32Array;
}

function compileTable(id: number, routes: readonly Route[]): CompiledTable {
  const lpm = new Lpm<Route[]>();
  const perLen = new Int32Array(33);
  for (const r of routes) {
    let a = lpm.get(r.dst, r.dstLen);
    if (!a) {
      a = [];
      lpm.insert(r.dst, r.dstLen, a);
      perLen[r.dstLen]!++;
    }
    a.push(r);
  }
  return { id, lpm, lens: lensOf(perLen), perLen };
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

function isDefaultRules(rules: readonly Rule[]): boolean {
  if (rules.length !== 3) return false;
  const want = [
    [0, 255],
    [32766, 254],
    [32767, 253],
  ];
  return rules.every((r, i) => r.priority === want[i]![0] && r.table === want[i]![1] && !r.src && !r.dst && !r.iif && !r.oif && r.action === 'lookup');
}

export class Fib {
  private readonly tables = new Map<number, CompiledTable>();
  readonly rules: readonly Rule[];
  /** fib4_has_custom_rules: rules other than the three defaults */
  readonly customRules: boolean;
  /** fib_has_custom_local_routes: a `local` route added by hand */
  readonly customLocalRoutes: boolean;
  /** each local address and the first device (in link order) holding it: __ip_dev_find */
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
    this.rules = ns.rules;
    this.customRules = !isDefaultRules(ns.rules);
    let custom = false;
    for (const [id, t] of ns.tables) {
      this.tables.set(id, compileTable(id, t.routes));
      for (const r of t.routes) {
        if (r.type === 'local' && r.protocol !== PROTO.kernel) custom = true;
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

  /**
   * Reads again the routes of each edited prefix from the model, in table order; false (and
   * nothing changed) when an edit concerns table local or `local`/`broadcast` routes, which
   * the whole-namespace fields depend on.
   */
  private apply(edits: readonly RouteEdit[]): boolean {
    const ns = this.ns;
    for (const e of edits) {
      if (e.table === TABLE.local) return false;
      const t = this.tables.get(e.table);
      if (t && special(t.lpm.get(e.dst, e.dstLen))) return false;
      if (special(ns.tables.get(e.table)?.withPrefix(e.dst, e.dstLen))) return false;
    }
    for (const e of edits) {
      const src = ns.tables.get(e.table);
      if (!src) continue;
      const t = this.tables.get(e.table);
      if (!t) {
        // a table made since: compiled whole, which already holds every later edit of it
        this.tables.set(e.table, compileTable(e.table, src.routes));
        continue;
      }
      const now = src.withPrefix(e.dst, e.dstLen);
      const had = t.lpm.get(e.dst, e.dstLen) !== undefined;
      let lenChanged = false;
      if (now.length) {
        t.lpm.insert(e.dst, e.dstLen, now);
        if (!had) lenChanged = t.perLen[e.dstLen]!++ === 0;
      } else if (had) {
        t.lpm.remove(e.dst, e.dstLen);
        lenChanged = --t.perLen[e.dstLen]! === 0;
      }
      if (lenChanged) t.lens = lensOf(t.perLen);
    }
    return true;
  }

  /** fib_table_lookup in one table; null when nothing matches (or a `throw` route). */
  tableLookup(id: number, flow: Flow): FibAnswer | null {
    const t = this.tables.get(id);
    if (!t) return null;
    const dst = flow.dst;
    const longest = t.lpm.lookupLen(dst);
    if (longest < 0) return null;
    const lens = t.lens;
    for (let i = 0; i < lens.length; i++) {
      const len = lens[i]!;
      if (len > longest) continue;
      const routes = len === longest ? t.lpm.lookup(dst) : t.lpm.get((dst & MASK[len]!) >>> 0, len);
      if (!routes) continue;
      for (let j = 0; j < routes.length; j++) {
        const r = routes[j]!;
        if (r.scope < flow.scope) continue;
        const rej = REJECT[r.type];
        if (rej === 'EAGAIN') return null;
        if (rej) return { kind: 'error', errno: rej, route: r };
        if (flow.oif && r.dev !== flow.oif) continue;
        return { kind: 'route', route: r, table: id };
      }
    }
    return null;
  }

  /** fib_lookup: through the policy rules in priority order. */
  lookup(flow: Flow): FibAnswer {
    const rules = this.rules;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.src && ((flow.src ^ rule.src.addr) & MASK[rule.src.len]!) !== 0) continue;
      if (rule.dst && ((flow.dst ^ rule.dst.addr) & MASK[rule.dst.len]!) !== 0) continue;
      if (rule.iif && (!flow.iif || flow.iif.name !== rule.iif)) continue;
      if (rule.oif && (!flow.oif || flow.oif.name !== rule.oif)) continue;
      if (rule.action === 'blackhole') return { kind: 'error', errno: 'EINVAL', route: null };
      if (rule.action === 'unreachable') return { kind: 'error', errno: 'EHOSTUNREACH', route: null };
      if (rule.action === 'prohibit') return { kind: 'error', errno: 'EACCES', route: null };
      const res = this.tableLookup(rule.table, flow);
      if (res) return res;
    }
    return { kind: 'error', errno: 'ENETUNREACH', route: null };
  }

  /**
   * inet_addr_type_dev_table: what the local table says of `addr`; with `dev`, `local` only when
   * the local route is on that device.
   */
  addrType(addr: Ip4, dev: Link | null = null): RouteType {
    if (addr >>> 24 === 0 || addr === 0xffffffff) return 'broadcast';
    if (addr >>> 28 === 0xe) return 'multicast';
    const res = this.tableLookup(255, { dst: addr, src: 0, oif: null, iif: null, scope: 0 });
    if (res && res.route && (!dev || res.route.dev === dev)) return res.route.type;
    return 'unicast';
  }

  /**
   * __ip_dev_find: the device holding a local address, falling back to the local table so that
   * any address of a local subnet route (127.1.2.3 on lo) counts.
   */
  localDev(addr: Ip4): Link | null {
    const d = this.addrDev.get(addr);
    if (d) return d;
    const res = this.tableLookup(255, { dst: addr, src: 0, oif: null, iif: null, scope: 0 });
    return res && res.kind === 'route' && res.route.type === 'local' ? res.route.dev : null;
  }

  /** Whether a route's nexthop goes through its gateway (nh scope link), rather than on-link to dst. */
  static usesGateway(r: Route): boolean {
    return r.gateway !== null && r.nhScope === SCOPE.link;
  }
}
