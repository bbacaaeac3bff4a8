/**
 * The pings that end a generated lab: from a namespace with an interface, toward the targets
 * the plan chose, two or more covering both an answered and an unanswered side.
 */
import { absentHostIn } from './arb-address.js';
import type { PingSpec } from './arb-ping.js';
import type { Iface, Segs, Spaces } from './build-context.js';
import type { LabStep } from './lab-description.js';
import { ip4ToString } from '../model/ip.js';

/**
 * Pings cover both sides: from two on, one goes toward an address of the lab (meant to be
 * answered); from three on, one goes toward a prefix nobody has (meant to fail, and cheaply:
 * mostly no route at all).
 */
export function coverPings(pings: PingSpec[]): PingSpec[] {
  if (pings.length < 2) return pings;
  const out = [...pings];
  if (!out.some((p) => p.target.kind === 'address')) out[0] = { ...out[0], target: { kind: 'address', index: 0 } };
  // from three pings on; mistakes in the lab make plenty of the others fail already
  if (out.length >= 3 && !out.some((p) => p.target.kind === 'nowhere' || p.target.kind === 'absent')) out[out.length - 1] = { ...out[out.length - 1], target: { kind: 'nowhere' } };
  return out;
}

/**
 * Which namespaces can reach which, as the topology intends it: one component per set of
 * segments joined through namespaces that sit on several (routers).
 */
function components(ifaces: Iface[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => parent.set(find(a), find(b));
  const bySeg = new Map<number, number>();
  for (const i of ifaces) {
    find(i.ns);
    const first = bySeg.get(i.seg);
    if (first === undefined) bySeg.set(i.seg, i.ns);
    else union(i.ns, first);
  }
  const out = new Map<number, number>();
  for (const ns of parent.keys()) out.set(ns, find(ns));
  return out;
}

export function pingStep(p: PingSpec, sp: Spaces, segs: Segs, ifaces: Iface[]): LabStep {
  // pings start where there is an interface: from a bare namespace only `lo` answers
  const attached = [...new Set(ifaces.map((i) => i.ns))].sort((a, b) => a - b);
  const from = attached.length ? attached[Math.abs(p.from) % attached.length] : sp.at(p.from);
  const where = sp.where(from);
  let to = '127.0.0.1';
  switch (p.target.kind) {
    case 'address': {
      const comp = components(ifaces);
      const near = ifaces.filter((i) => comp.get(i.ns) === comp.get(from) && i.ns !== from);
      const pool = near.length ? near : ifaces;
      if (pool.length) to = ip4ToString(pool[p.target.index % pool.length].addr);
      break;
    }
    case 'anywhere':
      if (ifaces.length) to = ip4ToString(ifaces[p.target.index % ifaces.length].addr);
      break;
    case 'own': {
      const mine = ifaces.find((i) => i.ns === from);
      if (mine) to = ip4ToString(mine.addr);
      break;
    }
    case 'absent': {
      const s = segs.length ? segs[p.target.segment % segs.length] : null;
      to = s ? ip4ToString(absentHostIn(s.subnet, s.members.length, s.base)) : '10.254.0.1';
      break;
    }
    case 'nowhere':
      to = '10.254.0.1';
      break;
    case 'loopback':
      break;
  }
  return { kind: 'ping', in: where, to };
}
