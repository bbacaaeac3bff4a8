/**
 * The routes of a generated lab: the ones computed from its topology (what someone who knows
 * the lab would write: a default via the segment's router for leaves, a route per remote subnet
 * for routers), and the plan's extra routes, valid or not.
 */
import { cidr, subnetText, typoOf } from './arb-address.js';
import type { RouteSpec, RoutingMode } from './arb-route.js';
import type { Iface, Phases, Segs, Spaces } from './build-context.js';
import type { RouteAddStep } from './lab-description.js';
import { ip4ToString } from '../model/ip.js';

/** Routes from the topology, the way someone who knows the lab would write them. */
export function computeRoutes(mode: RoutingMode, sp: Spaces, ph: Phases, segs: Segs, segsOf: Map<number, number[]>, isRouter: (ns: number) => boolean): void {
  if (mode === 'none') return;
  const nsList = [...segsOf.keys()].sort((a, b) => a - b);
  /** the address of a neighbour on segment k (not `ns`), routers first */
  const gatewayOn = (k: number, ns: number, routersOnly: boolean): Iface | null => {
    const others = segs[k].members.filter((m) => m.ns !== ns);
    return others.find((m) => isRouter(m.ns)) ?? (routersOnly ? null : (others[0] ?? null));
  };
  for (const ns of nsList) {
    const mine = segsOf.get(ns)!;
    const where = sp.where(ns);
    if (mode === 'defaults') {
      const gw = gatewayOn(mine[0], ns, false);
      if (gw) ph.route(ns, { kind: 'route-add', in: where, dst: 'default', via: ip4ToString(gw.addr) }, true);
      continue;
    }
    if (mine.length === 1) {
      const gw = gatewayOn(mine[0], ns, true);
      if (gw) ph.route(ns, { kind: 'route-add', in: where, dst: 'default', via: ip4ToString(gw.addr) }, true);
      continue;
    }
    // breadth first over segments, crossing only routers; remember the first hop
    const firstHop = new Map<number, Iface | null>();
    const queue: number[] = [];
    for (const k of mine) {
      firstHop.set(k, null);
      queue.push(k);
    }
    const written = new Set(mine.map((k) => subnetText(segs[k].subnet)));
    while (queue.length) {
      const k = queue.shift()!;
      for (const m of segs[k].members) {
        if (m.ns === ns || !isRouter(m.ns)) continue;
        for (const u of segsOf.get(m.ns)!) {
          if (firstHop.has(u)) continue;
          const hop = firstHop.get(k) ?? m;
          firstHop.set(u, hop);
          queue.push(u);
          const dst = subnetText(segs[u].subnet);
          if (written.has(dst)) continue;
          written.add(dst);
          ph.route(ns, { kind: 'route-add', in: where, dst, via: ip4ToString(hop.addr) }, true);
        }
      }
    }
  }
}

/** One extra route of the plan, valid or not. */
export function extraRoute(r: RouteSpec, sp: Spaces, ph: Phases, segs: Segs, segsOf: Map<number, number[]>, ifaces: Iface[]): void {
  const ns = sp.at(r.at);
  const mine = ifaces.filter((i) => i.ns === ns);
  const neighbours = (segsOf.get(ns) ?? []).flatMap((k) => segs[k].members.filter((m) => m.ns !== ns));
  const step: RouteAddStep = { kind: 'route-add', in: sp.where(ns), dst: 'default' };
  const seg = (index: number) => segs[index % segs.length];
  // without segments every destination degrades to the default route
  const dst: RouteSpec['dst'] = segs.length ? r.dst : { kind: 'default' };
  switch (dst.kind) {
    case 'default':
      break;
    case 'segment':
      step.dst = subnetText(seg(dst.index).subnet);
      break;
    case 'host-bits': {
      const s = seg(dst.index).subnet;
      const len = Math.min(s.len, 30);
      step.dst = cidr((s.network + 1) >>> 0, len);
      break;
    }
    case 'nowhere':
      step.dst = `10.200.${dst.n & 255}.0/24`;
      break;
  }
  const offLink = `10.254.254.${1 + (r.at & 127)}`;
  let devOf: Iface | undefined = mine[0];
  switch (r.gw.kind) {
    case 'neighbor': {
      const n = neighbours.length ? neighbours[r.gw.index % neighbours.length] : null;
      step.via = n ? ip4ToString(n.addr) : offLink;
      if (n) devOf = mine.find((i) => i.seg === n.seg) ?? devOf;
      break;
    }
    case 'off-link':
      step.via = offLink;
      break;
    case 'own':
      step.via = mine.length ? ip4ToString(mine[0].addr) : offLink;
      break;
    case 'typo':
      step.via = typoOf(neighbours.length ? ip4ToString(neighbours[0].addr) : offLink);
      break;
    case 'none':
      break;
  }
  if (r.dev && devOf) step.dev = devOf.dev;
  if (r.gw.kind === 'none' && !step.dev && devOf) step.dev = devOf.dev;
  if (r.metric !== null) step.metric = r.metric;
  if (r.onlink) step.onlink = true;
  ph.route(ns, step);
}
