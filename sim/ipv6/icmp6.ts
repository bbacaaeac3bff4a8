/**
 * ICMPv6 as the kernel runs it (net/ipv6/icmp.c; RFC 4443): echo requests answered from the
 * address they were sent to (from a chosen source when sent to a group), back through the
 * interface they came in on when the route allows; errors never about an ICMPv6 error, a
 * packet from `::` or a group, or (but for packet too big) a packet sent to a group or not
 * to this host's MAC; sent from the offending packet's destination when that is ours, else
 * from the source selection of the route back; rate limited per destination (the route's
 * prefix widens the budget: icmpv6_xrlim_allow), never toward lo. Neighbour discovery
 * messages go to ndisc.ts.
 */
import { formatIp6, isIp6LinkLocal, isIp6Multicast, type Ip6 } from '../../src/model/ipv6/ip6.js';
import type { Link } from '../../src/model/link.js';
import { route6Output, type Rt6Entry } from '../../src/model/ipv6/route6.js';
import { isLocal6 } from '../../src/model/ipv6/source6.js';
import type { NsState } from '../ns-state.js';
import { describe6, icmp6Packet, type Ip6Packet } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { isEcho6, isError6, type Icmp6ErrorRepr } from '../wire/icmpv6.js';
import { ip6Output } from './ip6-output.js';
import { ndiscRcv } from './ndisc.js';
import { simView6 } from './view6.js';
import { state6 } from './state6.js';

/** net.ipv6.icmp.ratelimit: 100 ms. */
const RATELIMIT_US = 100_000;
/**
 * ip6_sk_dst_hoplimit for the kernel's ICMPv6 socket (no hop limit of its own): the route's
 * `hoplimit`, else the way out's `hop_limit` (measured: an echo reply leaving a device with
 * hop_limit 1 dies at the first router).
 */
function hopLimit(rt: Rt6Entry): number {
  return rt.route.hoplimit ?? rt.dev.inet6.conf.hop_limit;
}

/** The quote of `p` an error carries. */
function quote6(p: Ip6Packet): Icmp6ErrorRepr['original'] {
  const i = p.icmp6;
  return { ip6: { ...p.ip6 }, echo: i && isEcho6(i) ? { ...i } : null, udp: p.udp ? { ...p.udp } : null, tcp: p.tcp ? { ...p.tcp, data: undefined } : null };
}

/**
 * icmp6_send: an error of `type`/`code` about `pkt`, which arrived on `dev` (null for one this
 * host sent). `toHost`: the packet was addressed to this host's MAC (PACKET_HOST).
 */
export function icmp6Send(sim: Simulator, st: NsState, pkt: Ip6Packet, dev: Link | null, type: 1 | 2 | 3 | 4, code: number, info: number, toHost = true): void {
  const ns = st.ns;
  const o = pkt.ip6;
  const m = pkt.icmp6;
  if (m && isError6(m)) {
    if (sim.tracer) sim.step(ns, 'icmp', `no ICMPv6 error about an ICMPv6 error (${describe6(pkt)})`);
    return;
  }
  let saddr: Ip6 = isLocal6(ns, o.dst) ? o.dst : 0n;
  if (isIp6Multicast(o.dst) || !toHost) {
    if (type !== 2) {
      if (sim.tracer) sim.step(ns, 'icmp', `no ICMPv6 error about a packet to ${formatIp6(o.dst)} (a group, or not to this host)`);
      return;
    }
    saddr = 0n;
  }
  if (o.src === 0n || isIp6Multicast(o.src)) {
    if (sim.tracer) sim.step(ns, 'icmp', `no ICMPv6 error toward ${formatIp6(o.src)}`);
    return;
  }
  const oif = isIp6LinkLocal(o.src) || isIp6Multicast(o.src) ? dev : null;
  const res = route6Output(simView6(sim, st), { dst: o.src, src: saddr, oif, now: sim.now });
  if (!res.ok || res.rt.saddr === null) {
    if (sim.tracer) sim.step(ns, 'icmp', `cannot send ICMPv6 type ${type} code ${code} to ${formatIp6(o.src)}: no route back`);
    return;
  }
  const rt = res.rt;
  // icmpv6_xrlim_allow: never toward lo; the budget widens with the route's prefix
  if (rt.dev.kind !== 'loopback' && type !== 2) {
    const len = rt.route.dstLen;
    const tmo = len < 128 ? Math.floor(RATELIMIT_US / 2 ** ((128 - len) >> 5)) : RATELIMIT_US;
    if (!st.peers.xrlimAllow(o.src, sim.now, tmo)) {
      if (sim.tracer) sim.step(ns, 'icmp', `ICMPv6 type ${type} code ${code} to ${formatIp6(o.src)} suppressed by the rate limit`, 'icmp-rate-limit');
      return;
    }
  }
  const err: Icmp6ErrorRepr = { type, code, info, original: quote6(pkt) };
  const out = icmp6Packet(rt.saddr!, o.src, hopLimit(rt), err);
  if (sim.tracer) sim.step(ns, 'icmp', `send ICMPv6 type ${type} code ${code} from ${formatIp6(rt.saddr!)} to ${formatIp6(o.src)}`);
  ip6Output(sim, st, out, rt);
}

/** icmpv6_rcv for a packet delivered locally; raw sockets see it first. */
export function icmp6Rcv(sim: Simulator, st: NsState, dev: Link, iif: Link, pkt: Ip6Packet): void {
  const m = pkt.icmp6;
  if (!m) return;
  const socks = state6(st).sockets;
  for (const s of socks) s.raw(pkt, iif);
  if (m.type === 128) {
    echoReply(sim, st, iif, pkt);
    return;
  }
  if (m.type === 129) return;
  if (isError6(m)) {
    if (m.type === 2) learnPmtu(sim, st, m);
    for (const s of socks) s.error(m, pkt.ip6.src, dev, pkt.ip6.hopLimit);
    return;
  }
  ndiscRcv(sim, st, iif, pkt);
}

/** net.ipv6.route.mtu_expires: how long a learned path MTU holds */
const MTU_EXPIRES_US = 600_000_000;

/** ip6_update_pmtu: a "packet too big" teaches the path MTU toward the quoted packet's destination. */
function learnPmtu(sim: Simulator, st: NsState, m: Icmp6ErrorRepr): void {
  const o = m.original.ip6;
  const res = route6Output(simView6(sim, st), { dst: o.dst, src: o.src, oif: null, now: sim.now });
  if (!res.ok || res.rt.dev.kind === 'loopback') return;
  const mtu = Math.max(1280, m.info);
  if (mtu >= (res.rt.route.mtu ?? res.rt.dev.mtu)) return;
  st.ns.inet6.pmtu.set(o.dst, { mtu, expires: sim.now + MTU_EXPIRES_US, route: res.rt.route });
  if (sim.tracer) sim.step(st.ns, 'icmp', `path MTU to ${formatIp6(o.dst)} is ${mtu} for 600 s`);
}

/** icmpv6_echo_reply */
function echoReply(sim: Simulator, st: NsState, iif: Link, pkt: Ip6Packet): void {
  const req = pkt.icmp6!;
  if (!isEcho6(req)) return;
  const ns = st.ns;
  const saddr = isIp6Multicast(pkt.ip6.dst) ? 0n : pkt.ip6.dst;
  const res = route6Output(simView6(sim, st), { dst: pkt.ip6.src, src: saddr, oif: iif.kind === 'loopback' ? null : iif, now: sim.now });
  if (!res.ok || res.rt.saddr === null) {
    if (sim.tracer) sim.stepDrop(ns, 'no-route', `no route back to ${formatIp6(pkt.ip6.src)} for the echo reply`);
    return;
  }
  const reply = icmp6Packet(res.rt.saddr, pkt.ip6.src, hopLimit(res.rt), { ...req, type: 129 });
  if (sim.tracer) sim.step(ns, 'deliver', `echo request seq ${req.seq} for ${formatIp6(pkt.ip6.dst)}: replying`);
  ip6Output(sim, st, reply, res.rt);
}

/** ip6_link_failure (ndisc_error_report): a queued packet's neighbour did not answer. */
export function ip6LinkFailure(sim: Simulator, st: NsState, pkt: Ip6Packet): void {
  icmp6Send(sim, st, pkt, null, 1, 3, 0);
}
