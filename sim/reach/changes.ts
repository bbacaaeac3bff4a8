/**
 * What changed in a lab since a snapshot, at the grain the fast path can use: a route added or
 * removed in table main (or another non-local table) of a namespace changes only lookups of
 * addresses inside that route's prefix, so only those destinations are recomputed. Anything
 * else (links, addresses, sysctls, rules, neighbours, local-table routes, namespaces coming or
 * going) asks for a rebuild.
 */
import { TABLE, type Route } from '../../src/model/route.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import { allNamespaces } from './l2.js';

export interface RouteChange {
  ns: Netns;
  /** prefixes whose lookups may have changed: [first, last] inclusive */
  ranges: [number, number][];
}

function routeKey(r: Route): string {
  return `${r.table}|${r.type}|${r.dst}/${r.dstLen}|${r.tos}|${r.metric}|${r.dev ? r.dev.ifindex : -1}|${r.gateway}|${r.prefsrc}|${r.scope}|${r.nhScope}|${r.onlink}|${r.protocol}|${r.mtu ?? ''}`;
}

function confKey(c: object): string {
  let k = '';
  for (const v of Object.values(c)) k += `${v as number},`;
  return k;
}

/** Everything about a namespace but its non-local routes (hand-built: it runs per change). */
function signature(ns: Netns): string {
  let sig = `${confKey(ns.all)}|${confKey(ns.default)}|${JSON.stringify(ns.rules)}|${ns.customRules}|${ns.staticNeigh.size}\n`;
  for (const l of ns.linkList()) {
    const peer = l.peer ? `${l.peer.ns.path}:${l.peer.ifindex}:${l.peer.up}` : '';
    const cable = l.cable ? `${l.cable.ns.path}:${l.cable.ifindex}:${l.cable.up}` : '';
    sig += `${l.ifindex}|${l.name}|${l.kind}|${l.up}|${l.mac}|${l.master ? l.master.ifindex : ''}|${peer}|${cable}|${confKey(l.conf)}|${l.tun ? l.tun.attached : ''}|${l.fdb.length}|${l.bridge ? `${l.bridge.vlanFiltering}:${l.bridge.hadPorts}` : ''}|${l.noarp}|`;
    for (const a of l.addrs) sig += `${a.local}/${a.address}/${a.prefixLen}/${a.scope}/${a.secondary}/${a.broadcast}/${a.noprefixroute},`;
    sig += '\n';
  }
  const local = ns.tables.get(TABLE.local);
  if (local) for (const r of local.routes) sig += routeKey(r) + '\n';
  return sig;
}

/** Each non-local route by key, with its prefix as it was when seen. */
function routeKeys(ns: Netns): Map<string, [number, number]> {
  const m = new Map<string, [number, number]>();
  for (const [id, t] of ns.tables) if (id !== TABLE.local) for (const r of t.routes) m.set(routeKey(r), [r.dst, r.dstLen]);
  return m;
}

export class ChangeTracker {
  private readonly nss: Netns[];
  /** versions, aligned with nss */
  private readonly versions: Float64Array;
  private labVersion: number;
  private readonly sigs = new Map<Netns, string>();
  private readonly routes = new Map<Netns, Map<string, [number, number]>>();

  constructor(private readonly lab: LabModel) {
    this.nss = allNamespaces(lab);
    this.versions = Float64Array.from(this.nss, (ns) => ns.version);
    this.labVersion = lab.version;
    for (const ns of this.nss) this.remember(ns);
  }

  private remember(ns: Netns): void {
    this.sigs.set(ns, signature(ns));
    this.routes.set(ns, routeKeys(ns));
  }

  /**
   * The route changes since the last call (none: []), or 'rebuild' for anything else. Every
   * namespace change bumps both its own version and the lab's by one (Netns.touch); when the
   * namespaces' increments do not add up to the lab's, something else changed (a namespace
   * came or went): rebuild.
   */
  diff(): RouteChange[] | 'rebuild' {
    const labDelta = this.lab.version - this.labVersion;
    if (labDelta === 0) return [];
    const nss = this.nss;
    const versions = this.versions;
    let sum = 0;
    const changed: number[] = [];
    for (let i = 0; i < nss.length; i++) {
      const v = nss[i]!.version;
      if (v !== versions[i]) {
        sum += v - versions[i]!;
        changed.push(i);
      }
    }
    if (sum !== labDelta) return 'rebuild';
    const out: RouteChange[] = [];
    for (const i of changed) {
      const ns = nss[i]!;
      if (signature(ns) !== this.sigs.get(ns)) return 'rebuild';
      const before = this.routes.get(ns)!;
      const after = routeKeys(ns);
      const ranges: [number, number][] = [];
      const add = ([dst, len]: [number, number]) => {
        const size = len === 0 ? 2 ** 32 : 2 ** (32 - len);
        const first = Math.floor((dst >>> 0) / size) * size;
        ranges.push([first, first + size - 1]);
      };
      for (const [k, r] of before) if (!after.has(k)) add(r);
      for (const [k, r] of after) if (!before.has(k)) add(r);
      versions[i] = ns.version;
      this.routes.set(ns, after);
      if (ranges.length) out.push({ ns, ranges });
    }
    this.labVersion = this.lab.version;
    return out;
  }
}
