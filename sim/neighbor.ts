/**
 * Neighbour resolution (net/core/neighbour.c with net/ipv4/arp.c as its ARP client; RFC 826,
 * RFC 1122 §2.3.2.2 for queueing while unresolved). States and timing are the kernel's defaults:
 * a new entry is INCOMPLETE and sends 3 broadcast probes 1 s apart, then turns FAILED and every
 * queued packet gets an ICMP host unreachable (arp_error_report). REACHABLE ages into STALE after
 * reachable_time; using a STALE entry sends at once and moves to DELAY, then PROBE (3 unicast
 * probes) unless confirmed. Permanent entries come from `ip neigh add` (ns.staticNeigh).
 * The same layer serves IPv6 (nd_tbl, RFC 4861 §7.3): entries keyed by an IPv6 address (a
 * bigint), solicited through neighbour discovery (sim/ipv6/ndisc.ts) — the protocol of an
 * entry is the type of its key.
 */
import { ip4ToString, isMulticast, type Ip4 } from '../src/model/ip.js';
import { formatIp6, type Ip6 } from '../src/model/ipv6/ip6.js';
import type { Link } from '../src/model/link.js';
import { KINDS } from '../src/model/kinds/index.js';
import type { NsState } from './ns-state.js';
import { isIp6Packet, type AnyPacket, type IpPacket } from './packet.js';
import { PARAMS, timerWheelUs } from './params.js';
import type { Simulator } from './simulator.js';
import { BROADCAST, ETHERTYPE, multicastMac } from './wire/ethernet.js';

export type NudState = 'none' | 'incomplete' | 'reachable' | 'stale' | 'delay' | 'probe' | 'failed' | 'noarp' | 'permanent';

export interface NeighEntry {
  /** the neighbour's address: an IPv4 number, or an IPv6 bigint */
  ip: Ip4 | Ip6;
  dev: Link;
  state: NudState;
  mac: string | null;
  /** packets waiting for resolution (arp_queue) */
  queue: AnyPacket[];
  /** NTF_ROUTER: an IPv6 neighbour that said it is a router */
  router?: boolean;
  probes: number;
  confirmed: number;
  updated: number;
  used: number;
  /** bumped whenever the timer is re-armed or cancelled: stale timer events are ignored */
  timerGen: number;
  dead: boolean;
}

/**
 * What the neighbour layer asks of the protocols around it, which it does not import (struct
 * neigh_ops's solicit, dst_ops's link_failure): the resolution protocol's probe, and the report
 * of a packet whose next hop never answered. The simulator fills it (ARP, ICMP).
 */
export interface NeighOps {
  /** send a probe for `e`, the newest queued packet as a hint for the source address */
  solicit(sim: Simulator, st: NsState, e: NeighEntry, hint: AnyPacket | null): void;
  /** a queued packet is dropped because resolution failed */
  linkFailure(sim: Simulator, st: NsState, pkt: AnyPacket): void;
}

const P = PARAMS.neigh;
const VALID = new Set<NudState>(['permanent', 'noarp', 'reachable', 'probe', 'stale', 'delay']);
const CONNECTED = new Set<NudState>(['permanent', 'noarp', 'reachable']);

export function isValid(s: NudState): boolean {
  return VALID.has(s);
}

function retrans(): number {
  return timerWheelUs(P.retransUs);
}

function maxProbes(e: NeighEntry): number {
  return P.ucastProbes + P.appProbes + (e.state === 'probe' ? P.mcastReprobes : P.mcastProbes);
}

export function neighLookup(st: NsState, dev: Link, ip: Ip4 | Ip6): NeighEntry | undefined {
  return st.neigh.get(dev)?.get(ip);
}

function create(sim: Simulator, st: NsState, dev: Link, ip: Ip4 | Ip6): NeighEntry {
  const now = sim.now;
  const e: NeighEntry = { ip, dev, state: 'none', mac: null, queue: [], probes: 0, confirmed: now - 2 * P.reachableUs, updated: now, used: now, timerGen: 0, dead: false };
  st.table(dev).set(ip, e);
  return e;
}

function arm(sim: Simulator, st: NsState, e: NeighEntry, at: number): void {
  const gen = ++e.timerGen;
  sim.queue.at(at, () => {
    if (e.dead || e.timerGen !== gen) return;
    timer(sim, st, e);
  });
}

function cancel(e: NeighEntry): void {
  e.timerGen++;
}

/** neigh_probe → arp_solicit, with the newest queued packet as the hint for the source address. */
function probe(sim: Simulator, st: NsState, e: NeighEntry): void {
  sim.neighOps.solicit(sim, st, e, e.queue[e.queue.length - 1] ?? null);
  e.probes++;
}

/** neigh_timer_handler */
function timer(sim: Simulator, st: NsState, e: NeighEntry): void {
  const now = sim.now;
  let next = now + retrans();
  if (e.state === 'reachable') {
    if (now <= e.confirmed + P.reachableUs) {
      next = e.confirmed + P.reachableUs;
    } else if (now <= e.used + P.delayProbeUs) {
      e.state = 'delay';
      e.updated = now;
      next = now + P.delayProbeUs;
    } else {
      e.state = 'stale';
      e.updated = now;
      if (sim.tracer) sim.step(st.ns, 'neigh', `${ip(e)} dev ${e.dev.name} REACHABLE -> STALE`);
      return;
    }
  } else if (e.state === 'delay') {
    if (now <= e.confirmed + P.delayProbeUs) {
      e.state = 'reachable';
      e.updated = now;
      next = e.confirmed + P.reachableUs;
    } else {
      e.state = 'probe';
      e.updated = now;
      e.probes = 0;
      next = now + retrans();
    }
  }
  if ((e.state === 'incomplete' || e.state === 'probe') && e.probes >= maxProbes(e)) {
    e.state = 'failed';
    e.updated = now;
    invalidate(sim, st, e);
    return;
  }
  if (e.state === 'reachable' || e.state === 'delay' || e.state === 'incomplete' || e.state === 'probe') {
    // the kernel never re-arms closer than HZ/100
    arm(sim, st, e, Math.max(next, now + 10_000));
  }
  if (e.state === 'incomplete' || e.state === 'probe') probe(sim, st, e);
}

/** neigh_invalidate: resolution failed; every queued packet is reported and dropped. */
function invalidate(sim: Simulator, st: NsState, e: NeighEntry): void {
  const q = e.queue;
  e.queue = [];
  const proto = typeof e.ip === 'bigint' ? 'neighbour solicitations' : 'ARP probes';
  if (sim.tracer) sim.step(st.ns, 'neigh', `${ip(e)} dev ${e.dev.name} FAILED after ${P.mcastProbes} ${proto}; ${q.length} queued packet(s) dropped`);
  for (const pkt of q) {
    if (isIp6Packet(pkt)) {
      if (sim.tracer) sim.stepDrop(st.ns, 'neigh-failed', `no neighbour advertisement from ${ip(e)} on ${e.dev.name}`);
    } else sim.drop(st.ns, 'neigh-failed', `no ARP answer for ${ip(e)} on ${e.dev.name}`, pkt, e.dev);
    sim.neighOps.linkFailure(sim, st, pkt);
  }
}

/**
 * neigh_update: a resolution answer (or a learned sender). `override` is false when a different
 * MAC arrives within locktime of the last change.
 */
export function neighUpdate(sim: Simulator, st: NsState, e: NeighEntry, mac: string, state: 'reachable' | 'stale', override: boolean): void {
  const now = sim.now;
  const old = e.state;
  if (old === 'permanent' || old === 'noarp') return;
  let newState: NudState = state;
  const newMac = mac;
  if (CONNECTED.has(newState)) e.confirmed = now;
  if (VALID.has(old)) {
    if (mac !== e.mac && !override) return;
    if (mac === e.mac && newState === 'stale') newState = old;
  }
  if (newState !== old || newMac !== e.mac) e.updated = now;
  if (newState !== old) {
    cancel(e);
    if (newState === 'reachable') arm(sim, st, e, now + P.reachableUs);
    e.state = newState;
    if (sim.tracer) sim.step(st.ns, 'neigh', `${ip(e)} dev ${e.dev.name} lladdr ${newMac} ${old.toUpperCase()} -> ${newState.toUpperCase()}`);
  }
  if (newMac !== e.mac) {
    e.mac = newMac;
    if (!CONNECTED.has(newState)) e.confirmed = now - 2 * P.reachableUs;
  }
  if (!VALID.has(old) && e.queue.length) {
    const q = e.queue;
    e.queue = [];
    // a STALE answer (a request from the target) sends through neigh_resolve_output: DELAY
    if (e.state === 'stale') {
      e.state = 'delay';
      arm(sim, st, e, now + P.delayProbeUs);
    }
    for (const pkt of q) sendFrame(sim, e.dev, e.mac!, pkt);
  }
}

/** neigh_event_ns: the sender of an ARP request we answer is entered as STALE. */
export function neighEventNs(sim: Simulator, st: NsState, dev: Link, addr: Ip4 | Ip6, mac: string): void {
  const e = neighLookup(st, dev, addr) ?? create(sim, st, dev, addr);
  neighUpdate(sim, st, e, mac, 'stale', true);
}

function sendFrame(sim: Simulator, dev: Link, mac: string, pkt: AnyPacket): void {
  if (isIp6Packet(pkt)) sim.xmit(dev, { eth: { src: dev.mac, dst: mac, ethertype: ETHERTYPE.ipv6 }, arp: null, pkt: null, pkt6: pkt, bridgeHops: 0 });
  else sim.xmit(dev, { eth: { src: dev.mac, dst: mac, ethertype: ETHERTYPE.ipv4 }, arp: null, pkt, bridgeHops: 0 });
}

/**
 * neigh_resolve_output: send `pkt` to next hop `nh` on `dev`, resolving it first if needed.
 * NOARP devices (loopback, tun) and broadcast/multicast next hops need no resolution.
 */
export function neighOutput(sim: Simulator, st: NsState, dev: Link, nh: Ip4, pkt: IpPacket): void {
  if (dev.noarp || dev.kind === 'loopback') {
    // arp_constructor: a NOARP Ethernet device's neighbours have its own address (an l3 ipvlan
    // tells its frames apart by that), a multicast one its group's
    const ether = dev.kind !== 'loopback' && KINDS[dev.kind].type === 'ether';
    sendFrame(sim, dev, !ether ? dev.brd : isMulticast(nh) ? multicastMac(nh) : dev.mac, pkt);
    return;
  }
  if (st.ns.staticNeigh.size) {
    const fixed = st.ns.staticNeigh.get(`${dev.ifindex}:${nh}`);
    if (fixed && (fixed.state === 'permanent' || fixed.state === 'noarp') && fixed.lladdr) {
      sendFrame(sim, dev, fixed.lladdr, pkt);
      return;
    }
  }
  const fib = st.fib;
  if (nh === 0xffffffff || (fib.broadcasts.has(nh) && fib.addrType(nh, dev) === 'broadcast')) {
    sendFrame(sim, dev, BROADCAST, pkt);
    return;
  }
  if (isMulticast(nh)) {
    sendFrame(sim, dev, multicastMac(nh), pkt);
    return;
  }
  neighResolve(sim, st, dev, nh, pkt);
}

/**
 * neigh_resolve_output past the protocol's shortcuts: send `pkt` to `nh` on `dev` as its entry's
 * state allows, resolving it first (queueing the packet) when needed.
 */
export function neighResolve(sim: Simulator, st: NsState, dev: Link, nh: Ip4 | Ip6, pkt: AnyPacket): void {
  const now = sim.now;
  const e = neighLookup(st, dev, nh) ?? create(sim, st, dev, nh);
  e.used = now;
  switch (e.state) {
    case 'reachable':
    case 'delay':
    case 'probe':
      sendFrame(sim, dev, e.mac!, pkt);
      return;
    case 'stale':
      cancel(e);
      e.state = 'delay';
      e.updated = now;
      arm(sim, st, e, now + P.delayProbeUs);
      sendFrame(sim, dev, e.mac!, pkt);
      return;
    case 'incomplete':
      enqueue(sim, st, e, pkt);
      return;
    default: {
      // NONE or FAILED: (re)start resolution with an immediate broadcast probe
      cancel(e);
      e.probes = P.ucastProbes;
      e.state = 'incomplete';
      e.updated = now;
      arm(sim, st, e, now + retrans());
      if (sim.tracer) sim.step(st.ns, 'neigh', `${ip(e)} dev ${dev.name} INCOMPLETE: resolving`);
      enqueue(sim, st, e, pkt);
      probe(sim, st, e);
    }
  }
}

function enqueue(sim: Simulator, st: NsState, e: NeighEntry, pkt: AnyPacket): void {
  while (e.queue.length >= P.queueLen) {
    const old = e.queue.shift()!;
    if (isIp6Packet(old)) {
      if (sim.tracer) sim.stepDrop(st.ns, 'queue-overflow', `neighbour queue of ${ip(e)} full`);
    } else sim.drop(st.ns, 'queue-overflow', `ARP queue of ${ip(e)} full`, old, e.dev);
  }
  e.queue.push(pkt);
}

/**
 * neigh_flush_dev: the device went down or lost carrier (neigh_ifdown, neigh_carrier_down):
 * every non-permanent entry goes, queued packets are dropped without errors.
 */
export function neighFlushDev(st: NsState, dev: Link): void {
  const t = st.neigh.get(dev);
  if (!t) return;
  for (const e of t.values()) {
    e.dead = true;
    e.queue = [];
  }
  st.neigh.delete(dev);
  st.neighMac.delete(dev);
}

/** neigh_delete on entries the system learnt (`ip neigh del|flush|replace`): they go, their queues dropped. */
export function neighForgetDeleted(st: NsState): void {
  const log = st.ns.neighForgets;
  for (; st.neighForgetsSeen < log.length; st.neighForgetsSeen++) {
    const { dev, ip } = log[st.neighForgetsSeen]!;
    const e = st.neigh.get(dev)?.get(ip);
    if (!e) continue;
    cancel(e);
    e.dead = true;
    e.queue = [];
    st.neigh.get(dev)?.delete(ip);
  }
}

function ip(e: NeighEntry): string {
  return typeof e.ip === 'bigint' ? formatIp6(e.ip) : ip4ToString(e.ip);
}

/** neigh_event_send(n, NULL): start resolving `addr` without a packet to send (redirects). */
export function neighKick(sim: Simulator, st: NsState, dev: Link, addr: Ip4 | Ip6): void {
  const e = neighLookup(st, dev, addr) ?? create(sim, st, dev, addr);
  if (e.state !== 'none' && e.state !== 'failed') return;
  cancel(e);
  e.probes = P.ucastProbes;
  e.state = 'incomplete';
  e.updated = sim.now;
  arm(sim, st, e, sim.now + retrans());
  probe(sim, st, e);
}

/** Copies a settled entry into another simulator (fork); entries still resolving are left out. */
export function neighRestore(sim: Simulator, st: NsState, e: NeighEntry): void {
  if (e.dead || e.state === 'incomplete' || e.state === 'none') return;
  const c: NeighEntry = { ...e, queue: [], timerGen: 0, dead: false };
  st.table(c.dev).set(c.ip, c);
  if (c.state === 'reachable') arm(sim, st, c, c.confirmed + P.reachableUs);
  else if (c.state === 'delay') arm(sim, st, c, c.updated + P.delayProbeUs);
  else if (c.state === 'probe') arm(sim, st, c, sim.now + retrans());
}
