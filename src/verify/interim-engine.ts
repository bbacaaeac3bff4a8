/**
 * Interim answers to sim/reach's questions, for as long as sim/reach does not implement them:
 * one traced `ping -c 1` on a fresh simulator per walk (the event engine is the reference
 * sim/reach is measured against, so the answers agree; only slower), and loops and blackholes
 * from one walk per (source, destination class), the classes cut at every route prefix of the
 * lab. Delete this file once sim/reach answers all three.
 */
import type { Link } from '../model/link.js';
import type { LabModel } from '../model/lab-model.js';
import type { Netns } from '../model/netns.js';
import { inPrefix, maskOf, parsePrefix, type Ip4 } from '../model/ip.js';
import { Simulator } from '../../sim/simulator.js';
import { ping } from '../../sim/ping.js';
import { Tracer, type DropReason } from '../../sim/trace.js';
import type { BlackholeFinding, ForwardingWalk, LoopFinding, WalkOutcome } from '../../sim/reach/index.js';
import { ETHERTYPE } from '../../sim/wire/ethernet.js';

const BLACKHOLE = new Set<DropReason>(['no-route', 'blackhole', 'unreachable', 'prohibit']);
/** drops of copies nobody needed (floods reaching other hosts) */
const NOISE = new Set<DropReason>(['not-for-us', 'broadcast-echo-ignored', 'no-socket']);
const FATAL: [RegExp, DropReason][] = [
  [/Network is unreachable/, 'no-route'],
  [/No route to host/, 'unreachable'],
  [/Invalid argument/, 'blackhole'],
  [/Permission denied|ping broadcast/, 'prohibit'],
];

/** One echo request from `from` to `dst`, followed through the event engine from a fresh state. */
export function forwardingWalk(lab: LabModel, from: Netns, dst: Ip4): ForwardingWalk {
  const sim = new Simulator(lab);
  const tracer = new Tracer();
  sim.tracer = tracer;
  const path: Netns[] = [from];
  const ingress: Link[] = [];
  const lastRx = new Map<string, string>();
  const seen = new Set<string>();
  let src = 0;
  let outcome: WalkOutcome | null = null;
  let reason: DropReason | null = null;
  let detail = '';
  let loopAt = -1;
  const ours = (e: { dst: Ip4; protocol: number; src: Ip4 }) => e.dst === dst && e.protocol === 1 && (src === 0 || e.src === src);
  const nsOf = (p: string) => lab.netns(p) ?? null;
  sim.events.on('frame:rx', (e) => {
    const p = e.frame.pkt;
    if (e.ethertype === ETHERTYPE.ipv4 && p && p.icmp?.type === 8 && p.ip.dst === dst) lastRx.set(e.ns, e.dev);
  });
  sim.events.on('packet:forward', (e) => {
    if (outcome || !ours(e)) return;
    if (src === 0) src = e.src;
    const ns = nsOf(e.ns);
    const dev = ns?.linkByName(lastRx.get(e.ns) ?? '');
    if (!ns || !dev) return;
    const key = `${e.ns}\0${dev.name}`;
    if (seen.has(key)) {
      loopAt = path.findIndex((n, i) => n === ns && ingress[i - 1] === dev);
      outcome = 'loop';
      reason = 'loop';
      detail = `${e.ns} forwards it again (it came in on ${dev.name} before): a routing loop`;
      return;
    }
    seen.add(key);
    path.push(ns);
    ingress.push(dev);
  });
  sim.events.on('packet:deliver', (e) => {
    if (outcome || !ours(e)) return;
    const ns = nsOf(e.ns);
    if (!ns) return;
    if (ns !== from) {
      const dev = ns.linkByName(lastRx.get(e.ns) ?? '') ?? ns.linkByName(e.dev ?? '');
      path.push(ns);
      if (dev) ingress.push(dev);
    }
    outcome = 'delivered';
    detail = `${e.ns} takes it: the address is local there`;
  });
  sim.events.on('packet:drop', (e) => {
    if (outcome || !ours(e) || NOISE.has(e.reason)) return;
    if (e.reason === 'ttl-exceeded') {
      outcome = 'loop';
    } else {
      outcome = BLACKHOLE.has(e.reason) ? 'blackhole' : 'dropped';
    }
    reason = e.reason;
    const step = [...tracer.steps].reverse().find((s) => s.kind === 'drop' && s.ns === e.ns && s.reason === e.reason);
    detail = `${e.ns}: ${step?.detail ?? e.reason}`;
    const ns = nsOf(e.ns);
    if (ns && ns !== path[path.length - 1] && e.dev) {
      const dev = ns.linkByName(e.dev);
      if (dev) {
        path.push(ns);
        ingress.push(dev);
      }
    }
  });
  const r = ping(sim, from, dst, { count: 1, timeout: 10 });
  if (r.fatal !== null) {
    const why = FATAL.find(([re]) => re.test(r.fatal!))?.[1] ?? 'no-route';
    return { outcome: BLACKHOLE.has(why) ? 'blackhole' : 'dropped', path: [from], ingress: [], reason: why, detail: `${from.path}: ${r.fatal}`, src: 0 };
  }
  if (src === 0) src = r.source;
  if (outcome === 'loop' && loopAt >= 0) return { outcome, path: path.slice(loopAt), ingress: ingress.slice(Math.max(0, loopAt - 1)), reason, detail, src };
  if (!outcome) return { outcome: 'dropped', path, ingress, reason: null, detail: `no answer and no drop seen after ${path[path.length - 1]!.path}`, src };
  return { outcome, path, ingress, reason, detail, src };
}

/** The classes of destinations the lab's routes cut the address space into: [first, last]. */
export function destinationClasses(lab: LabModel, within: { addr: Ip4; len: number } = { addr: 0, len: 0 }): [Ip4, Ip4][] {
  const lo = within.addr;
  const hi = (within.addr | ~maskOf(within.len)) >>> 0;
  const cuts = new Set<number>([lo, hi + 1]);
  // 0/8, 127/8 and 224/3 are classes of their own, left out below
  for (const c of [0x01000000, 0x7f000000, 0x80000000, 0xe0000000]) if (c > lo && c <= hi) cuts.add(c);
  for (const ns of lab.namespaces()) {
    for (const t of ns.tables.values()) {
      for (const r of t.routes) {
        const a = r.dst;
        const b = (r.dst | ~maskOf(r.dstLen)) >>> 0;
        if (a > lo && a <= hi) cuts.add(a);
        if (b + 1 > lo && b + 1 <= hi) cuts.add(b + 1);
      }
    }
  }
  const sorted = [...cuts].sort((x, y) => x - y);
  const out: [Ip4, Ip4][] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]! - 1;
    // nothing is ever forwarded to these: this network, loopback, multicast and above
    if (a >>> 24 === 0 || a >>> 24 === 127 || a >>> 28 >= 0xe) continue;
    out.push([a, b]);
  }
  return out;
}

/** An address to stand for a class: not its first (often a network address) when it has more. */
function representative([a, b]: [Ip4, Ip4]): Ip4 {
  return b - a >= 2 ? a + 1 : a;
}

function isBroadcastIn(ns: Netns, addr: Ip4): boolean {
  const local = ns.tables.get(255);
  return !!local?.routes.some((r) => r.type === 'broadcast' && r.dst === addr && r.dstLen === 32);
}

/** The namespaces that can send: those with an IPv4 address outside 127.0.0.0/8. */
function sources(lab: LabModel): Netns[] {
  return lab.namespaces().filter((ns) => ns.linkList().some((l) => l.addrs.some((a) => a.local >>> 24 !== 127)));
}

export function findLoops(lab: LabModel): LoopFinding[] {
  const out: LoopFinding[] = [];
  const seen = new Set<string>();
  for (const c of destinationClasses(lab)) {
    const rep = representative(c);
    for (const from of sources(lab)) {
      if (isBroadcastIn(from, rep)) continue;
      const w = forwardingWalk(lab, from, rep);
      if (w.outcome !== 'loop') continue;
      const names = w.path.map((n) => n.path);
      const k = `${c[0]}:${[...names].sort().join(',')}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ first: c[0], last: c[1], cycle: w.path, from });
    }
  }
  return out;
}

export function findBlackholes(lab: LabModel, prefix: string): BlackholeFinding[] {
  const p = parsePrefix(prefix);
  if (!p || p.keyword) throw new Error(`findBlackholes: "${prefix}" is not a prefix`);
  const out: BlackholeFinding[] = [];
  for (const c of destinationClasses(lab, { addr: p.addr, len: p.len })) {
    const rep = representative(c);
    if (!inPrefix(rep, p.addr, p.len)) continue;
    for (const from of sources(lab)) {
      if (isBroadcastIn(from, rep)) continue;
      const w = forwardingWalk(lab, from, rep);
      if (w.outcome !== 'blackhole') continue;
      out.push({ from, first: c[0], last: c[1], at: w.path[w.path.length - 1]!, reason: w.reason ?? 'no-route', detail: w.detail });
    }
  }
  return out;
}
