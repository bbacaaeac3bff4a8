/**
 * Why a ping works or not: one ping (count 1, ping's default 10 s wait so that ARP failures
 * show) on a fork of the simulator with a tracer attached, every decision recorded and grouped
 * into hops by namespace. The script's own simulator is not touched. It lives above the
 * simulator because its verdict quotes ping's own words (src/programs/ping/words.ts).
 *
 * @example
 * const x = explain(sim, lab.netns('h/A')!, parseIp4('10.0.2.1')!);
 * x.disposition; // 'no-answer'
 * x.reason;      // 'forwarding-off'
 * console.log(formatExplain(x));
 */
import { formatIp6, type Ip6 } from '../model/ipv6/ip6.js';
import { ip4ToString, parseIp4, type Ip4 } from '../model/ip.js';
import type { Netns } from '../model/netns.js';
import { routeAbsence } from '../model/route-absence.js';
import { ping, type PingOptions } from '../../sim/ping.js';
import type { Simulator } from '../../sim/simulator.js';
import { Tracer, type DropReason, type StepKind, type TraceStep } from '../../sim/trace.js';
import { pingReport, type PingReport } from '../programs/ping/words.js';
import { notSimulatedIn, type NotSimulated } from '../model/not-simulated.js';
import { multipathHashText, routePrefixText } from '../model/route.js';
import { annotateNetfilter } from './explain-netfilter.js';

export type Disposition = 'reply' | 'icmp-error' | 'no-answer' | 'local-error';

export interface ExplainHop {
  ns: string;
  steps: TraceStep[];
}

/** What an explanation keeps of its ping, IPv4's or IPv6's: counts and ping's own words. */
export type ExplainPing = Pick<PingReport, 'exit' | 'fatal' | 'transmitted' | 'received' | 'errors' | 'replies' | 'errorLines' | 'startUs' | 'endUs'>;

export interface ExplainResult {
  from: string;
  /** the destination: an IPv4 address (number) or an IPv6 one (bigint) */
  dst: Ip4 | Ip6;
  disposition: Disposition;
  /** the drop that decided it (first significant one), or null for a reply */
  reason: DropReason | null;
  /** one sentence */
  summary: string;
  /** the event that decided it (the drop), or null for a reply or a ping that failed at once */
  decisive: TraceStep | null;
  /** why, when the model shows more than the drop: a missing route's cause (src/model/route-absence.ts) */
  cause: { why: string; fix: string } | null;
  /** when a missing route decided it: the namespace without the route and the destination it lacks */
  noRoute: { ns: string; dst: Ip4 } | null;
  /** the namespaces the packets passed at the IP layer, in order, up to the decisive event */
  path: string[];
  hops: ExplainHop[];
  ping: ExplainPing;
  /**
   * Settings on the namespaces the ping went through that the simulator keeps but ignores
   * ("arp_accept is set on veth1 and not simulated"): the kernel may answer otherwise.
   */
  notSimulated: NotSimulated[];
}

/** Drops that happen to copies nobody needed (floods reaching other hosts). */
const NOISE = new Set<DropReason>(['not-for-us', 'broadcast-echo-ignored', 'no-socket']);

const FATAL_REASON: [RegExp, DropReason][] = [
  [/Network is unreachable/, 'no-route'],
  [/No route to host/, 'unreachable'],
  [/Invalid argument/, 'blackhole'],
  [/ping broadcast|Permission denied/, 'prohibit'],
];

export function explain(sim: Simulator, from: Netns, dst: Ip4, opts: PingOptions = {}): ExplainResult {
  return explainPing(sim, from, dst, (f) => pingReport(ping(f, from, dst, { count: 1, timeout: 10, ...opts })));
}

/**
 * The explanation of one ping that `run` sends on a fork of `sim` (IPv4's here, IPv6's in
 * explain6.ts): its trace grouped into hops, the decisive drop, the verdict.
 */
export function explainPing(sim: Simulator, from: Netns, dst: Ip4 | Ip6, run: (f: Simulator) => ExplainPing): ExplainResult {
  const f = sim.fork();
  const tracer = new Tracer();
  f.tracer = tracer;
  const r = run(f);
  annotateNetfilter(tracer.steps);
  const hops: ExplainHop[] = [];
  for (const s of tracer.steps) {
    const last = hops[hops.length - 1];
    if (last && last.ns === s.ns) last.steps.push(s);
    else hops.push({ ns: s.ns, steps: [s] });
  }
  const drops = tracer.steps.filter((s) => s.kind === 'drop' && s.reason);
  const decisive = drops.find((s) => !NOISE.has(s.reason!)) ?? drops[0] ?? null;
  const target = typeof dst === 'bigint' ? formatIp6(dst) : ip4ToString(dst);
  let disposition: Disposition;
  let reason: DropReason | null = null;
  let summary: string;
  if (r.fatal !== null) {
    disposition = 'local-error';
    reason = FATAL_REASON.find(([re]) => re.test(r.fatal!))?.[1] ?? null;
    summary = `ping ${target} from ${from.path} fails at once: ${r.fatal}`;
  } else if (r.received > 0 && r.replies[0]) {
    disposition = 'reply';
    const rep = r.replies[0];
    summary = `ping ${target} from ${from.path}: reply from ${rep.from} ttl ${rep.ttl}`;
  } else if (r.errors > 0) {
    disposition = 'icmp-error';
    reason = decisive?.reason ?? null;
    summary = `ping ${target} from ${from.path}: ${r.errorLines[0]}${decisive ? ` (${decisive.ns}: ${decisive.detail})` : ''}`;
  } else {
    disposition = 'no-answer';
    reason = decisive?.reason ?? null;
    const pending = pendingArp(f);
    summary = decisive
      ? `ping ${target} from ${from.path}: no answer; ${decisive.ns} dropped it: ${decisive.detail}`
      : `ping ${target} from ${from.path}: no answer within ${(r.endUs - r.startUs) / 1e6} s${pending ? `; ${pending} (ARP gives up after ~3 s)` : ''}`;
  }
  const onPath = new Set([from.path, ...hops.map((h) => h.ns)]);
  const notSimulated = sim.lab
    .namespaces()
    .filter((ns) => onPath.has(ns.path))
    .flatMap((ns) => notSimulatedIn(ns).map((x) => ({ ...x, text: `${x.text} (${ns.path})` })));
  // which hop of a multipath route the kernel's hash takes is not known: the ping took the first live one
  if (f.hashedRoute) notSimulated.push({ setting: `route ${routePrefixText(f.hashedRoute)}`, text: multipathHashText(f.hashedRoute), why: 'the packets here took its first live hop' });
  const decidedIn = decisive ? f.lab.netns(decisive.ns) : disposition === 'local-error' ? from : null;
  // the model's account of a missing route is IPv4's (route-absence.ts)
  const noRoute = reason === 'no-route' && decidedIn && typeof dst === 'number' ? { ns: decidedIn.path, dst: decisive ? dstOf(decisive, dst) : dst } : null;
  const absence = noRoute && decidedIn ? routeAbsence(decidedIn, noRoute.dst) : null;
  const cause = absence ? { why: absence.why, fix: absence.fix } : null;
  const upTo = decisive ? tracer.steps.indexOf(decisive) : tracer.steps.length - 1;
  const path = l3Path(tracer.steps.slice(0, upTo + 1));
  if (decisive && disposition !== 'reply' && path[path.length - 1] !== decisive.ns) path.push(decisive.ns);
  return { from: from.path, dst, disposition, reason, summary, decisive: disposition === 'reply' ? null : decisive, cause, noRoute, path, hops, ping: r, notSimulated };
}

/** The destination a drop was about: `no route to A.B.C.D` names it (a reply's way back, an ICMP error's). */
function dstOf(step: TraceStep, dst: Ip4): Ip4 {
  const m = /no route to (\d+\.\d+\.\d+\.\d+)/.exec(step.detail);
  return m ? (parseIp4(m[1]!) ?? dst) : dst;
}

/** IP-layer events: where the packets are, leaving ARP and frame steps aside. */
const L3 = new Set<StepKind>(['send', 'route', 'input', 'forward', 'deliver']);

/** The namespaces the packets passed at the IP layer (repeats in a row once). */
function l3Path(steps: readonly TraceStep[]): string[] {
  const out: string[] = [];
  for (const e of steps) if (L3.has(e.kind) && out[out.length - 1] !== e.ns) out.push(e.ns);
  return out;
}

/**
 * Readable text. By default the verdict and what decided it: the decisive event, its cause and
 * fix when the model shows them, the path up to it; `verbose` adds every event, hop by hop, with
 * its virtual time.
 */
export function formatExplain(x: ExplainResult, opts: { verbose?: boolean } = {}): string {
  let out = `${x.summary}\n`;
  for (const n of x.notSimulated) out += `not simulated: ${n.text}: ${n.why}\n`;
  const t0 = x.ping.startUs;
  const time = (t: number) => `+${((t - t0) / 1e6).toFixed(6)} s`;
  if (x.decisive) out += `decided at ${x.decisive.ns}, ${time(x.decisive.t)}: [${x.decisive.reason}] ${x.decisive.detail}\n`;
  else if (x.reason) out += `reason: ${x.reason}\n`;
  if (x.cause) out += `  because ${x.cause.why}\n  fix: ${x.cause.fix}\n`;
  if (x.path.length) out += `path: ${x.path.join(' -> ')}\n`;
  const n = x.hops.reduce((k, h) => k + h.steps.length, 0);
  if (!opts.verbose) return n ? `${out}(${n} events: --verbose shows them all, --step one at a time)\n` : out;
  for (const h of x.hops) {
    out += `  ${h.ns}\n`;
    for (const s of h.steps) {
      const t = ((s.t - t0) / 1e6).toFixed(6);
      out += `    ${t} ${s.kind.padEnd(7)} ${s.reason ? `[${s.reason}] ` : ''}${s.detail}\n`;
    }
  }
  return out;
}

/** A neighbour still being resolved with packets waiting: why a short -W saw nothing. */
function pendingArp(sim: Simulator): string | null {
  for (const ns of sim.lab.namespaces()) {
    const st = sim.state(ns);
    for (const t of st.neigh.values()) {
      for (const e of t.values()) {
        if (e.state === 'incomplete' && e.queue.length)
          return typeof e.ip === 'bigint'
            ? `${ns.path} was still waiting for neighbour discovery of ${formatIp6(e.ip)} on ${e.dev.name}`
            : `${ns.path} was still waiting for ARP of ${ip4ToString(e.ip)} on ${e.dev.name}`;
      }
    }
  }
  return null;
}
