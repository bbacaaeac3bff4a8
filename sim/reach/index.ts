/**
 * Reachability at scale: what `ping -c 1 -W 1` from a fresh state (no ARP cache, no learned
 * FDB) would answer, for every source namespace and destination address, without simulating
 * each ping packet by packet. The event engine (sim/ping.ts) stays the reference: the fast path
 * answers only what it can prove equal to it and hands every other pair to the engine.
 *
 * How (details in each file):
 * - `intervals.ts`: each namespace's IPv4 space cut into intervals its FIB, rules and
 *   addresses treat alike (its destination classes);
 * - `context.ts`: the lab at one version — compiled FIBs on a fresh state, destinations, and
 *   whether the lab is source-blind (the condition for sharing work between sources);
 * - `l2.ts`: live L2 domains (veth pairs, bridges, cables) and their endpoints;
 * - `templates.ts`: the decisions, one per (namespace, class) for what a ping sends and per
 *   (ingress endpoint, class) for what arrives, plus who answers ARP for a next hop;
 * - `chain.ts`: the rest of the way from a router's ingress, memoised per (ingress,
 *   destination); `send.ts`: one direction and one pair; `bulk.ts`: all pairs in two sweeps;
 * - `matrix.ts`: the `Reachability` object, lazy and kept in step with the model through
 *   `changes.ts` (a route change recomputes only destinations inside its prefix) and
 *   `rows.ts` (rows kept across route changes: only the columns and rows a change can touch
 *   are asked again);
 * - `engine.ts`: the event engine's answer for the pairs the fast path hands over;
 * - `walk.ts` / `analysis.ts`: one walk with its path; loops and blackholes per class;
 * - `l4.ts`: a service port (TCP, UDP, ICMP) asked of the event engine: open, refused,
 *   unreachable or filtered, with netfilter both ways; `port-reach.ts` for many pairs, where
 *   `l4-fast.ts` runs the engine once per class of twin sources (`l4-twins.ts`: pods the lab
 *   tells apart only by their own address) when the chains the run entered cannot tell them apart;
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
export { probePort, type L4Proto, type PortAnswer, type PortProbe, type PortProbeOptions } from './l4.js';
export { portReach, type PortReach, type PortReachOptions } from './port-reach.js';
export { reachability6, enginePing6, type Reachability6 } from './v6/reach6.js';
export type { Destination6 } from './v6/context6.js';
