/**
 * L2 segments: which interfaces share a broadcast domain. veth ends are joined, a bridge joins
 * its ports, and interfaces in one segment can reach each other by ARP. Used by lint and by the
 * reachability analysis; the simulator itself follows frames instead.
 */
import type { LabModel } from './lab-model.js';
import type { Link } from './link.js';

export function l2Segments(lab: LabModel): Map<Link, number> {
  const parent = new Map<Link, Link>();
  const find = (l: Link): Link => {
    let p = parent.get(l) ?? l;
    if (p !== l) {
      p = find(p);
      parent.set(l, p);
    }
    return p;
  };
  const union = (a: Link, b: Link) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const all: Link[] = [];
  for (const ns of [...lab.namespaces(), ...lab.infraNamespaces()]) {
    {
      for (const l of ns.linkList()) {
        all.push(l);
        if (l.peer) union(l, l.peer);
        if (l.master) union(l, l.master);
        if (l.cable) union(l, l.cable);
      }
    }
  }
  const ids = new Map<Link, number>();
  const roots = new Map<Link, number>();
  for (const l of all) {
    const r = find(l);
    let id = roots.get(r);
    if (id === undefined) roots.set(r, (id = roots.size));
    ids.set(l, id);
  }
  return ids;
}
