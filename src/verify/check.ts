/**
 * Judging intents. The questions an intent asks (does a ping get a reply, which path does a
 * packet take, where are loops and blackholes) go through a `Prober`, answered by the
 * simulator (`sim-prober.ts`) or by the kernel (`real-prober.ts`); judging the answers is the
 * same pure code for both modes, so the two can only differ in what they observed.
 */
import { ip4ToString, type Ip4 } from '../model/ip.js';
import { formatIp6, type Ip6 } from '../model/ipv6/ip6.js';
import { describeIntent, type Intent, type Prefix, type Target } from './intents.js';
import { judgePort, type PortReport, type PortSpec } from './port-intent.js';
import type { DnatEndpoint } from '../model/netfilter/dnat-endpoints.js';

/** Would a ping get a reply? */
export interface ReachAnswer {
  replied: boolean;
  /** one line: what the ping saw */
  summary: string;
  /** the explanation: the path, or the hop that decided */
  why: string[];
  /** the routes that decided, when a routing decision did */
  rule: string[];
}

/** The forward path of one packet: the source, the namespaces that forward it, the one that takes it. */
export interface PathAnswer {
  delivered: boolean;
  path: string[];
  summary: string;
  why: string[];
}

export interface LoopReport {
  /** the destination classes that loop, as prefixes or ranges */
  dst: string;
  cycle: string[];
  /** a source whose packets enter the loop */
  from: string;
  /** the route each namespace of the cycle picks (`ns: route`) */
  routes: string[];
}

export interface BlackholeReport {
  from: string;
  dst: string;
  /** where the packet is dropped */
  at: string;
  detail: string;
}

/** The questions intents ask; each mode answers them its own way. */
export interface Prober {
  /** would `ping -c 1 -W 1 DST` get a reply (`ping -6` for an IPv6 destination) */
  reach(from: string, dst: Ip4 | Ip6): ReachAnswer;
  /** what `nc -z -w 1` (`-u`) meets at a service port */
  port(from: string, dst: Ip4, spec: PortSpec): PortReport;
  path(from: string, dst: Ip4): PathAnswer;
  loops(): LoopReport[];
  blackholes(prefix: Prefix): BlackholeReport[];
  /** the address a namespace stands for as a destination (its first global address), or null */
  addressOf(ns: string): Ip4 | null;
  /** the same for IPv6: its first global IPv6 address, or null */
  addressOf6(ns: string): Ip6 | null;
  /** the endpoints the lab's DNAT rules send `dst`:`port` to (from the rules the lab wrote, in both modes) */
  endpoints(dst: Ip4, proto: 'tcp' | 'udp', port: number): DnatEndpoint[];
}

/**
 * The verdict on one intent.
 *
 * @example
 * for (const v of lab.verify(intents).verdicts) console.log(v.holds ? 'holds' : 'FAILS', v.name, v.summary);
 */
export interface Verdict {
  intent: Intent;
  /** one line naming the intent */
  name: string;
  holds: boolean;
  /** one line: why it holds or fails */
  summary: string;
  /** the forwarding engine's explanation, one line each (indentation kept) */
  why: string[];
  /** ms spent on it */
  timeMs: number;
}

/** A question an intent will ask, for a prober that answers them in advance (real mode). */
export type Question =
  | { q: 'reach'; from: string; dst: Ip4 | Ip6 }
  | { q: 'port'; from: string; dst: Ip4; spec: PortSpec }
  | { q: 'path'; from: string; dst: Ip4 }
  | { q: 'loops' }
  | { q: 'blackholes'; prefix: Prefix };

function resolve(t: Target, p: Pick<Prober, 'addressOf' | 'addressOf6'>): Ip4 | Ip6 | string {
  if (t.kind === 'addr' || t.kind === 'addr6') return t.addr;
  if (t.family === 6) return p.addressOf6(t.ns) ?? `${t.ns} has no global IPv6 address to send to`;
  const a = p.addressOf(t.ns);
  return a ?? `${t.ns} has no IPv4 address to send to`;
}

/** A destination as ping takes it, either family. */
export function dstText(a: Ip4 | Ip6): string {
  return typeof a === 'bigint' ? formatIp6(a) : ip4ToString(a);
}

function pairs(among: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const a of among) for (const b of among) if (a !== b) out.push([a, b]);
  return out;
}

/** The questions `intents` will ask, without duplicates. */
export function questionsOf(intents: readonly Intent[], p: Pick<Prober, 'addressOf' | 'addressOf6' | 'endpoints'>): Question[] {
  const out = new Map<string, Question>();
  // bigint (an IPv6 destination) has no JSON form: it is keyed as text
  const add = (q: Question) =>
    out.set(
      JSON.stringify(q, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)),
      q,
    );
  for (const i of intents) {
    switch (i.kind) {
      case 'reach':
      case 'isolated':
      case 'via': {
        const dst = resolve(i.to, p);
        if (typeof dst === 'bigint') add({ q: 'reach', from: i.from, dst });
        else if (typeof dst !== 'number') break;
        else if (i.kind !== 'via' && i.l4) add({ q: 'port', from: i.from, dst, spec: { ...i.l4, answer: null } });
        else add({ q: i.kind === 'via' ? 'path' : 'reach', from: i.from, dst });
        break;
      }
      case 'service': {
        if (i.to.kind !== 'addr') break;
        const spec = { ...i.l4, answer: null };
        add({ q: 'port', from: i.from, dst: i.to.addr, spec });
        for (const e of p.endpoints(i.to.addr, i.l4.proto, i.l4.port)) add({ q: 'port', from: i.from, dst: e.addr, spec: { ...spec, port: e.port } });
        break;
      }
      case 'all-reach':
        for (const [a, b] of pairs(i.among)) {
          const dst = p.addressOf(b);
          if (dst !== null) add({ q: 'reach', from: a, dst });
        }
        break;
      case 'no-loops':
        add({ q: 'loops' });
        break;
      case 'no-blackholes':
        add({ q: 'blackholes', prefix: i.prefix });
        break;
    }
  }
  return [...out.values()];
}

/** Whether `want` appears in `path` in order (other namespaces may come between). */
export function passesInOrder(path: readonly string[], want: readonly string[]): { ok: true } | { ok: false; missing: string; after: string | null } {
  let k = 0;
  let after: string | null = null;
  for (const ns of path) {
    if (k < want.length && ns === want[k]) {
      after = ns;
      k++;
    }
  }
  return k === want.length ? { ok: true } : { ok: false, missing: want[k]!, after };
}

/** At most `n` lines, then how many more there are. */
function capped(lines: string[], n: number): string[] {
  return lines.length <= n ? lines : [...lines.slice(0, n), `… and ${lines.length - n} more`];
}

const arrow = (path: readonly string[]) => path.join(' -> ');

/** Judges one intent with the prober's answers. */
export function judge(i: Intent, p: Prober): Verdict {
  const t0 = performance.now();
  const v = judgeInner(i, p);
  return { intent: i, name: describeIntent(i), ...v, timeMs: performance.now() - t0 };
}

function judgeInner(i: Intent, p: Prober): Omit<Verdict, 'intent' | 'name' | 'timeMs'> {
  switch (i.kind) {
    case 'reach':
    case 'isolated': {
      const dst = resolve(i.to, p);
      if (typeof dst === 'string') return { holds: false, summary: dst, why: [] };
      if (i.l4) {
        if (typeof dst === 'bigint') return { holds: false, summary: 'proto/port: IPv6 destinations are not supported yet', why: [] };
        return judgePort(i.kind, i.l4, p.port(i.from, dst, i.l4));
      }
      const a = p.reach(i.from, dst);
      const why = [...a.why, ...a.rule];
      if (i.kind === 'reach') return { holds: a.replied, summary: a.summary, why };
      return { holds: !a.replied, summary: a.replied ? `a ping gets a reply: ${a.summary}` : a.summary, why };
    }
    case 'service':
      return judgeService(i, p);
    case 'via': {
      const dst = resolve(i.to, p);
      if (typeof dst === 'string') return { holds: false, summary: dst, why: [] };
      if (typeof dst === 'bigint') return { holds: false, summary: 'via: IPv6 destinations are not supported yet', why: [] };
      const a = p.path(i.from, dst);
      const order = passesInOrder(a.path, i.through);
      if (!a.delivered) return { holds: false, summary: `the packet is not delivered: ${a.summary}`, why: a.why };
      if (!order.ok) {
        const where = order.after ? ` after ${order.after}` : '';
        return { holds: false, summary: `the path does not pass ${order.missing}${where}: ${arrow(a.path)}`, why: a.why };
      }
      return { holds: true, summary: `path ${arrow(a.path)}`, why: a.why };
    }
    case 'all-reach': {
      const all = pairs(i.among);
      const why: string[] = [];
      let bad = 0;
      for (const [a, b] of all) {
        const dst = p.addressOf(b);
        if (dst === null) {
          bad++;
          why.push(`${a} -> ${b}: ${b} has no IPv4 address to send to`);
          continue;
        }
        const r = p.reach(a, dst);
        if (r.replied) continue;
        bad++;
        // the routes behind each pair would repeat: the reach intent of one pair shows them
        why.push(`${a} -> ${b} (${ip4ToString(dst)}): ${r.summary}`, ...r.why.map((l) => `  ${l}`));
      }
      const n = all.length;
      return { holds: bad === 0, summary: bad === 0 ? `all ${n} pairs reach each other` : `${bad} of ${n} pairs do not reach`, why };
    }
    case 'no-loops': {
      const loops = p.loops();
      if (!loops.length) return { holds: true, summary: 'no destination loops', why: [] };
      return {
        holds: false,
        summary: `${loops.length} forwarding loop${loops.length > 1 ? 's' : ''}`,
        why: loops.flatMap((l) => [`${arrow([...l.cycle, l.cycle[0]!])} for ${l.dst} (packets from ${l.from} enter it)`, ...l.routes.map((r) => `  ${r}`)]),
      };
    }
    case 'no-blackholes': {
      const prefix = `${ip4ToString(i.prefix.addr)}/${i.prefix.len}`;
      const holes = p.blackholes(i.prefix).filter((h) => !i.from || i.from.includes(h.from));
      if (!holes.length) return { holds: true, summary: `every source has a route to all of ${prefix}`, why: [] };
      const sources = new Set(holes.map((h) => h.from));
      return {
        holds: false,
        summary: `${sources.size} source${sources.size > 1 ? 's' : ''} without a route to part of ${prefix}`,
        why: capped(
          holes.map((h) => `${h.from} -> ${h.dst}: ${h.at === h.from ? '' : `dropped at ${h.at}: `}${h.detail}`),
          20,
        ),
      };
    }
  }
}

/**
 * A service: its port open at the service address, and at every endpoint its DNAT rules lead
 * to, each asked directly (a draw through the service address reaches only one of them).
 */
function judgeService(i: Extract<Intent, { kind: 'service' }>, p: Prober): Omit<Verdict, 'intent' | 'name' | 'timeMs'> {
  if (i.to.kind !== 'addr') return { holds: false, summary: 'service: an IPv4 service address is needed', why: [] };
  const spec = { ...i.l4, answer: null };
  const vip = `${ip4ToString(i.to.addr)}:${spec.port}`;
  const eps = p.endpoints(i.to.addr, spec.proto, spec.port);
  if (!eps.length) return { holds: false, summary: `no DNAT rule of the lab sends ${spec.proto} ${vip} anywhere`, why: [] };
  const front = judgePort('reach', spec, p.port(i.from, i.to.addr, spec));
  const why: string[] = [`${vip}: ${front.summary}`];
  let bad = front.holds ? 0 : 1;
  for (const e of eps) {
    const r = judgePort('reach', { ...spec, port: e.port }, p.port(i.from, e.addr, { ...spec, port: e.port }));
    if (!r.holds) bad++;
    why.push(`endpoint ${ip4ToString(e.addr)}:${e.port} (DNAT in ${e.ns}): ${r.holds ? 'open' : r.summary}`);
  }
  const n = eps.length;
  if (bad === 0) return { holds: true, summary: `${vip} and its ${n} endpoint${n > 1 ? 's' : ''} answer`, why };
  return { holds: false, summary: front.holds ? `${bad} of ${n} endpoint${n > 1 ? 's' : ''} behind ${vip} do not answer` : `${vip} does not answer: ${front.summary}`, why };
}

/** Judges every intent, in order. */
export function checkIntents(intents: readonly Intent[], p: Prober): Verdict[] {
  return intents.map((i) => judge(i, p));
}
