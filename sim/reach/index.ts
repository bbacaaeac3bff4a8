/**
 * Reachability at scale: what `ping -c 1 -W 1` from a fresh state (no ARP cache, no learned
 * FDB) would answer, for every source namespace and destination address, without simulating
 * each ping packet by packet. The event engine (sim/ping.ts) stays the reference: the fast path
 * answers only what it can prove equal to it and hands every other pair to the engine.
 *
 * How (details in each file):
 * - `intervals.ts`: each namespace's IPv4 space cut into intervals that its FIB, rules and
 *   addresses treat alike (a destination class per namespace); decisions are memoised per
 *   (namespace, ingress device, interval).
 * - `l2.ts`: live L2 domains (veth pairs, bridges, cables) and who answers ARP for an address.
 * - `walk.ts`: one locally generated packet followed hop by hop through those decisions, with
 *   chains memoised per (router ingress, destination).
 * - `matrix.ts`: the all-pairs answer, M(N, A) = "a packet from N to A is delivered", and
 *   reach(S, D) = M(S, D) ∧ M(owner(D), src(S, D)); unsure pairs go to the engine.
 * - `invalidate.ts`: after a change only what the change can affect is recomputed.
 *
 * @example
 * const r = reachability(lab.model);
 * r.sources.map((ns) => ns.path);       // ['node1', 'node1/pod1', …]
 * r.reachable(0, 3);                     // true
 * forwardingWalk(lab.model, lab.model.netns('node1/pod1')!, parseIp4('10.244.2.2')!).outcome; // 'delivered'
 */
export {
  forwardingWalk,
  findLoops,
  findBlackholes,
  reachability,
  type WalkOutcome,
  type ForwardingWalk,
  type LoopFinding,
  type BlackholeFinding,
  type Reachability,
  type ReachOptions,
  type ReachPair,
  type Destination,
} from './api.js';
