/**
 * The simulator's answers to the intents' questions: a traced ping (src/twin/explain) for reach and
 * isolation, the forwarding engine (sim/reach, through `engine.ts`) for paths, loops and
 * blackholes. Explanations name the hop that decided and the routes it decided with.
 */
import { ip4ToString, type Ip4 } from '../model/ip.js';
import type { LabModel } from '../model/lab-model.js';
import type { Simulator } from '../../sim/simulator.js';
import { explain, type ExplainResult } from '../twin/explain.js';
import { explain6 } from '../twin/explain6.js';
import type { Ip6 } from '../model/ipv6/ip6.js';
import type { DropReason } from '../../sim/trace.js';
import type { BlackholeReport, LoopReport, PathAnswer, Prober, ReachAnswer } from './check.js';
import { address6OfNs, addressOfNs, mergeBlackholes, mergeLoops, routeFor, routeLines } from './describe.js';
import { defaultEngine, type ForwardingEngine, type ForwardingWalk } from './engine.js';
import type { Prefix } from './intents.js';
import { simPortReport, type PortReport, type PortSpec } from './port-intent.js';
import { dnatEndpoints, type DnatEndpoint } from '../model/netfilter/dnat-endpoints.js';

/** Drops decided by a route (or its absence): show the routes that decided. */
const ROUTED = new Set<DropReason>(['no-route', 'blackhole', 'unreachable', 'prohibit']);
const NOISE = new Set<DropReason>(['not-for-us', 'broadcast-echo-ignored', 'no-socket']);

/**
 * A Prober over a simulated lab. `sim` carries the runtime state the scripts left (neighbour
 * caches, FDBs); questions run on forks of it, so asking changes nothing.
 */
export class SimProber implements Prober {
  private readonly reachCache = new Map<string, ReachAnswer>();

  constructor(
    readonly model: LabModel,
    readonly sim: Simulator,
    readonly engine: ForwardingEngine = defaultEngine,
  ) {}

  addressOf(ns: string): Ip4 | null {
    return addressOfNs(this.model, ns);
  }

  addressOf6(ns: string): Ip6 | null {
    return address6OfNs(this.model, ns);
  }

  reach(from: string, dst: Ip4 | Ip6): ReachAnswer {
    const key = `${from} ${dst}`;
    let a = this.reachCache.get(key);
    if (!a) {
      a = typeof dst === 'bigint' ? this.reach6(from, dst) : this.reachOnce(from, dst);
      this.reachCache.set(key, a);
    }
    return a;
  }

  port(from: string, dst: Ip4, spec: PortSpec): PortReport {
    return simPortReport(this.model, from, dst, spec);
  }

  endpoints(dst: Ip4, proto: 'tcp' | 'udp', port: number): DnatEndpoint[] {
    return dnatEndpoints(this.model, dst, proto, port);
  }

  /** `ping -6`: explain6's traced ping (once DAD is over, as a `ping -6` line waits), the drop that decided. */
  private reach6(from: string, dst: Ip6): ReachAnswer {
    const x = explain6(this.sim, this.model.netns(from)!, dst);
    const replied = x.disposition === 'reply';
    if (replied) return { replied, summary: x.summary, why: [`round trip: ${hopPath(x).join(' -> ')}`], rule: [] };
    const steps = x.hops.flatMap((h) => h.steps);
    const drop = steps.find((s) => s.kind === 'drop' && s.reason === x.reason) ?? steps.find((s) => s.kind === 'drop' && s.reason && !NOISE.has(s.reason));
    return { replied, summary: x.summary, why: drop ? [`${drop.ns}: ${drop.detail}${drop.reason ? ` [${drop.reason}]` : ''}`] : [], rule: [] };
  }

  private reachOnce(from: string, dst: Ip4): ReachAnswer {
    const ns = this.model.netns(from)!;
    const x = explain(this.sim, ns, dst);
    const replied = x.disposition === 'reply';
    if (replied) return { replied, summary: x.summary, why: [`round trip: ${hopPath(x).join(' -> ')}`], rule: [] };
    return { replied, summary: x.summary, ...this.whyNot(x, from, dst) };
  }

  /**
   * Where the request went (when it left the source), the drop that decided, and the routes
   * behind a routing decision: the table of the hop without a route, or the route the source used.
   */
  private whyNot(x: ExplainResult, from: string, dst: Ip4): { why: string[]; rule: string[] } {
    const why: string[] = [];
    const rule: string[] = [];
    const w = this.walk(from, dst);
    if (w && w.path.length > 1) {
      const path = w.path.map((n) => n.path).join(' -> ');
      if (w.outcome === 'delivered') why.push(`the request arrives (${path}); the reply does not come back`);
      else if (w.outcome === 'loop') why.push(`the request loops: ${path} …`);
      else why.push(`the request goes ${path}, then: ${w.outcome}`);
    }
    const steps = x.hops.flatMap((h) => h.steps);
    const drop = steps.find((s) => s.kind === 'drop' && s.reason === x.reason) ?? steps.find((s) => s.kind === 'drop' && s.reason && !NOISE.has(s.reason));
    let at: string | null = null;
    if (drop) {
      why.push(`${drop.ns}: ${drop.detail}${drop.reason ? ` [${drop.reason}]` : ''}`);
      at = drop.reason && ROUTED.has(drop.reason) ? drop.ns : null;
    } else if (x.disposition === 'local-error') {
      at = from;
    } else if (w && w.outcome !== 'delivered') {
      why.push(w.detail);
      at = w.reason && ROUTED.has(w.reason) ? w.path[w.path.length - 1]!.path : null;
    }
    const src = this.model.netns(from)!;
    if (at) {
      const ns = this.model.netns(at)!;
      const used = at === from ? routeFor(ns, dst) : null;
      if (used) rule.push(`${at} picks: ${used}`);
      else rule.push(`no route in ${at} matches${at === from ? ` ${ip4ToString(dst)}` : ''}; its routes:`, ...routeLines(ns).map((l) => `  ${l}`));
    } else if (drop && drop.ns === from) {
      const used = routeFor(src, dst);
      if (used) rule.push(`${from} picks: ${used}`);
    }
    return { why, rule };
  }

  private walk(from: string, dst: Ip4): ForwardingWalk | null {
    const ns = this.model.netns(from);
    return ns ? this.engine.forwardingWalk(this.model, ns, dst) : null;
  }

  path(from: string, dst: Ip4): PathAnswer {
    const w = this.walk(from, dst)!;
    const path = w.path.map((n) => n.path);
    const why: string[] = [];
    const last = w.path[w.path.length - 1];
    if (w.outcome !== 'delivered' && last && w.reason && ROUTED.has(w.reason)) {
      const used = routeFor(last, dst);
      if (last.path === from && used) why.push(`${from} picks: ${used}`);
      else why.push(`the routes of ${last.path}:`, ...routeLines(last).map((l) => `  ${l}`));
    }
    return { delivered: w.outcome === 'delivered', path, summary: `${w.outcome}: ${w.detail}`, why };
  }

  loops(): LoopReport[] {
    return mergeLoops(this.engine.findLoops(this.model));
  }

  blackholes(prefix: Prefix): BlackholeReport[] {
    const text = `${ip4ToString(prefix.addr)}/${prefix.len}`;
    return mergeBlackholes(this.engine.findBlackholes(this.model, text));
  }
}

/** IP-layer decisions: the namespaces a packet passes (ARP and frame steps left out). */
const L3 = new Set(['send', 'route', 'input', 'forward', 'deliver']);

/** The namespaces an explained ping's request and reply passed, in order. */
function hopPath(x: ExplainResult): string[] {
  const out: string[] = [];
  for (const h of x.hops) if (h.steps.some((s) => L3.has(s.kind)) && out[out.length - 1] !== h.ns) out.push(h.ns);
  return out;
}
