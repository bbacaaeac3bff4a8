/**
 * The path of one ping, to highlight on a diagram. The verdict is `explain`'s (one ping on a
 * copy of the lab's simulator, so the run's own state is untouched); the interfaces come from
 * the same ping on another copy, watched through the simulator's event bus, because explain's
 * steps name devices only in their text. Every interface that sent or received an IPv4 frame
 * is on the path (a bridge port takes its bridge along), an edge is on it when both its ends
 * are, and the interface where explain's deciding drop happened, if known, is marked.
 *
 * @example
 * const t = tracePath(lab, graph, 'node1/NS1', '172.16.0.3');
 * if (t.kind === 'ok') toMermaid(graph, { trace: t.trace });
 */
import type { Twin } from '../twin/twin.js';
import { parseIp4 } from '../model/ip.js';
import type { Netns } from '../model/netns.js';
import { explain } from '../twin/explain.js';
import { ping } from '../../sim/ping.js';
import { ETHERTYPE } from '../../sim/wire/ethernet.js';
import type { Graph, GraphTrace } from './model-graph.js';

export type TraceAnswer = { kind: 'ok'; trace: GraphTrace } | { kind: 'error'; message: string };

/** Pings `to` (an IPv4 address) once from namespace `from` (`host/NS`, `host`, or `NS` when only one host has it). */
export function tracePath(lab: Twin, g: Graph, from: string, to: string): TraceAnswer {
  const ns = findNs(lab, from);
  if (typeof ns === 'string') return { kind: 'error', message: ns };
  const dst = parseIp4(to);
  if (dst === null) return { kind: 'error', message: `"${to}" is not an IPv4 address` };

  const nodeAt = new Map<string, string>();
  for (const h of g.hosts) for (const n of h.namespaces) for (const i of n.ifaces) for (const name of [i.name, ...i.aliases]) nodeAt.set(`${i.ns} ${name}`, i.id);
  const masterOf = new Map<string, string>();
  for (const e of g.edges) if (e.kind === 'port') masterOf.set(e.from, e.to);

  const x = explain(lab.sim, ns, dst);
  const decisive = x.reason ? x.hops.flatMap((h) => h.steps).find((st) => st.kind === 'drop' && st.reason === x.reason) : undefined;

  const lit = new Set<string>();
  let drop: string | null = null;
  const sim = lab.sim.fork();
  const visit = (e: { ns: string; dev: string; ethertype: number }) => {
    if (e.ethertype !== ETHERTYPE.ipv4) return;
    const id = nodeAt.get(`${e.ns} ${e.dev}`);
    if (!id) return;
    lit.add(id);
    const br = masterOf.get(id);
    if (br) lit.add(br);
  };
  sim.events.on('frame:tx', visit);
  sim.events.on('frame:rx', visit);
  sim.events.on('packet:drop', (e) => {
    if (drop === null && decisive && e.ns === decisive.ns && e.reason === decisive.reason && e.dev) drop = nodeAt.get(`${e.ns} ${e.dev}`) ?? null;
  });
  // explain's own ping options, so both copies see the same packets
  ping(sim, ns, dst, { count: 1, timeout: 10 });

  if (drop) lit.add(drop);
  const nodes = orderedNodes(g, lit);
  const edges = g.edges.flatMap((e, k) => (lit.has(e.from) && lit.has(e.to) ? [k] : []));
  const title = x.reason ? `${x.summary} [${x.reason}]` : x.summary;
  return { kind: 'ok', trace: { title, nodes, edges, drop } };
}

function findNs(lab: Twin, from: string): Netns | string {
  const direct = lab.model.netns(from);
  if (direct) return direct;
  if (!from.includes('/')) {
    const found = [...lab.model.hosts.values()].flatMap((h) => (h.namespaces.has(from) ? [h.namespaces.get(from)!] : []));
    if (found.length === 1) return found[0];
    if (found.length > 1) return `namespace "${from}" is on several hosts: say which (${found.map((n) => n.path).join(', ')})`;
  }
  return `no namespace "${from}" (give host/NS or host)`;
}

/** Lit nodes in drawing order, so the output does not depend on event order. */
function orderedNodes(g: Graph, lit: Set<string>): string[] {
  const out: string[] = [];
  for (const h of g.hosts) for (const n of h.namespaces) for (const i of n.ifaces) if (lit.has(i.id)) out.push(i.id);
  return out;
}
