/**
 * TCP's two families in one place (net/ipv4/tcp_ipv4.c and net/ipv6/tcp_ipv6.c share
 * everything above this): an address is an Ip4 (a number) or an Ip6 (a bigint), so a socket's
 * addresses compare with === whatever their family. This file holds what differs — how a
 * segment is routed and wrapped (tcp_v4_connect / ip_queue_xmit against tcp_v6_connect /
 * inet6_csk_xmit), whether an address is local, how one is printed — so sim/tcp.ts stays one
 * code for both.
 */
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import { formatIp6, type Ip6 } from '../src/model/ipv6/ip6.js';
import { route6Output } from '../src/model/ipv6/route6.js';
import { isLocal6 } from '../src/model/ipv6/source6.js';
import { routeConnect, routeOutput } from '../src/model/route-output.js';
import { ipOutput } from './ip-output.js';
import { ip6Output } from './ipv6/ip6-output.js';
import { simView6 } from './ipv6/view6.js';
import type { NsState } from './ns-state.js';
import type { AnyPacket, Ip6Packet, IpPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import { DEFAULT_TTL, IP_PROTO } from './wire/ipv4.js';
import { NEXTHDR } from './wire/ipv6.js';
import { TCP_FLAG, type TcpRepr } from './wire/tcp.js';

/** A socket address of either family: `0` is INADDR_ANY, `0n` is `::`. */
export type InetAddr = Ip4 | Ip6;

export function isV6(a: InetAddr): a is Ip6 {
  return typeof a === 'bigint';
}

/** The address as the tools print it (ss puts IPv6 ones in brackets itself). */
export function inetToString(a: InetAddr): string {
  return isV6(a) ? formatIp6(a) : ip4ToString(a);
}

/** The wildcard address of `a`'s family. */
export function isAny(a: InetAddr): boolean {
  return a === 0 || a === 0n;
}

/** Whether `a` is an address of this namespace (inet_bind / inet6_bind: EADDRNOTAVAIL otherwise). */
export function isLocalAddr(sim: Simulator, st: NsState, a: InetAddr): boolean {
  if (isAny(a)) return true;
  return isV6(a) ? isLocal6(st.ns, a) !== null : sim.state(st.ns).fib.addrType(a) === 'local';
}

/** The source and destination of a segment's packet. */
export function segAddrs(pkt: AnyPacket): { src: InetAddr; dst: InetAddr; tcp: TcpRepr | null | undefined } {
  return 'ip6' in pkt ? { src: pkt.ip6.src, dst: pkt.ip6.dst, tcp: pkt.tcp } : { src: pkt.ip.src, dst: pkt.ip.dst, tcp: pkt.tcp };
}

/** tcp_v4_connect / tcp_v6_connect's route: the source it picks, or the errno connect() returns at once. */
export function connectRoute(sim: Simulator, st: NsState, dst: InetAddr, src: InetAddr): { ok: true; saddr: InetAddr } | { ok: false; errno: string } {
  if (isV6(dst)) {
    const res = route6Output(simView6(sim, st), { dst, src: isV6(src) ? src : 0n, oif: null, now: sim.now });
    if (!res.ok) return { ok: false, errno: res.errno };
    if (res.rt.saddr === null) return { ok: false, errno: 'EADDRNOTAVAIL' };
    return { ok: true, saddr: res.rt.saddr };
  }
  const res = routeConnect(st, { dst, src: isV6(src) ? 0 : src, oif: null });
  if (!res.ok) return { ok: false, errno: res.errno };
  return { ok: true, saddr: res.rt.saddr };
}

/**
 * Sends `tcp` from `src` to `dst` (ip_queue_xmit / inet6_csk_xmit): routed, wrapped in the
 * family's header, handed to the IP output path; nothing goes out when no route leads there.
 * `hdr` is the TCP header with its options, `ipId` the IPv4 identification.
 */
export function tcpXmit(sim: Simulator, st: NsState, src: InetAddr, dst: InetAddr, tcp: TcpRepr, hdr: number, ipId: number, anySrc = false): void {
  if (isV6(dst)) {
    const res = route6Output(simView6(sim, st), { dst, src: isV6(src) ? src : 0n, oif: null, now: sim.now });
    if (!res.ok || res.rt.saddr === null) return;
    const rt = res.rt;
    // tcp_v6 advmss (ip6_default_advmss): the device MTU less 60, at least 1220
    if (tcp.flags & TCP_FLAG.SYN && tcp.mss === undefined) tcp.mss = Math.min(Math.max(rt.dev.mtu - 60, 1220), 65535);
    const pkt: Ip6Packet = {
      ip6: { src: rt.saddr!, dst, hopLimit: rt.route.hoplimit ?? rt.dev.inet6.conf.hop_limit, nextHeader: NEXTHDR.tcp, tclass: 0, flowLabel: 0, payloadLen: hdr + tcp.payloadLen },
      icmp6: null,
      udp: null,
      tcp,
      inner: null,
    };
    ip6Output(sim, st, pkt, rt);
    return;
  }
  const res = routeOutput(st, { dst, src: src as Ip4, oif: null, anySrc });
  if (!res.ok) return;
  // ipv4_default_advmss: the device MTU less 40, within 256 and 65495 (what the SYN offers as its MSS)
  if (tcp.flags & TCP_FLAG.SYN && tcp.mss === undefined) tcp.mss = Math.min(Math.max(res.rt.dev.mtu - 40, 256), 65495);
  const pkt: IpPacket = {
    ip: { src: src as Ip4, dst, ttl: DEFAULT_TTL, protocol: IP_PROTO.tcp, id: ipId, tos: 0, df: true, payloadLen: hdr + tcp.payloadLen },
    icmp: null,
    udp: null,
    tcp,
    inner: null,
  };
  ipOutput(sim, st, pkt, res.rt);
}
