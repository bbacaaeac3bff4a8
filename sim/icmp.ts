/**
 * ICMP as the kernel runs it (net/ipv4/icmp.c; RFC 792, RFC 1122 §3.2.2, RFC 1812 §4.3.2):
 * echo requests are answered from the address they were sent to; errors are sent from the
 * address the route back to the offender gives, never about ICMP errors, broadcasts or
 * multicasts, and rate-limited per destination (not toward the host itself); redirects teach
 * a host a better first hop once that hop is resolved.
 */
import { vrfOf } from '../src/model/vrf.js';
import { SCOPE } from '../src/model/address.js';
import { ip4ToString, isMulticast } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { ipOutput } from './ip-output.js';
import { nfCtAttach } from './netfilter/skb.js';
import { isValid, neighKick, neighLookup } from './neighbor.js';
import type { NsState } from './ns-state.js';
import { describe, icmpPacket, quote, recordRoute, type IpPacket } from './packet.js';
import { PARAMS } from './params.js';
import { routeOutput, loopsBack, type RtErrno } from '../src/model/route-output.js';
import type { Simulator } from './simulator.js';
import { inetSelectAddr } from '../src/model/source-address.js';
import { pmtuFind, pmtuLearn } from '../src/model/pmtu.js';
import type { DropReason } from './trace.js';
import { ICMP_TYPE, ICMP_UNREACH, isEcho, type IcmpErrorRepr } from './wire/icmp.js';

const I = PARAMS.icmp;

/**
 * icmp_send / __icmp_send: an error about `pkt`. `localDst` says the offending packet was
 * addressed to this namespace (RTCF_LOCAL): the error then comes from that address.
 */
export function icmpSend(sim: Simulator, st: NsState, pkt: IpPacket, type: 3 | 5 | 11 | 12, code: number, info: number, localDst: boolean): void {
  const ns = st.ns;
  const o = pkt.ip;
  if (pkt.icmp && !isEcho(pkt.icmp) && type !== ICMP_TYPE.redirect) {
    if (sim.tracer) sim.step(ns, 'icmp', `no ICMP error about an ICMP error (${describe(pkt)})`);
    return;
  }
  if (o.fragOffset) {
    if (sim.tracer) sim.step(ns, 'icmp', `no ICMP error about a fragment other than the first (${describe(pkt)})`);
    return;
  }
  if (o.dst === 0xffffffff || isMulticast(o.dst) || o.src === 0 || isMulticast(o.src) || o.src === 0xffffffff) {
    if (sim.tracer) sim.step(ns, 'icmp', `no ICMP error about a packet from ${ip4ToString(o.src)} to ${ip4ToString(o.dst)} (broadcast, multicast or no source)`);
    return;
  }
  const saddr = localDst ? o.dst : 0;
  const res = routeOutput(st, { dst: o.src, src: saddr, oif: null });
  if (!res.ok) {
    if (sim.tracer) sim.step(ns, 'icmp', `cannot send ICMP type ${type} code ${code} to ${ip4ToString(o.src)}: no route back`);
    return;
  }
  const rt = res.rt;
  if (!loopsBack(rt) && (I.ratemask >> type) & 1 && !st.peers.xrlimAllow(o.src, sim.now)) {
    if (sim.tracer) sim.step(ns, 'icmp', `ICMP type ${type} code ${code} to ${ip4ToString(o.src)} suppressed by icmp_ratelimit`, 'icmp-rate-limit');
    return;
  }
  const err: IcmpErrorRepr = { type, code, info, original: quote(pkt) };
  const out = icmpPacket(rt.saddr, rt.daddr, I.defaultTtl, st.nextIpId(), err);
  // __icmp_send: an error's TOS is the offender's TOS bits with precedence "internetwork control"
  out.ip.tos = (o.tos & 0x1e) | 0xc0;
  if (sim.tracer) sim.step(ns, 'icmp', `send ICMP ${icmpName(type, code)} from ${ip4ToString(rt.saddr)} to ${ip4ToString(o.src)}`);
  if (sim.events.wants('icmp:error')) sim.events.emit('icmp:error', { t: sim.now, ns: ns.path, from: rt.saddr, to: o.src, type, code });
  nfCtAttach(out, pkt, ns);
  ipOutput(sim, st, out, rt);
}

/** nf_send_unreach (REJECT): a destination unreachable with the rule's code. */
export function nfReject(sim: Simulator, st: NsState, pkt: IpPacket, code: number, localDst: boolean): void {
  icmpSend(sim, st, pkt, ICMP_TYPE.destUnreachable, code, 0, localDst);
}

/** ipv4_link_failure (arp_error_report): the neighbour of a queued packet did not resolve. */
export function linkFailure(sim: Simulator, st: NsState, pkt: IpPacket): void {
  icmpSend(sim, st, pkt, ICMP_TYPE.destUnreachable, ICMP_UNREACH.host, 0, false);
}

/** ip_error: the input route found no usable route and the device forwards. */
export function ipError(sim: Simulator, st: NsState, dev: Link, pkt: IpPacket, errno: RtErrno, reason: DropReason, detail: string): void {
  sim.drop(st.ns, reason, detail, pkt, dev);
  if (errno === 'EINVAL') return;
  const code = errno === 'EHOSTUNREACH' ? ICMP_UNREACH.host : errno === 'ENETUNREACH' ? ICMP_UNREACH.net : ICMP_UNREACH.pktFiltered;
  if (!st.peers.errorAllow(pkt.ip.src, sim.now)) {
    if (sim.tracer) sim.step(st.ns, 'icmp', `ICMP unreachable to ${ip4ToString(pkt.ip.src)} suppressed by ip_error's rate limit`, 'icmp-rate-limit');
    return;
  }
  icmpSend(sim, st, pkt, ICMP_TYPE.destUnreachable, code, 0, false);
}

/** icmp_rcv for a packet delivered locally; raw sockets see it first (raw_v4_input). */
export function icmpRcv(sim: Simulator, st: NsState, dev: Link, iif: Link, pkt: IpPacket, broadcast: boolean): void {
  const icmp = pkt.icmp;
  if (!icmp) {
    sim.drop(st.ns, 'no-socket', `${describe(pkt)}: no ICMP message`, pkt, dev);
    return;
  }
  const socks = st.sockets;
  for (const s of socks) s.raw(pkt, iif);
  if (isEcho(icmp)) {
    if (icmp.type === ICMP_TYPE.echoRequest) echoReply(sim, st, dev, pkt, broadcast);
    return;
  }
  if (icmp.type === ICMP_TYPE.redirect) {
    hostRedirect(sim, st, pkt, icmp);
    return;
  }
  if (icmp.type === ICMP_TYPE.destUnreachable && icmp.code === ICMP_UNREACH.fragNeeded) updatePmtu(sim, st, icmp);
  for (const s of socks) s.error(icmp, pkt.ip.src, dev, pkt.ip.ttl);
}

/**
 * icmp_unreach → the quoted protocol's err_handler → ipv4_update_pmtu: the route the quoted
 * packet took learns the next-hop MTU the error carries (src/model/pmtu.ts decides).
 */
function updatePmtu(sim: Simulator, st: NsState, icmp: IcmpErrorRepr): void {
  const inner = icmp.original.ip;
  const res = routeOutput(st, { dst: inner.dst, src: inner.src, oif: null });
  if (!res.ok || !res.rt.route) return;
  if (pmtuLearn(st.ns, res.rt.daddr, res.rt.route, res.rt.dev, icmp.info, sim.now) && sim.tracer) {
    sim.step(st.ns, 'icmp', `path MTU to ${ip4ToString(inner.dst)} is now ${pmtuFind(st.ns, res.rt.daddr, res.rt.route, sim.now)?.mtu}`);
  }
}

/** icmp_echo → icmp_reply */
function echoReply(sim: Simulator, st: NsState, dev: Link, pkt: IpPacket, broadcast: boolean): void {
  const ns = st.ns;
  const req = pkt.icmp!;
  if (!isEcho(req)) return;
  if (broadcast && I.echoIgnoreBroadcasts) {
    sim.drop(ns, 'broadcast-echo-ignored', `echo to ${ip4ToString(pkt.ip.dst)} ignored (icmp_echo_ignore_broadcasts=1)`, pkt, dev);
    return;
  }
  // fib_compute_spec_dst: the address the request was sent to
  const saddr = broadcast ? inetSelectAddr(dev, pkt.ip.src, SCOPE.link) : pkt.ip.dst;
  // icmp_reply: flowi4_oif is the VRF of the device the request came in by (l3mdev_master_ifindex)
  const res = routeOutput(st, { dst: pkt.ip.src, src: saddr, oif: vrfOf(dev) });
  if (!res.ok) {
    sim.drop(ns, 'no-route', `no route back to ${ip4ToString(pkt.ip.src)} for the echo reply (${res.errno})`, pkt, dev);
    return;
  }
  const reply = icmpPacket(res.rt.saddr, res.rt.daddr, I.defaultTtl, st.nextIpId(), { ...req, type: 0 });
  // icmp_reply: the reply carries the request's TOS byte
  reply.ip.tos = pkt.ip.tos;
  // ip_options_echo keeps what the request recorded; ip_options_build adds the reply's source
  if (pkt.rr) {
    reply.rr = pkt.rr;
    recordRoute(reply, res.rt.saddr);
  }
  if (sim.tracer) sim.step(ns, 'deliver', `echo request seq ${req.seq} for ${ip4ToString(pkt.ip.dst)}: replying`);
  ipOutput(sim, st, reply, res.rt);
}

/** icmp_redirect → __ip_do_redirect */
function hostRedirect(sim: Simulator, st: NsState, pkt: IpPacket, icmp: IcmpErrorRepr): void {
  const ns = st.ns;
  const inner = icmp.original.ip;
  const newGw = icmp.info;
  const oldGw = pkt.ip.src;
  const res = routeOutput(st, { dst: inner.dst, src: 0, oif: null });
  if (!res.ok || res.rt.gateway !== oldGw || !res.rt.route) {
    if (sim.tracer) sim.step(ns, 'icmp', `redirect from ${ip4ToString(oldGw)} ignored: not our gateway to ${ip4ToString(inner.dst)}`);
    return;
  }
  const dev = res.rt.dev;
  const all = ns.all.accept_redirects;
  const mine = dev.conf.accept_redirects;
  const rx = dev.conf.forwarding ? all && mine : all || mine;
  if (newGw === oldGw || !rx || isMulticast(newGw) || newGw === 0xffffffff || newGw >>> 24 === 0 || st.fib.addrType(newGw) !== 'unicast') {
    if (sim.tracer) sim.step(ns, 'icmp', `redirect to ${ip4ToString(newGw)} rejected`);
    return;
  }
  const n = neighLookup(st, dev, newGw);
  if (!n || !isValid(n.state)) {
    // the new gateway must be resolved before the redirect is taken (a second one will be)
    if (sim.tracer) sim.step(ns, 'icmp', `redirect to ${ip4ToString(newGw)}: resolving it first`);
    neighKick(sim, st, dev, newGw);
    return;
  }
  st.redirects.set(inner.dst, { route: res.rt.route, gateway: newGw, expires: sim.now + I.redirectExpiresUs });
  if (sim.tracer) sim.step(ns, 'icmp', `redirect: ${ip4ToString(inner.dst)} now via ${ip4ToString(newGw)}`);
}

/** iputils' wording of an ICMP type and code (pr_icmph). */
export function icmpName(type: number, code: number, info = 0): string {
  if (type === 3) {
    const names: Record<number, string> = {
      0: 'Destination Net Unreachable',
      1: 'Destination Host Unreachable',
      2: 'Destination Protocol Unreachable',
      3: 'Destination Port Unreachable',
      4: `Frag needed and DF set (mtu = ${info})`,
      5: 'Source Route Failed',
      6: 'Destination Net Unknown',
      7: 'Destination Host Unknown',
      8: 'Source Host Isolated',
      9: 'Destination Net Prohibited',
      10: 'Destination Host Prohibited',
      11: 'Destination Net Unreachable for Type of Service',
      12: 'Destination Host Unreachable for Type of Service',
      13: 'Packet filtered',
      14: 'Precedence Violation',
      15: 'Precedence Cutoff',
    };
    return names[code] ?? `Dest Unreachable, Bad Code: ${code}`;
  }
  if (type === 11) return code === 0 ? 'Time to live exceeded' : code === 1 ? 'Frag reassembly time exceeded' : `Time exceeded, Bad Code: ${code}`;
  if (type === 5) {
    const names: Record<number, string> = { 0: 'Redirect Network', 1: 'Redirect Host', 2: 'Redirect Type of Service and Network', 3: 'Redirect Type of Service and Host' };
    return names[code] ?? `Redirect, Bad Code: ${code}`;
  }
  if (type === 12) return `Parameter problem: pointer = ${info}`;
  if (type === 0) return 'Echo Reply';
  if (type === 8) return 'Echo Request';
  return `Bad ICMP type: ${type}`;
}
