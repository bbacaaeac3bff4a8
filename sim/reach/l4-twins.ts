/**
 * Twin sources for the service-port fast path (l4-fast.ts): namespaces the rest of the lab
 * cannot tell apart but by their own address. Two sources s1, s2 are twins when swapping them
 * (s1 ↔ s2, their veths' peers p1 ↔ p2, their addresses a1 ↔ a2, their MACs) maps the lab onto
 * itself everywhere but netfilter (checked per probe, on the chains the probe entered):
 * - each is a leaf: loopback plus one veth holding its one IPv4 address, the veth's peer in a
 *   common namespace P (a node's bridge port, as pods sit);
 * - their own state is equal once each one's address and MACs are written as placeholders
 *   (links, routes, rules, sysctls, static neighbours, netfilter, nexthops, PMTUs, sockets);
 * - the peers p1, p2 are equal but for name, ifindex and MAC, and nothing in P names them
 *   (no route, neighbour or rule on them): they differ only as a bridge's ports do;
 * - nothing anywhere names a1 or a2 as a number (a gateway, a socket's peer, a neighbour, a
 *   PMTU, another namespace's address), and every namespace's routes, rules and subnets put a1
 *   and a2 in one destination class (its own /32 apart, which the placeholder covers);
 * - the lab has only loopback, veth and bridge devices (no tunnel names an address of its own).
 * The key of a source is its class: equal keys, twins. Sources that are no leaf get no key
 * and are always asked of the engine. The probes are IPv4: IPv6 state (link-local addresses
 * made from each MAC) is left out of the comparison, as no IPv4 probe reads it.
 */
import type { LabModel } from '../../src/model/lab-model.js';
import type { Link } from '../../src/model/link.js';
import { Netns } from '../../src/model/netns.js';
import { wiredNamespaces } from '../../src/model/segments.js';
import type { Simulator } from '../simulator.js';
import { tcpTable } from '../tcp-table.js';
import { udpTable } from '../udp.js';

const KINDS = new Set(['loopback', 'veth', 'bridge']);
/** what numbers a bridge port among its bridge's ports (its port number, the order its VLAN entries were made in) */
const PORT_IDS = new Set(['portNo', 'brSeq', 'seq']);
/** fields of a namespace no IPv4 probe reads, or that only name it (its name, caches, journals) */
const NS_SKIP = new Set(['host', 'name', 'sorted', 'sortedShared', 'departed', 'byName', 'nameClash', 'llPending', 'nsids', 'inet6', 'version', 'structVersion', 'routeJournal', 'links']);
const NS_SKIP_NF = new Set([...NS_SKIP, 'nf']);
/** fields of a link that only name it or belong to IPv6 */
const LINK_SKIP = new Set(['ns', 'inet6', 'ifindex', 'mac', 'peer', 'name']);

export interface Twin {
  ns: Netns;
  addr: number;
  /** the source's veth and its peer (in `parent`) */
  veth: Link;
  peer: Link;
  parent: Netns;
  /** the class: sources with equal keys are twins */
  key: string;
}

function isLink(v: object): v is Link {
  return 'ifindex' in v && 'ns' in v && 'kind' in v;
}

/**
 * Plain text of a value with `subst` numbers (an address) and strings (MACs) replaced, other
 * namespaces and links named by path, Maps and Sets as entry lists; `seen` gets every number.
 */
function canon(v: unknown, skip: Set<string>, subst: Map<unknown, string>, seen: Set<number> | null, self: object | null, home: Netns | null, deep?: Set<string>): string {
  return JSON.stringify(v, function (this: unknown, k: string, x: unknown) {
    if (deep?.has(k)) return undefined;
    if (k !== '' && this === self && skip.has(k)) return undefined;
    // a route table's edit journal is history, not state; a back reference names the start
    if (k === 'journal') return undefined;
    if (k !== '' && x === self) return '@THIS';
    if (subst.has(x)) return subst.get(x);
    if (typeof x === 'number') {
      seen?.add(x);
      return x;
    }
    if (typeof x === 'bigint') return `${x}n`;
    if (typeof x === 'function') return undefined;
    if (x !== null && typeof x === 'object' && x !== self) {
      if (x instanceof Netns) return `ns:${x.path}`;
      // a link of the namespace itself by its name alone: twins' own links compare equal
      if (isLink(x)) return x.ns === home ? `link:./${x.name}` : `link:${(x.ns as Netns).path}/${x.name}`;
      if ('hosts' in x && 'namespaces' in x) return 'lab';
      if (x instanceof Map) return [...x.entries()];
      if (x instanceof Set) return [...x.values()];
      if (k === 'host') return undefined;
    }
    return x;
  });
}

function sockets(sim: Simulator, ns: Netns): unknown {
  const tcp = tcpTable(sim);
  return {
    listen: (tcp.listeners.get(ns) ?? []).map((l) => [l.local, l.port, l.backlog]),
    conns: (tcp.conns.get(ns) ?? []).map((c) => [c.local, c.lport, c.remote, c.rport, c.state]),
    udp: udpTable(sim)
      .sockets(ns)
      .map((s) => [s.local, s.port, s.remote, s.remotePort, s.v6 ?? false]),
  };
}

/** The leaf's veth, address and peer, or null when `ns` is no leaf. */
function leafOf(ns: Netns): { veth: Link; peer: Link; addr: number } | null {
  const links = ns.linkList();
  if (links.length !== 2) return null;
  const lo = links.find((l) => l.kind === 'loopback');
  const veth = links.find((l) => l.kind === 'veth');
  if (!lo || !veth || !veth.peer || veth.peer.ns === ns) return null;
  const v4 = veth.addrs;
  if (v4.length !== 1 || lo.addrs.some((a) => a.local >>> 24 !== 127)) return null;
  return { veth, peer: veth.peer, addr: v4[0]!.local };
}

/** Every place a namespace's FIB can tell addresses apart, but a leaf's own address. */
function cuts(ns: Netns, own: number | null, out: number[]): void {
  const add = (addr: number, len: number) => {
    const size = len === 0 ? 2 ** 32 : 2 ** (32 - len);
    const start = Math.floor((addr >>> 0) / size) * size;
    out.push(start, start + size);
  };
  for (const t of ns.tables.values()) for (const r of t.routes) if (!(r.dstLen === 32 && r.dst === own)) add(r.dst, r.dstLen);
  for (const r of ns.rules) {
    if (r.dst) add(r.dst.addr, r.dst.len);
    if (r.src) add(r.src.addr, r.src.len);
  }
  for (const l of ns.links.values())
    for (const a of l.addrs) {
      if (a.local !== own) add(a.local, 32);
      add(a.address, a.prefixLen);
      if (a.broadcast !== null) add(a.broadcast, 32);
    }
}

/** Whether P names its port `p` anywhere but as a bridge port (routes, neighbours, rules). */
function parentNames(parent: Netns, p: Link): boolean {
  for (const t of parent.tables.values()) for (const r of t.routes) if (r.dev === p || r.hops?.some((h) => h.dev === p)) return true;
  for (const n of parent.staticNeigh.values()) if (n.dev === p) return true;
  for (const n of parent.proxyNeigh) if ((n as { dev?: unknown }).dev === p) return true;
  for (const nh of parent.nexthops.values())
    if (JSON.stringify(nh, (_k, x) => (x === p ? '@P' : x !== null && typeof x === 'object' && x !== nh && (x instanceof Netns || isLink(x)) ? 0 : typeof x === 'bigint' ? 0 : x)).includes('@P'))
      return true;
  const rules = JSON.stringify(parent.rules, (_k, x) => (typeof x === 'bigint' ? 0 : x !== null && typeof x === 'object' && (x instanceof Netns || isLink(x)) ? 0 : x));
  return rules.includes(JSON.stringify(p.name));
}

/**
 * The twin class of every source that has one (the others are left out), for the lab as it is
 * now; `sim` gives the socket tables.
 */
export function twinClasses(lab: LabModel, sim: Simulator, sources: readonly Netns[]): Map<Netns, Twin> {
  const out = new Map<Netns, Twin>();
  // the machine room's switches too: its links carry the frames between hosts
  const all = wiredNamespaces(lab);
  for (const ns of all) for (const l of ns.links.values()) if (!KINDS.has(l.kind)) return out;
  const seen = new Set<number>();
  const allCuts: number[] = [0, 2 ** 32];
  const leaves = new Map<Netns, { veth: Link; peer: Link; addr: number }>();
  for (const ns of sources) {
    const leaf = leafOf(ns);
    if (leaf) leaves.set(ns, leaf);
  }
  const pending: { ns: Netns; leaf: { veth: Link; peer: Link; addr: number }; own: string }[] = [];
  for (const ns of all) {
    const leaf = leaves.get(ns) ?? null;
    const own = leaf?.addr ?? null;
    cuts(ns, own, allCuts);
    const subst = new Map<unknown, string>();
    if (leaf) {
      subst.set(leaf.addr, '@SELF');
      subst.set(leaf.veth.mac, '@MAC');
      subst.set(leaf.peer.mac, '@PMAC');
    }
    let text: string;
    try {
      // netfilter is compared per probe, on the chains it entered (l4-fast.ts): a node's rules
      // naming one pod must not keep every other pod from being its twin
      const body = canon(ns, leaf ? NS_SKIP : NS_SKIP_NF, subst, seen, ns, ns);
      const links = ns.linkList().map((l) => `${canon(l, LINK_SKIP, subst, seen, l, ns)}${l.name}`);
      text = `${body}|${links.join('|')}|${canon(sockets(sim, ns), NS_SKIP, subst, seen, null, ns)}`;
    } catch {
      // a structure that does not print (a cycle the placeholders miss): no twin
      leaves.delete(ns);
      continue;
    }
    if (leaf) pending.push({ ns, leaf, own: text });
  }
  const sorted = Float64Array.from(allCuts).sort();
  const classOf = (a: number): number => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid]! <= a) lo = mid;
      else hi = mid - 1;
    }
    return sorted[lo]!;
  };
  for (const { ns, leaf, own } of pending) {
    if (seen.has(leaf.addr)) continue;
    const parent = leaf.peer.ns;
    if (parentNames(parent, leaf.peer)) continue;
    const peerText = canon(leaf.peer, LINK_SKIP, new Map<unknown, string>([[leaf.veth.mac, '@MAC']]), null, leaf.peer, parent, PORT_IDS);
    const key = `${parent.path}|${classOf(leaf.addr >>> 0)}|${own}|${peerText}`;
    out.set(ns, { ns, addr: leaf.addr, veth: leaf.veth, peer: leaf.peer, parent, key });
  }
  return out;
}
