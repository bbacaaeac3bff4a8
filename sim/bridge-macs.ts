/**
 * The MACs a bridge holds itself (local entries) and those held by entries added with `master`
 * (static), looked up for every frame a port brings in. Asking each port each time is N steps
 * per frame — on a bridge of N namespaces that come up together, their IPv6 chatter is N
 * frames, so N² — and what is asked lives only in the bridge's namespace (its ports, their
 * MACs and FDB entries, all changed through operations that touch it): the answers are kept
 * per version of that namespace.
 */
import type { FdbEntry, Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import type { Simulator } from './simulator.js';

interface MacIndex {
  ns: Netns;
  version: number;
  /** ports' MACs, the bridge's own entries, ports' entries added `permanent` with `master` */
  local: Set<string>;
  /** per MAC, the first entry added with `master`, in port order */
  statics: Map<string, FdbEntry>;
}

const indexes = new WeakMap<Link, MacIndex>();

function macIndex(sim: Simulator, br: Link): MacIndex {
  const ns = br.ns;
  let ix = indexes.get(br);
  if (ix && ix.ns === ns && ix.version === ns.version) return ix;
  const local = new Set<string>();
  const statics = new Map<string, FdbEntry>();
  for (const e of br.fdb) local.add(e.mac);
  for (const p of sim.ports(br)) {
    local.add(p.mac);
    for (const e of p.fdb) {
      if (!e.master) continue;
      if (e.permanent) local.add(e.mac);
      if (!statics.has(e.mac)) statics.set(e.mac, e);
    }
  }
  ix = { ns, version: ns.version, local, statics };
  indexes.set(br, ix);
  return ix;
}

/** The MAC is one of the bridge's local entries: its own, a port's, or one added `permanent` (BR_FDB_LOCAL). */
export function isLocalMac(sim: Simulator, br: Link, mac: string): boolean {
  return mac === br.mac || macIndex(sim, br).local.has(mac);
}

/** The entry added with `master` that holds the MAC (the first, in port order), if any. */
export function staticEntry(sim: Simulator, br: Link, mac: string): FdbEntry | null {
  return macIndex(sim, br).statics.get(mac) ?? null;
}
