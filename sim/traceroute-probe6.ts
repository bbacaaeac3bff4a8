/**
 * traceroute's IPv6 probes (traceroute -6): UDP datagrams of 32 bytes to ports from 33434 up,
 * one connected socket each with IPV6_RECVERR, or ICMPv6 echoes with sequence 1, 2, … on one
 * raw socket; 80-byte packets. Answers are read as recv_reply does for AF_INET6: the offender
 * of an ICMPv6 error (SO_EE_OFFENDER) with its hop limit, or the destination's echo reply.
 */
import { formatIp6, type Ip6 } from '../src/model/ipv6/ip6.js';
import { route6Output } from '../src/model/ipv6/route6.js';
import type { Netns } from '../src/model/netns.js';
import type { Ip6Packet } from './packet.js';
import type { Simulator } from './simulator.js';
import { ip6Output } from './ipv6/ip6-output.js';
import { state6, type Icmp6Socket } from './ipv6/state6.js';
import { simView6 } from './ipv6/view6.js';
import { NEXTHDR } from './wire/ipv6.js';
import { UDP_HEADER_LEN } from './wire/udp.js';
import type { ProbeAnswer, ProbeTransport } from './traceroute.js';
import type { Probe4Options } from './traceroute-probe4.js';

/** parse_icmp_res for IPv6: null for "hop limit exceeded in transit", '' for port unreachable (reached). */
export function annotate6(type: number, code: number, info: number): string | null {
  if (type === 3) {
    if (code === 0) return null;
  } else if (type === 1) {
    if (code === 0) return '!N';
    if (code === 2 || code === 3) return '!H';
    if (code === 1) return '!X';
    if (code === 4) return '';
    return `!<${code}>`;
  } else if (type === 2) {
    return `!F-${info}`;
  }
  return `!<${type}-${code}>`;
}

/** connect()'s errno for a destination without a usable route (or source), else null. */
export function connectError6(sim: Simulator, from: Netns, dst: Ip6): string | null {
  const res = route6Output(simView6(sim, sim.state(from)), { dst, src: 0n, oif: null, now: sim.now });
  if (!res.ok) return res.errno;
  return res.rt.saddr === null ? 'EADDRNOTAVAIL' : null;
}

/** The transport the probe loop drives, with its socket registered in `from` until `close`. */
export function probes6(sim: Simulator, from: Netns, dst: Ip6, o: Probe4Options): ProbeTransport & { close(): void } {
  const st = sim.state(from);
  const view = simView6(sim, st);
  const inbox: ProbeAnswer[] = [];
  const ident = sim.nextIdent();
  const sport0 = 32768 + (sim.nextIdent() % 20000);
  let next = o.first;
  const sports = new Map<number, number>();

  const sock: Icmp6Socket = {
    raw(pkt) {
      const m = pkt.icmp6;
      if (o.method !== 'icmp' || !m || m.type !== 129 || m.ident !== ident || pkt.ip6.src !== dst) return;
      inbox.push({ key: m.seq, t: sim.now, from: formatIp6(pkt.ip6.src), ttl: pkt.ip6.hopLimit, icmp: null });
    },
    error(err, src, _dev, hopLimit) {
      const q = err.original;
      if (q.ip6.dst !== dst) return;
      let key: number;
      if (o.method === 'udp') {
        if (!q.udp || sports.get(q.udp.dstPort) !== q.udp.srcPort) return;
        key = q.udp.dstPort;
      } else {
        if (!q.echo || q.echo.type !== 128 || q.echo.ident !== ident) return;
        key = q.echo.seq;
      }
      inbox.push({ key, t: sim.now, from: formatIp6(src), ttl: hopLimit ?? 0, icmp: { type: err.type, code: err.code, info: err.info } });
    },
  };
  const socks = state6(st).sockets;
  socks.push(sock);

  return {
    send(hop) {
      const res = route6Output(view, { dst, src: 0n, oif: null, now: sim.now });
      if (!res.ok) return { fatal: res.errno };
      if (res.rt.saddr === null) return { fatal: 'EADDRNOTAVAIL' };
      const key = next++ & 0xffff;
      const ip6 = { src: res.rt.saddr, dst, hopLimit: hop, tclass: 0, flowLabel: 0 };
      let pkt: Ip6Packet;
      if (o.method === 'udp') {
        const sport = sport0 + ((key - o.first) & 0xfff);
        sports.set(key, sport);
        const len = Math.max(0, o.payload - UDP_HEADER_LEN);
        pkt = { ip6: { ...ip6, nextHeader: NEXTHDR.udp, payloadLen: UDP_HEADER_LEN + len }, icmp6: null, udp: { srcPort: sport, dstPort: key, payloadLen: len }, inner: null };
      } else {
        const len = Math.max(0, o.payload - 8);
        pkt = { ip6: { ...ip6, nextHeader: NEXTHDR.icmpv6, payloadLen: 8 + len }, icmp6: { type: 128, code: 0, ident, seq: key, dataLen: len, sentAt: sim.now }, udp: null, inner: null };
      }
      ip6Output(sim, st, pkt, res.rt, false);
      return { key };
    },
    take: () => inbox.splice(0),
    pending: () => inbox.length > 0,
    annotate: annotate6,
    close() {
      const k = socks.indexOf(sock);
      if (k >= 0) socks.splice(k, 1);
    },
  };
}
