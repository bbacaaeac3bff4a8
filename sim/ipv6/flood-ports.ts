/**
 * A bridge's forwarding ports as a batched IPv6 group flood (group-flood.ts) sees them, and per
 * group the ports whose far end could take a copy at all. On a bridge of N namespaces that come
 * up together every one sends a neighbour solicitation, MLD reports and a router solicitation,
 * each flooded to the N-1 others, and almost every copy ends in "not a member of the group":
 * asking each far end about each of them is N² questions. The answers are kept per lab version
 * — what they depend on (the devices, their addresses, sysctls, netfilter, the lab's
 * namespaces) changes only with it, as the simulator's port and carrier caches and the reach
 * engine assume — and when the lab moves on (each address leaving DAD touches its namespace),
 * only the ports whose far end's namespace changed (lab.nsChanges) are asked again, as long as
 * every port is a plain veth and each forwards as it did (a change on the bridge's side, such as
 * a port's own address leaving DAD, is checked port by port without the simulator's caches).
 */
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import type { Simulator } from '../simulator.js';
import { type GroupKey, isSolicitedKey, joinedKey, solicitedKeys } from './mld.js';

/** A bridge's forwarding ports for one version of the model, each marked when plain. */
export interface PortList {
  version: number;
  ports: Link[];
  /** 1: a veth with a peer and no qdisc — its copy goes straight over (dev_queue_xmit's checks are portForwards') */
  plain: Uint8Array;
  /** every forwarding port is plain */
  allPlain: boolean;
  /** per group, the indices (into `ports`) of plain ports whose far end could take a copy (this version) */
  hear: Map<GroupKey, Int32Array>;
  /** what lets the next version be worked out from this one; null: it is built again */
  base: Base | null;
}

/** Every port of the bridge (not only the forwarding ones), for incremental updates. */
interface Base {
  all: Link[];
  peers: Link[];
  peerNs: Netns[];
  fwd: Uint8Array;
  /** index into `ports`, or -1 */
  pos: Int32Array;
  byNs: Map<Netns, number[]>;
  /** ascending indices into `ports`: far ends that may hear any group (see special) */
  special: number[];
  /** solicited-node key → ascending indices into `ports` of far ends that may hold such an address (a superset) */
  solicited: Map<number, number[]>;
}

const portLists = new WeakMap<Link, PortList>();

/** A copy to `to` could be taken at all (what group-flood's unheard checks first, negated). */
export function mayHear(to: Link, group: GroupKey): boolean {
  return to.up && (special(to) || joinedKey(to, group));
}

/** Something other than group membership may see the copy: a capture point, netfilter, an upper device. */
function special(to: Link): boolean {
  const nf = to.ns.nf;
  return !!to.master || !!to.uppers?.length || !!to.noarp || to.kind === 'loopback' || (!!nf && !nf.empty);
}

/** The forwarding ports of `br` (sim.portForwards: live, up, with carrier), in order, for the model as it is. */
export function forwardingPorts(sim: Simulator, br: Link): PortList {
  const version = sim.lab.version;
  const c = portLists.get(br);
  if (c && c.version === version) return c;
  const next = (c?.base && update(sim, br, c, version)) || build(sim, br, version);
  portLists.set(br, next);
  return next;
}

/**
 * sim.portForwards for a veth port of a live bridge (its carrier is its peer being up), without
 * the simulator's per-version caches: asked of every port at each change on the bridge's side.
 */
function vethForwards(br: Link, p: Link): boolean {
  return p.master === br && br.up && p.up && p.peer!.up && p.ns === br.ns && p.ns.links.get(p.ifindex) === p;
}

function isPlain(p: Link): boolean {
  return p.kind === 'veth' && !!p.peer && !p.qdisc;
}

function build(sim: Simulator, br: Link, version: number): PortList {
  const all = sim.ports(br);
  const ports = all.filter((p) => sim.portForwards(p));
  const plain = Uint8Array.from(ports, (p) => (isPlain(p) ? 1 : 0));
  const allPlain = plain.every((x) => x === 1);
  let base: Base | null = null;
  if (all.every(isPlain)) {
    const pos = new Int32Array(all.length).fill(-1);
    const fwd = new Uint8Array(all.length);
    const byNs = new Map<Netns, number[]>();
    const peers = all.map((p) => p.peer!);
    const peerNs = peers.map((q) => q.ns);
    for (let i = 0, j = 0; i < all.length; i++) {
      if (ports[j] === all[i]) {
        fwd[i] = 1;
        pos[i] = j++;
      }
      const list = byNs.get(peerNs[i]!);
      if (list) list.push(i);
      else byNs.set(peerNs[i]!, [i]);
    }
    base = { all, peers, peerNs, fwd, pos, byNs, special: [], solicited: new Map() };
    for (let j = 0; j < ports.length; j++) index(base, ports[j]!.peer!, j);
  }
  return { version, ports, plain, allPlain, hear: new Map(), base };
}

/** Notes far end `to` of port `j` in the indexes (kept sorted; an entry already there stays). */
function index(b: Base, to: Link, j: number): void {
  if (special(to)) insertSorted(b.special, j);
  for (const k of solicitedKeys(to)) {
    const l = b.solicited.get(k);
    if (l) insertSorted(l, j);
    else b.solicited.set(k, [j]);
  }
}

function insertSorted(list: number[], j: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > j) i--;
  if (list[i - 1] !== j) list.splice(i, 0, j);
}

/** The next version from `c`, when only far ends' namespaces changed and no port stopped or started forwarding; else null. */
function update(sim: Simulator, br: Link, c: PortList, version: number): PortList | null {
  const changed = sim.lab.nsChanges.since(c.version, version);
  if (!changed || !sim.isLive(br)) return null;
  const b = c.base!;
  for (let i = 0; i < b.all.length; i++) if (b.all[i]!.peer !== b.peers[i] || b.peers[i]!.ns !== b.peerNs[i]) return null;
  // a change on the bridge's side (an address of a port leaving DAD, most often): the same
  // ports, each forwarding as it did — else built again
  if (changed.includes(br.ns)) {
    const all = sim.ports(br);
    if (all.length !== b.all.length) return null;
    for (let i = 0; i < all.length; i++) if (all[i] !== b.all[i] || !isPlain(all[i]!) || (vethForwards(br, all[i]!) ? 1 : 0) !== b.fwd[i]) return null;
  }
  const dirty: number[] = [];
  for (const ns of new Set(changed)) {
    for (const i of b.byNs.get(ns) ?? []) {
      if ((sim.portForwards(b.all[i]!) ? 1 : 0) !== b.fwd[i]) return null;
      if (b.pos[i]! >= 0) dirty.push(b.pos[i]!);
    }
  }
  // the indexes only narrow (supersets): a far end that changed is added where it now belongs
  for (const j of dirty) index(b, c.ports[j]!.peer!, j);
  const hear = new Map<GroupKey, Int32Array>();
  for (const [key, list] of c.hear) {
    if (isSolicitedKey(key)) continue;
    if (dirty.every((j) => list.includes(j) === mayHear(c.ports[j]!.peer!, key))) hear.set(key, list);
  }
  return { ...c, version, hear };
}

/** The indices of the plain ports whose far end could take a copy to `group`, ascending. */
export function hearers(c: PortList, group: GroupKey): Int32Array {
  let h = c.hear.get(group);
  if (h) return h;
  const out: number[] = [];
  const take = (j: number) => {
    if (c.plain[j] && mayHear(c.ports[j]!.peer!, group)) out.push(j);
  };
  if (c.base && isSolicitedKey(group)) {
    const a = c.base.special;
    const s = c.base.solicited.get(group) ?? [];
    // the two ascending lists merged, each index once
    let last = -1;
    for (let x = 0, y = 0; x < a.length || y < s.length; ) {
      const j = y >= s.length || (x < a.length && a[x]! <= s[y]!) ? a[x++]! : s[y++]!;
      if (j !== last) take(j);
      last = j;
    }
  } else {
    for (let j = 0; j < c.ports.length; j++) take(j);
  }
  h = Int32Array.from(out);
  c.hear.set(group, h);
  return h;
}
