/**
 * The public questions of sim/reach (signatures first; see index.ts for the method).
 */
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import type { Link } from '../../src/model/link.js';
import type { Ip4 } from '../../src/model/ip.js';
import type { DropReason } from '../trace.js';
import { FastReachability } from './matrix.js';
import { walk } from './walk.js';

/** How a packet's forwarding ends. */
export type WalkOutcome = 'delivered' | 'loop' | 'blackhole' | 'dropped';

/**
 * One locally generated packet from `from` to `dst`, followed through the FIBs, ARP and L2
 * (forward direction only; no reply).
 * - `delivered`: a namespace took it as local (`path` ends there);
 * - `loop`: it came back to a (namespace, ingress device) it had passed, or ran out of TTL;
 * - `blackhole`: no route, or a blackhole / unreachable / prohibit route or rule, somewhere;
 * - `dropped`: anything else (forwarding off, rp_filter, ARP failure, link down, lo down, …).
 */
export interface ForwardingWalk {
  outcome: WalkOutcome;
  /** namespaces in order, the source first */
  path: Netns[];
  /** the ingress device at each step after the first (same length as path - 1) */
  ingress: Link[];
  /** the drop reason (null when delivered) */
  reason: DropReason | null;
  /** one sentence: where and why */
  detail: string;
  /** the source address the packet carried */
  src: Ip4;
}

/** A forwarding loop: the destination range that loops and the cycle of namespaces. */
export interface LoopFinding {
  /** first and last address of the destination class (inclusive) */
  first: Ip4;
  last: Ip4;
  /** the namespaces of the cycle, starting where it closes */
  cycle: Netns[];
  /** a source namespace whose packets enter it */
  from: Netns;
}

/** A source whose packets to part of `prefix` end in a blackhole. */
export interface BlackholeFinding {
  from: Netns;
  /** first and last address of the destination class (inclusive) */
  first: Ip4;
  last: Ip4;
  /** where it was dropped */
  at: Netns;
  reason: DropReason;
  detail: string;
}

/** A destination: an IPv4 address configured on an interface (not 127.0.0.0/8). */
export interface Destination {
  addr: Ip4;
  /** the namespace that holds it (the first, if several do) */
  ns: Netns;
  dev: Link;
}

export interface ReachOptions {
  /** called now and then during a large run: pairs done, pairs in all */
  onProgress?: (done: number, total: number) => void;
  /** keep a snapshot of the model to recompute only what later changes affect (default true) */
  track?: boolean;
  /** ask the event engine for every pair (the reference the fast path is tested against) */
  engine?: boolean;
}

/** One (source, destination) pair with its answer. */
export interface ReachPair {
  source: number;
  destination: number;
  reachable: boolean;
}

/**
 * All-pairs reachability: sources are every namespace of every host (lab order), destinations
 * every configured IPv4 address except 127.0.0.0/8 (namespace order, then link order, then
 * address order; an address held twice is listed once). `reachable(i, j)` is what
 * `ping -c 1 -W 1` from `sources[i]` to `destinations[j].addr` would say from a fresh state.
 */
export interface Reachability {
  readonly sources: readonly Netns[];
  readonly destinations: readonly Destination[];
  reachable(i: number, j: number): boolean;
  /** the reachable pairs count */
  readonly reachableCount: number;
  /** every unreachable pair, in source then destination order */
  unreachable(): Iterable<ReachPair>;
  /** one source against every destination, 1 reachable / 0 not (recomputes only what changed in the model since) */
  row(i: number): Uint8Array;
  /** every pair, 1 reachable / 0 not, row-major (sources × destinations), in one bulk pass */
  matrix(): Uint8Array;
  /** pairs the fast path handed to the event engine */
  readonly engineChecked: number;
}

/**
 * The forward path of one packet from `from` to `dst`, decision by decision, with the source
 * address ping would choose.
 *
 * @example
 * const w = forwardingWalk(lab.model, lab.model.netns('node1/pod1')!, parseIp4('10.244.2.2')!);
 * w.outcome;                    // 'delivered'
 * w.path.map((ns) => ns.path);  // ['node1/pod1', 'node1', 'node2', 'node2/pod1']
 */
export function forwardingWalk(lab: LabModel, from: Netns, dst: Ip4): ForwardingWalk {
  return walk(lab, from, dst);
}

export { findLoops, findBlackholes } from './analysis.js';

/**
 * All-pairs reachability of a lab, answered lazily and kept in step with the model: after a
 * change, the next question recomputes only what the change can affect.
 *
 * @example
 * const r = reachability(k8sLab({ nodes: 2, podsPerNode: 2 }).model);
 * r.reachableCount; // every pair of the cluster
 */
export function reachability(lab: LabModel, opts: ReachOptions = {}): Reachability {
  return new FastReachability(lab, opts);
}
