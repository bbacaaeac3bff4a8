/**
 * What changed in a lab since a snapshot, at the grain the fast path can use: a route added or
 * removed in table main (or another non-local table) of a namespace changes only lookups of
 * addresses inside that route's prefix, so only those destinations are recomputed. Anything
 * else (links, addresses, sysctls, rules, neighbours, local-table routes, namespaces coming or
 * going) asks for a rebuild.
 *
 * The model says which is which: a namespace's `structVersion` moves on every change but
 * `ip route` edits, and its route journal lists those edits by prefix (Netns.touchRoutes).
 */
import { TABLE, type RouteType } from '../../src/model/route.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import { wiredNamespaces } from '../../src/model/segments.js';

export interface RouteChange {
  ns: Netns;
  /** prefixes whose lookups may have changed: [first, last] inclusive */
  ranges: [number, number][];
}

/** The addresses of `dst/len`, first and last (host bits ignored). */
export function prefixRange(dst: number, len: number): [number, number] {
  const size = len === 0 ? 2 ** 32 : 2 ** (32 - len);
  const first = Math.floor((dst >>> 0) / size) * size;
  return [first, first + size - 1];
}

/**
 * Route types whose effect is only on lookups of their own prefix. Others (`local`,
 * `broadcast` in a table other than local, multicast, anycast, nat) change what the fast
 * path assumes of the whole lab (which addresses are local or broadcast, source-blindness).
 */
const PREFIX_ONLY = new Set<RouteType>(['unicast', 'blackhole', 'unreachable', 'prohibit', 'throw']);

export class ChangeTracker {
  private readonly nss: Netns[];
  private readonly index = new Map<Netns, number>();
  /** versions and structVersions when last seen, aligned with nss */
  private readonly versions: Float64Array;
  private readonly structs: Float64Array;
  private labVersion: number;

  constructor(private readonly lab: LabModel) {
    this.nss = wiredNamespaces(lab);
    this.nss.forEach((ns, i) => {
      this.index.set(ns, i);
    });
    this.versions = Float64Array.from(this.nss, (ns) => ns.version);
    this.structs = Float64Array.from(this.nss, (ns) => ns.structVersion);
    this.labVersion = lab.version;
  }

  /** The namespaces (indices into nss) changed since the last look; null: something else changed. */
  private changed(): number[] | null {
    const labDelta = this.lab.version - this.labVersion;
    const nss = this.nss;
    const versions = this.versions;
    const out: number[] = [];
    // the lab's notes name the namespaces without looking at every one
    const noted = this.lab.nsChanges.since(this.labVersion, this.lab.version);
    if (noted) {
      const seen = new Set<number>();
      for (const ns of noted) {
        const i = this.index.get(ns);
        if (i === undefined) return null;
        if (!seen.has(i)) {
          seen.add(i);
          out.push(i);
        }
      }
      return out;
    }
    let sum = 0;
    for (let i = 0; i < nss.length; i++) {
      const v = nss[i]!.version;
      if (v !== versions[i]) {
        sum += v - versions[i]!;
        out.push(i);
      }
    }
    return sum === labDelta ? out : null;
  }

  /**
   * The route changes since the last call (none: []), or 'rebuild' for anything else. Every
   * namespace change bumps both its own version and the lab's by one (Netns.touch,
   * touchRoutes) and notes the namespace in the lab (nsChanges); when the lab's notes do not
   * cover its versions (too old), the namespaces are compared one by one, and when their
   * increments do not add up to the lab's, something else changed (a namespace came or
   * went): rebuild. A namespace whose structVersion moved, whose journal no longer reaches
   * back to the version seen, or with an edit of table local, asks for a rebuild too, as does
   * a route now at an edited prefix of a type that is not about its prefix only (a removed
   * one was there when the fast path looked, which then assumed less).
   */
  diff(): RouteChange[] | 'rebuild' {
    if (this.lab.version === this.labVersion) return [];
    const nss = this.nss;
    const versions = this.versions;
    const changed = this.changed();
    if (!changed) return 'rebuild';
    const out: RouteChange[] = [];
    for (const i of changed) {
      const ns = nss[i]!;
      if (ns.structVersion !== this.structs[i]) return 'rebuild';
      const edits = ns.routeJournal.since(versions[i]!);
      if (!edits) return 'rebuild';
      const ranges: [number, number][] = [];
      const seen = new Set<number>();
      for (const e of edits) {
        if (e.table === TABLE.local) return 'rebuild';
        for (const r of ns.tables.get(e.table)?.withPrefix(e.dst, e.dstLen) ?? []) if (!PREFIX_ONLY.has(r.type)) return 'rebuild';
        // one range per prefix, however often it was edited
        const key = (e.dst >>> 0) * 64 + e.dstLen;
        if (seen.has(key)) continue;
        seen.add(key);
        ranges.push(prefixRange(e.dst, e.dstLen));
      }
      versions[i] = ns.version;
      if (ranges.length) out.push({ ns, ranges });
    }
    this.labVersion = this.lab.version;
    return out;
  }
}
