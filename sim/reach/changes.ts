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

/** Everything about a namespace but its non-local routes. */
function signature(ns: Netns): string {
  const parts: string[] = [JSON.stringify(ns.all), JSON.stringify(ns.default), JSON.stringify(ns.rules), String(ns.customRules), String(ns.staticNeigh.size)];
  for (const l of ns.linkList()) {
    const peer = l.peer ? `${l.peer.ns.path}:${l.peer.ifindex}:${l.peer.up}` : '';
    const cable = l.cable ? `${l.cable.ns.path}:${l.cable.ifindex}:${l.cable.up}` : '';
    parts.push(`${l.ifindex}|${l.name}|${l.kind}|${l.up}|${l.mac}|${l.master ? l.master.ifindex : ''}|${peer}|${cable}|${JSON.stringify(l.addrs)}|${JSON.stringify(l.conf)}|${l.tun ? l.tun.attached : ''}|${l.fdb.length}|${l.bridge ? `${l.bridge.vlanFiltering}:${l.bridge.hadPorts}` : ''}|${l.noarp}`);
  }
  const local = ns.tables.get(TABLE.local);
  if (local) for (const r of local.routes) parts.push(routeKey(r));
  return parts.join('\n');
}

/** Each non-local route by key, with its prefix as it was when seen. */
function routeKeys(ns: Netns): Map<string, [number, number]> {
  const m = new Map<string, [number, number]>();
  for (const [id, t] of ns.tables) if (id !== TABLE.local) for (const r of t.routes) m.set(routeKey(r), [r.dst, r.dstLen]);
  return m;
}

export class ChangeTracker {
  private readonly nss: Netns[];
  private readonly versions = new Map<Netns, number>();
  private readonly sigs = new Map<Netns, string>();
  private readonly routes = new Map<Netns, Map<string, [number, number]>>();

  constructor(private readonly lab: LabModel) {
    this.nss = allNamespaces(lab);
    for (const ns of this.nss) this.remember(ns);
  }

  private remember(ns: Netns): void {
    this.versions.set(ns, ns.version);
    this.sigs.set(ns, signature(ns));
    this.routes.set(ns, routeKeys(ns));
  }

  /** The route changes since the last call (none: []), or 'rebuild' for anything else. */
  diff(): RouteChange[] | 'rebuild' {
    const now = allNamespaces(this.lab);
    if (now.length !== this.nss.length || now.some((ns, i) => ns !== this.nss[i])) return 'rebuild';
    const out: RouteChange[] = [];
    for (const ns of now) {
      if (ns.version === this.versions.get(ns)) continue;
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
      this.versions.set(ns, ns.version);
      this.routes.set(ns, after);
      if (ranges.length) out.push({ ns, ranges });
    }
    return out;
  }
}
