/**
 * traceroute's IPv4 probes (mod-udp.c's default method, mod-icmp.c's raw socket): a UDP
 * datagram of 32 bytes to port 33434, 33435, … from a connected socket of its own (IP_RECVERR,
 * IP_PMTUDISC_DONT: no DF), or an ICMP echo with sequence 1, 2, … on one raw socket connected
 * to the destination. What comes back is read as recv_reply does: the offender of an ICMP error
 * (SO_EE_OFFENDER) with the error's TTL, or the destination's echo reply.
 */
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import type { Netns } from '../src/model/netns.js';
import { routeOutput } from '../src/model/route-output.js';
import { ipOutput } from './ip-output.js';
import type { IpPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { ICMP_TYPE, ICMP_UNREACH, isEcho } from './wire/icmp.js';
import { IP_PROTO } from './wire/ipv4.js';
import { UDP_HEADER_LEN } from './wire/udp.js';
import type { ProbeAnswer, ProbeTransport } from './traceroute.js';

export interface Probe4Options {
  method: 'udp' | 'icmp';
  /** -p: the first UDP port (33434), or the first echo sequence (1) */
  first: number;
  /** bytes after the IP header: 40 by default (UDP header and 32 bytes, or ICMP header and 32) */
  payload: number;
}

/** parse_icmp_res for IPv4: null for "time exceeded in transit", '' for port unreachable (reached). */
export function annotate4(type: number, code: number, info: number): string | null {
  if (type === ICMP_TYPE.timeExceeded) {
    if (code === 0) return null;
  } else if (type === ICMP_TYPE.destUnreachable) {
    const U = ICMP_UNREACH;
    if (code === U.net || code === U.netUnknown || code === U.hostIsolated || code === U.netTos) return '!N';
    if (code === U.host || code === U.hostUnknown || code === U.hostTos) return '!H';
    if (code === U.netProhibited || code === U.hostProhibited || code === U.pktFiltered) return '!X';
    if (code === U.port) return '';
    if (code === U.protocol) return '!P';
    if (code === U.fragNeeded) return `!F-${info}`;
    if (code === U.srFailed) return '!S';
    if (code === U.precedenceViolation) return '!V';
    if (code === U.precedenceCutoff) return '!C';
    return `!<${code}>`;
  }
  return `!<${type}-${code}>`;
}

/**
 * The raw ICMP socket's connect() (icmp_init, before the header is printed): its errno when the
 * destination has no route, else null.
 */
export function connectError4(sim: Simulator, from: Netns, dst: Ip4): string | null {
  const res = routeOutput(sim.state(from), { dst, src: 0, oif: null });
  return res.ok ? null : res.errno;
}

/** The transport the probe loop drives, with its socket registered in `from` until `close`. */
export function probes4(sim: Simulator, from: Netns, dst: Ip4, o: Probe4Options): ProbeTransport & { close(): void } {
  const st = sim.state(from);
  const inbox: ProbeAnswer[] = [];
  const ident = sim.nextIdent();
  // each UDP probe's socket has an ephemeral port of its own
  const sport0 = 32768 + (sim.nextIdent() % 20000);
  let next = o.first;
  const sports = new Map<number, number>();

  const sock: IcmpSocket = {
    raw(pkt) {
      const m = pkt.icmp;
      if (o.method !== 'icmp' || !m || !isEcho(m) || m.type !== 0 || m.ident !== ident || pkt.ip.src !== dst) return;
      inbox.push({ key: m.seq, t: sim.now, from: ip4ToString(pkt.ip.src), ttl: pkt.ip.ttl, icmp: null });
    },
    error(err, src, _dev, ttl) {
      if (err.type === ICMP_TYPE.redirect) return;
      const q = err.original;
      if (q.ip.dst !== dst) return;
      let key: number | undefined;
      if (o.method === 'udp') {
        if (!q.udp || q.ip.protocol !== IP_PROTO.udp || sports.get(q.udp.dstPort) !== q.udp.srcPort) return;
        key = q.udp.dstPort;
      } else {
        if (!q.echo || q.echo.type !== 8 || q.echo.ident !== ident) return;
        key = q.echo.seq;
      }
      inbox.push({ key, t: sim.now, from: ip4ToString(src), ttl: ttl ?? 0, icmp: { type: err.type, code: err.code, info: err.info } });
    },
  };
  st.sockets.push(sock);

  return {
    send(ttl) {
      const res = routeOutput(st, { dst, src: 0, oif: null });
      if (!res.ok) return { fatal: res.errno };
      const key = next++ & 0xffff;
      const base = { src: res.rt.saddr, dst, ttl, id: st.nextIpId(), tos: 0, df: false };
      let pkt: IpPacket;
      if (o.method === 'udp') {
        const sport = sport0 + ((key - o.first) & 0xfff);
        sports.set(key, sport);
        const len = Math.max(0, o.payload - UDP_HEADER_LEN);
        pkt = { ip: { ...base, protocol: IP_PROTO.udp, payloadLen: UDP_HEADER_LEN + len }, icmp: null, udp: { srcPort: sport, dstPort: key, payloadLen: len }, inner: null };
      } else {
        const len = Math.max(0, o.payload - 8);
        pkt = { ip: { ...base, protocol: IP_PROTO.icmp, payloadLen: 8 + len }, icmp: { type: 8, code: 0, ident, seq: key, dataLen: len, sentAt: sim.now }, udp: null, inner: null };
      }
      ipOutput(sim, st, pkt, res.rt);
      return { key };
    },
    take: () => inbox.splice(0),
    pending: () => inbox.length > 0,
    annotate: annotate4,
    close() {
      const k = st.sockets.indexOf(sock);
      if (k >= 0) st.sockets.splice(k, 1);
    },
  };
}
