/**
 * The ports of each master device, kept as they join and leave, with what the bridge derives
 * from them: the lowest free port number, the lowest port MAC (the bridge's own MAC) and the
 * smallest port MTU. The kernel keeps a port list per bridge; scanning the namespace's links
 * instead made every enslave cost as much as the namespace is big.
 *
 * An index is built from the namespace's links the first time it is asked for (a model read
 * back from the kernel sets `master` directly before anything asks), and from then on it is
 * kept by setMaster (device.ts), the only code that changes `master`. A port's MAC or MTU
 * that changes must be reported (portChanged).
 */
import type { Link } from './link.js';

interface PortIndex {
  ports: Set<Link>;
  /** the ports in ifindex order; null: to be sorted again */
  sorted: Link[] | null;
  /** how many ports hold each port number */
  nos: Map<number, number>;
  /** every port number from 1 below it is held */
  lowNo: number;
  macs: MinHeap<string>;
  mtus: MinHeap<number>;
  /** ports whose MTU is not a positive number (none can have one; they are not in `mtus`): br_mtu_min's order matters then */
  oddMtus: number;
}

/**
 * The smallest value among the ports, by a binary heap of (value, port) entries. An entry
 * whose port left, or now has another value, is stale and dropped when it reaches the top.
 */
class MinHeap<T extends string | number> {
  private vals: T[] = [];
  private links: Link[] = [];

  constructor(private readonly valueFn: (l: Link) => T) {}

  get size(): number {
    return this.vals.length;
  }

  push(l: Link): void {
    const v = this.valueFn(l);
    let i = this.vals.length;
    this.vals.push(v);
    this.links.push(l);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!(v < this.vals[up]!)) break;
      this.vals[i] = this.vals[up]!;
      this.links[i] = this.links[up]!;
      i = up;
    }
    this.vals[i] = v;
    this.links[i] = l;
  }

  /** The smallest live value, or undefined with no live entry. */
  min(live: Set<Link>): T | undefined {
    while (this.vals.length) {
      const l = this.links[0]!;
      if (live.has(l) && this.valueFn(l) === this.vals[0]) return this.vals[0];
      this.pop();
    }
    return undefined;
  }

  clear(): void {
    this.vals = [];
    this.links = [];
  }

  private pop(): void {
    const v = this.vals.pop()!;
    const l = this.links.pop()!;
    const n = this.vals.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.vals[c + 1]! < this.vals[c]!) c++;
      if (!(this.vals[c]! < v)) break;
      this.vals[i] = this.vals[c]!;
      this.links[i] = this.links[c]!;
      i = c;
    }
    this.vals[i] = v;
    this.links[i] = l;
  }
}

const indexes = new WeakMap<Link, PortIndex>();

function indexOf(master: Link): PortIndex {
  let ix = indexes.get(master);
  if (!ix) {
    ix = { ports: new Set(), sorted: null, nos: new Map(), lowNo: 1, macs: new MinHeap((l) => l.mac), mtus: new MinHeap((l) => l.mtu), oddMtus: 0 };
    for (const l of master.ns.linkList()) if (l.master === master) add(ix, l);
    indexes.set(master, ix);
  }
  return ix;
}

function add(ix: PortIndex, l: Link): void {
  ix.ports.add(l);
  ix.sorted = null;
  if (l.portNo !== undefined) ix.nos.set(l.portNo, (ix.nos.get(l.portNo) ?? 0) + 1);
  ix.macs.push(l);
  if (l.mtu > 0) ix.mtus.push(l);
  else ix.oddMtus++;
}

/** The heaps again from the ports, when they hold mostly stale entries or values changed. */
function rebuildHeaps(ix: PortIndex): void {
  ix.macs.clear();
  ix.mtus.clear();
  ix.oddMtus = 0;
  for (const l of ix.ports) {
    ix.macs.push(l);
    if (l.mtu > 0) ix.mtus.push(l);
    else ix.oddMtus++;
  }
}

/**
 * The ports of a master device, in ifindex order. The array is shared until the ports change
 * (then a new one is made): do not modify it.
 */
export function portsOf(master: Link): readonly Link[] {
  const ix = indexOf(master);
  if (!ix.sorted) ix.sorted = [...ix.ports].sort((a, b) => a.ifindex - b.ifindex);
  return ix.sorted;
}

/** Whether any port of `master` satisfies `pred` (in no particular order). */
export function somePort(master: Link, pred: (p: Link) => boolean): boolean {
  for (const p of indexOf(master).ports) if (pred(p)) return true;
  return false;
}

/** Call before `l.master` changes: takes `l` out of its master's index. */
export function portLeaving(l: Link): void {
  const master = l.master;
  if (!master) return;
  const ix = indexOf(master);
  if (!ix.ports.delete(l)) return;
  ix.sorted = null;
  const no = l.portNo;
  const n = no === undefined ? undefined : ix.nos.get(no);
  if (no !== undefined && n !== undefined) {
    if (n > 1) ix.nos.set(no, n - 1);
    else {
      ix.nos.delete(no);
      if (Number.isInteger(no) && no >= 1 && no < ix.lowNo) ix.lowNo = no;
    }
  }
  if (!(l.mtu > 0)) ix.oddMtus--;
  if (ix.macs.size > 2 * ix.ports.size + 16) rebuildHeaps(ix);
}

/** Call before `l.master` is set to `master`: builds the index while `l` is not yet in it. */
export function preparePorts(master: Link): void {
  indexOf(master);
}

/** find_portno: the lowest port number no port of the bridge holds. */
export function freePortNo(master: Link): number {
  const ix = indexOf(master);
  while (ix.nos.has(ix.lowNo)) ix.lowNo++;
  return ix.lowNo;
}

/** Call after `l.master` (and `l.portNo`) were set: puts `l` into its master's index. */
export function portJoined(l: Link): void {
  const ix = indexOf(l.master!);
  if (!ix.ports.has(l)) add(ix, l);
}

/** A port's MAC or MTU changed: what its master derives from them is computed again. */
export function portChanged(l: Link): void {
  const ix = l.master ? indexes.get(l.master) : undefined;
  if (ix) rebuildHeaps(ix);
}

/** The lowest MAC of the ports, as strings compare; null without ports. */
export function lowestPortMac(master: Link): string | null {
  const ix = indexOf(master);
  return ix.macs.min(ix.ports) ?? null;
}

/**
 * br_mtu_min: the smallest MTU of the ports, 0 without ports. (An MTU of 0, which no port can
 * have, would make it take the next port's: the ports are then walked in ifindex order.)
 */
export function smallestPortMtu(master: Link): number {
  const ix = indexOf(master);
  if (ix.oddMtus === 0) return ix.mtus.min(ix.ports) ?? 0;
  let min = 0;
  for (const p of portsOf(master)) if (!min || p.mtu < min) min = p.mtu;
  return min;
}

/** The index disagrees with the links' `master` (invariants.ts): a broken bookkeeping, or null. */
export function portIndexProblem(master: Link): string | null {
  const ix = indexes.get(master);
  if (!ix) return null;
  const actual = master.ns.linkList().filter((l) => l.master === master);
  if (actual.length !== ix.ports.size || actual.some((l) => !ix.ports.has(l))) return `the port index of ${master.name} does not match its ports`;
  let min: string | null = null;
  for (const p of actual) if (min === null || p.mac < min) min = p.mac;
  if (lowestPortMac(master) !== min) return `the lowest port MAC of ${master.name} is ${min}, not ${lowestPortMac(master)}`;
  return null;
}
