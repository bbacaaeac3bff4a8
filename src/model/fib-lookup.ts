/**
 * The model's FIB: the tables of a namespace read as a plain scan (no index), implementing the
 * view that fib-view.ts's lookup, route-output.ts and route-input.ts are written against. Used
 * to validate requests (gateways, prefsrc, address types) and to answer `ip route get`; the
 * simulator's compiled FIB (sim/fib.ts) implements the same view over a longest-prefix-match
 * structure, and a property over random labs holds the two in agreement.
 */
import type { Ip4 } from './ip.js';
import type { Link } from './link.js';
import type { Netns } from './netns.js';
import type { RouteType } from './route.js';
import { addrType as viewAddrType, aliasAnswer, fibLookup as viewLookup, type FibResult, type FibTables, type FibView, type Flow } from './fib-view.js';
import { TABLE } from './route.js';
import type { RouteTable } from './table.js';

export type { FibResult } from './fib-view.js';

/** A lookup key with defaults (no source, no devices, any scope, TOS 0). */
export interface FlowKey {
  dst: Ip4;
  src?: Ip4;
  /** output interface the result must use (flowi4_oif) */
  oif?: Link | null;
  /** input interface, for iif rules */
  iif?: Link | null;
  /** only routes of at least this scope (flowi4_scope) */
  scope?: number;
  /** TOS of the packet (flowi4_dscp); routes with a TOS match only it */
  tos?: number;
}

function flowOf(key: FlowKey): Flow {
  return { dst: key.dst, src: key.src ?? 0, oif: key.oif ?? null, iif: key.iif ?? null, scope: key.scope ?? 0, tos: key.tos ?? 0 };
}

/**
 * fib_table_lookup over tables whose aliases share leaves (local's before main's when the two are
 * merged): the routes covering `flow.dst`, longest prefix first, each leaf's aliases in table
 * order, put to aliasAnswer until one answers. Only the prefix lengths a table holds are tried,
 * each with a binary search, so a lookup does not grow with the table (a script of many
 * `ip route add` stays linear).
 */
function lookup(tables: readonly RouteTable[], flow: Flow, id: number): FibResult | null {
  for (let len = 32; len >= 0; len--) {
    if (!tables.some((t) => t.hasLength(len))) continue;
    const key = len === 0 ? 0 : (flow.dst & (-1 << (32 - len))) >>> 0;
    for (const t of tables) {
      if (!t.hasLength(len)) continue;
      for (const r of t.withPrefix(key, len)) {
        const ans = aliasAnswer(r, flow, id);
        if (ans !== undefined) return ans;
      }
    }
  }
  return null;
}

/** The plain-scan FIB of one namespace. */
class ScanTables implements FibTables {
  constructor(readonly ns: Netns) {}

  hasTable(id: number): boolean {
    return this.ns.tables.has(id);
  }

  tableLookup(id: number, flow: Flow): FibResult | null {
    const ns = this.ns;
    if (id === TABLE.main && !ns.customRules) {
      // local's aliases sort before main's within a leaf (fib_insert_alias orders by tb_id, descending)
      const merged = [ns.tables.get(TABLE.local), ns.tables.get(TABLE.main)].filter((t): t is RouteTable => t !== undefined);
      return lookup(merged, flow, TABLE.main);
    }
    const t = ns.tables.get(id);
    return t ? lookup([t], flow, id) : null;
  }

  ifaddrDev(addr: Ip4): Link | null {
    for (const l of this.ns.linkList()) if (l.addrs.some((a) => a.local === addr)) return l;
    return null;
  }

  get customLocalRoutes(): boolean {
    for (const t of this.ns.tables.values()) if (t.hasCustomLocal) return true;
    return false;
  }
}

/** The model's view of a namespace for the route decisions: no redirects are ever learned here. */
class ScanView implements FibView {
  readonly fib: ScanTables;
  readonly loopback: Link;

  constructor(readonly ns: Netns) {
    this.fib = new ScanTables(ns);
    const lo = ns.linkList().find((l) => l.kind === 'loopback');
    // the kernel refuses to delete lo or move it (apply-link.ts does too): every namespace has one
    if (!lo) throw new Error(`namespace ${ns.path} has no loopback device`);
    this.loopback = lo;
  }

  isLive(dev: Link): boolean {
    return this.ns.links.get(dev.ifindex) === dev;
  }

  exception(): Ip4 | null {
    return null;
  }
}

/**
 * The model's view of `ns`, for routeOutput / routeInput.
 *
 * @example
 * routeOutput(fibView(ns), { dst: parseIp4('8.8.8.8')!, src: 0, oif: null });
 */
export function fibView(ns: Netns): FibView {
  return new ScanView(ns);
}

/** fib_table_lookup over one table's routes as they stand (a table apart from any namespace's merge). */
export function tableLookup(t: RouteTable, key: FlowKey): FibResult | null {
  return lookup([t], flowOf(key), t.id);
}

/** fib_lookup in `ns` (see fib-view.ts). */
export function fibLookup(ns: Netns, key: FlowKey): FibResult {
  return viewLookup(new ScanTables(ns), flowOf(key));
}

/** inet_addr_type_table / inet_addr_type_dev_table: what a table (local by default) says of an address. */
export function addrType(ns: Netns, addr: Ip4, dev: Link | null = null, table: number = TABLE.local): RouteType {
  return viewAddrType(new ScanTables(ns), addr, dev, table);
}

/** Whether `addr` is one of the namespace's local addresses (a `local` route in table local). */
export function isLocalAddress(ns: Netns, addr: Ip4): boolean {
  return addrType(ns, addr) === 'local';
}
