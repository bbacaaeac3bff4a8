/**
 * Structural invariants of a lab model: what must hold after any sequence of Ops, whether
 * they succeeded or were refused. Property tests check them after every command; a broken
 * one means an Op left the model half-changed.
 */
import { ip4ToString } from './ip.js';
import type { LabModel } from './lab-model.js';
import type { Netns } from './netns.js';
import { portIndexProblem } from './bridge-ports.js';
import { addrconfUnsettled } from './ipv6/addrconf.js';

function checkNetns(ns: Netns, out: string[]): void {
  const where = ns.path;
  const names = new Set<string>();
  for (const [ifindex, l] of ns.links) {
    if (l.ifindex !== ifindex) out.push(`${where}: ${l.name} is filed under ifindex ${ifindex} but has ${l.ifindex}`);
    if (l.ns !== ns) out.push(`${where}: ${l.name} believes it is in ${l.ns.path}`);
    if (names.has(l.name)) out.push(`${where}: two devices are named ${l.name}`);
    else if (ns.linkByName(l.name) !== l) out.push(`${where}: the name index does not find ${l.name}`);
    names.add(l.name);
    if (addrconfUnsettled(l) && !ns.llPending.has(l)) out.push(`${where}: ${l.name} waits for addrconf but no sync will look at it`);
    if (l.kind === 'bridge') {
      const p = portIndexProblem(l);
      if (p) out.push(`${where}: ${p}`);
    }
    if (l.kind === 'veth') {
      if (!l.peer) out.push(`${where}: veth ${l.name} has no peer`);
      else {
        if (l.peer.peer !== l) out.push(`${where}: the peer of veth ${l.name} does not point back`);
        if (l.peer.ns.links.get(l.peer.ifindex) !== l.peer) out.push(`${where}: the peer of veth ${l.name} is not in its namespace`);
      }
    }
    if (l.master) {
      if (l.master.ns !== ns || ns.links.get(l.master.ifindex) !== l.master) out.push(`${where}: the master of ${l.name} is not in its namespace`);
      if (l.master.kind !== 'bridge') out.push(`${where}: the master of ${l.name} is not a bridge`);
    }
    const seen = new Set<string>();
    for (const a of l.addrs) {
      const key = `${a.local}/${a.prefixLen}/${a.address}`;
      if (seen.has(key)) out.push(`${where}: ${l.name} holds ${ip4ToString(a.local)}/${a.prefixLen} twice`);
      seen.add(key);
    }
  }
  let free = 0;
  const ids = new Set(ns.nsids.values());
  while (ids.has(free)) free++;
  if (ns.nsids.lowestFree() !== free) out.push(`${where}: the lowest free nsid is ${free}, not ${ns.nsids.lowestFree()}`);
  for (const t of ns.tables.values()) {
    for (const r of t.routes) {
      if (r.dev && (r.dev.ns !== ns || ns.links.get(r.dev.ifindex) !== r.dev)) {
        out.push(`${where}: a route to ${ip4ToString(r.dst)}/${r.dstLen} in table ${t.id} uses ${r.dev.name}, which is not in the namespace`);
      }
    }
  }
}

/**
 * Every broken invariant of the lab, as one sentence each; empty when the model is sound.
 *
 * @example
 * checkInvariants(lab) // []
 */
export function checkInvariants(lab: LabModel): string[] {
  const out: string[] = [];
  for (const ns of lab.namespaces()) checkNetns(ns, out);
  return out;
}
