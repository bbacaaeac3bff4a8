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
import { ip4ToString, type Ip4 } from '../model/ip.js';
import type { Netns } from '../model/netns.js';
import { ping, type PingOptions } from '../../sim/ping.js';
import type { Simulator } from '../../sim/simulator.js';
import { Tracer, type DropReason, type TraceStep } from '../../sim/trace.js';
import { pingReport, type PingReport } from '../programs/ping/words.js';
import { notSimulatedIn, type NotSimulated } from '../model/not-simulated.js';

export type Disposition = 'reply' | 'icmp-error' | 'no-answer' | 'local-error';

export interface ExplainHop {
  ns: string;
  steps: TraceStep[];
}

export interface ExplainResult {
  from: string;
  dst: Ip4;
  disposition: Disposition;
  /** the drop that decided it (first significant one), or null for a reply */
  reason: DropReason | null;
  /** one sentence */
  summary: string;
  hops: ExplainHop[];
  ping: PingReport;
  /**
   * Settings on the namespaces the ping went through that the simulator keeps but ignores
   * ("proxy_arp is set on veth1 and not simulated"): the kernel may answer otherwise.
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
  const f = sim.fork();
  const tracer = new Tracer();
  f.tracer = tracer;
  const r = pingReport(ping(f, from, dst, { count: 1, timeout: 10, ...opts }));
  const hops: ExplainHop[] = [];
  for (const s of tracer.steps) {
    const last = hops[hops.length - 1];
    if (last && last.ns === s.ns) last.steps.push(s);
    else hops.push({ ns: s.ns, steps: [s] });
  }
  const drops = tracer.steps.filter((s) => s.kind === 'drop' && s.reason);
  const decisive = drops.find((s) => !NOISE.has(s.reason!)) ?? drops[0] ?? null;
  const target = ip4ToString(dst);
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
  return { from: from.path, dst, disposition, reason, summary, hops, ping: r, notSimulated };
}

/** Readable text: the verdict, then each hop's decisions with their virtual time. */
export function formatExplain(x: ExplainResult): string {
  let out = `${x.summary}\n`;
  if (x.reason) out += `reason: ${x.reason}\n`;
  for (const n of x.notSimulated) out += `not simulated: ${n.text}: ${n.why}\n`;
  const t0 = x.ping.startUs;
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
        if (e.state === 'incomplete' && e.queue.length) return `${ns.path} was still waiting for ARP of ${ip4ToString(e.ip)} on ${e.dev.name}`;
      }
    }
  }
  return null;
}
