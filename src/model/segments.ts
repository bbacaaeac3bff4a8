/**
 * L2 segments: which interfaces share a broadcast domain. A veth pair joins its ends, a cable
 * joins two NICs, a bridge joins its ports, a macvlan joins its lower device's wire (who on it
 * hears whom is the macvlan's mode: sim/links/macvlan.ts); interfaces of one segment reach each
 * other by ARP.
 * One builder serves every caller, with a liveness parameter saying which of those joins hold:
 * lint asks about the wiring as written (every join), the reachability analysis about the
 * domains a fresh ARP exchange sees (drivers/net/veth.c carrier, br_forward's port states).
 */
import type { LabModel } from './lab-model.js';
import { lowerOf, type Link } from './link.js';
import type { Netns } from './netns.js';

/** How two links are joined: veth ends, a cable between NICs, a port and its bridge, a macvlan and its lower device. */
export type Join = 'peer' | 'cable' | 'master' | 'lower';

/** Whether a join between `a` and `b` carries frames now. */
export type JoinLive = (a: Link, b: Link, how: Join) => boolean;

export interface Segments {
  /** the links, in the order given */
  links: readonly Link[];
  /** each link's index in `links` */
  indexOf: Map<Link, number>;
  /** the joins that hold, as pairs of indexes */
  edges: [number, number][];
  /** the segment of link `i`: one of its links' index, the same for every link of the segment */
  segmentOf(i: number): number;
}

/** Every namespace whose links carry frames: the hosts' and the machine room's between them. */
export function wiredNamespaces(lab: LabModel): Netns[] {
  const out = lab.namespaces();
  out.push(...lab.infraNamespaces());
  return out;
}

/**
 * The segments of `links` (a union-find over the joins that `live` lets through; joins to a
 * link not in the list are left out). Each join is tried once per pair, in link order: peer,
 * cable, master, then lower.
 */
export function segments(links: readonly Link[], live: JoinLive): Segments {
  const indexOf = new Map<Link, number>();
  links.forEach((l, i) => {
    indexOf.set(l, i);
  });
  const parent = Int32Array.from(links.keys());
  const find = (x: number): number => {
    let p = parent[x] ?? x;
    while (p !== x) {
      // path halving: each step links x to its grandparent
      const g = parent[p] ?? p;
      parent[x] = g;
      x = g;
      p = parent[x] ?? x;
    }
    return x;
  };
  const edges: [number, number][] = [];
  const join = (ia: number, b: Link | null, how: Join, pairOnce: boolean) => {
    if (!b) return;
    const ib = indexOf.get(b);
    if (ib === undefined || ib === ia || (pairOnce && ib < ia)) return;
    const a = links[ia];
    if (!a || !live(a, b, how)) return;
    edges.push([ia, ib]);
    const ra = find(ia);
    const rb = find(ib);
    if (ra !== rb) parent[ra] = rb;
  };
  links.forEach((l, i) => {
    join(i, l.peer, 'peer', true);
    join(i, l.cable ?? null, 'cable', true);
    join(i, l.master, 'master', false);
    join(i, lowerOf(l), 'lower', false);
  });
  return { links, indexOf, edges, segmentOf: find };
}

/**
 * The wiring's segments as written, whatever is up: a number per link, equal within a segment.
 *
 * @example
 * const seg = l2Segments(lab.model);
 * seg.get(vethA) === seg.get(vethB); // true for the two ends of a pair
 */
export function l2Segments(lab: LabModel): Map<Link, number> {
  const all: Link[] = [];
  for (const ns of wiredNamespaces(lab)) for (const l of ns.linkList()) all.push(l);
  const seg = segments(all, () => true);
  const ids = new Map<Link, number>();
  const roots = new Map<number, number>();
  all.forEach((l, i) => {
    const r = seg.segmentOf(i);
    let id = roots.get(r);
    if (id === undefined) roots.set(r, (id = roots.size));
    ids.set(l, id);
  });
  return ids;
}
