/**
 * tracepath's probe socket per family: an unconnected UDP socket that sends a probe of the
 * current MTU with the TTL (hop limit) asked, refuses one over the path MTU locally (EMSGSIZE,
 * IP_PMTUDISC_DO / IPV6_PMTUDISC_DO), and queues the ICMP (ICMPv6) errors that quote its probes
 * as the error queue hands them to recverr(): the errno the kernel's icmp_err_convert /
 * icmpv6_err_convert gives (icmp-err-convert.ts), the MTU of a "fragmentation needed" / "packet too big", the sender,
 * the answer's TTL (hop limit), and the port that names the probe.
 */
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import { formatIp6, type Ip6 } from '../src/model/ipv6/ip6.js';
import { route6Output } from '../src/model/ipv6/route6.js';
import type { Netns } from '../src/model/netns.js';
import { pathMtu } from '../src/model/pmtu.js';
import { routeOutput } from '../src/model/route-output.js';
import { icmpv6ErrConvert, unreachErrno } from './icmp-err-convert.js';
import { ipOutput } from './ip-output.js';
import { ip6Output } from './ipv6/ip6-output.js';
import { state6, type Icmp6Socket } from './ipv6/state6.js';
import { simView6 } from './ipv6/view6.js';
import type { Ip6Packet, IpPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import type { TraceErr } from './tracepath.js';
import { ICMP_TYPE, ICMP_UNREACH } from './wire/icmp.js';
import { IP_PROTO } from './wire/ipv4.js';
import { NEXTHDR } from './wire/ipv6.js';
import { UDP_HEADER_LEN } from './wire/udp.js';

/** An error waiting in the queue: what recverr() reads, the probe's port, the answer's TTL. */
export interface Queued {
  err: Omit<TraceErr, 'sndhops' | 'rttUs' | 'rethops'>;
  port: number;
  ttl: number;
}

export interface TraceSocket {
  /** sendto(): the probe out (true), or its local EMSGSIZE queued (false) */
  send(ttl: number, mtu: number, port: number): boolean;
  close(): void;
}

export function traceSocket4(sim: Simulator, from: Netns, dst: Ip4, queue: Queued[]): TraceSocket {
  const st = sim.state(from);
  const sport = 32768 + (sim.nextIdent() % 28000);
  const sock: IcmpSocket = {
    raw() {},
    error(err, src, _dev, rttl) {
      const q = err.original;
      if (!q.udp || q.ip.protocol !== IP_PROTO.udp || q.udp.srcPort !== sport || q.ip.dst !== dst) return;
      let errno: string;
      if (err.type === ICMP_TYPE.destUnreachable) errno = unreachErrno(err.code);
      else if (err.type === ICMP_TYPE.timeExceeded) errno = 'EHOSTUNREACH';
      else if (err.type === ICMP_TYPE.paramProblem) errno = 'EPROTO';
      else return;
      const info = err.type === ICMP_TYPE.destUnreachable && err.code === ICMP_UNREACH.fragNeeded ? err.info : 0;
      const timeExceeded = err.type === ICMP_TYPE.timeExceeded && err.code === 0;
      queue.push({ err: { origin: 'icmp', errno, timeExceeded, info, from: ip4ToString(src) }, port: q.udp.dstPort, ttl: rttl ?? -1 });
    },
  };
  st.sockets.push(sock);
  return {
    send(ttl, mtu, port) {
      const res = routeOutput(st, { dst, src: 0, oif: null });
      if (!res.ok) return false;
      const pmtu = pathMtu(from, res.rt.daddr, res.rt.route, res.rt.dev, sim.now);
      if (mtu > pmtu) {
        // ip_local_error: the port of an unconnected socket is 0, and no payload comes back
        queue.push({ err: { origin: 'local', errno: 'EMSGSIZE', timeExceeded: false, info: pmtu, from: '' }, port: 0, ttl: -1 });
        return false;
      }
      const payload = mtu - 28;
      const pkt: IpPacket = {
        ip: { src: res.rt.saddr, dst, ttl, protocol: IP_PROTO.udp, id: st.nextIpId(), tos: 0, df: true, payloadLen: UDP_HEADER_LEN + payload },
        icmp: null,
        udp: { srcPort: sport, dstPort: port, payloadLen: payload },
        inner: null,
      };
      ipOutput(sim, st, pkt, res.rt);
      return true;
    },
    close() {
      const k = st.sockets.indexOf(sock);
      if (k >= 0) st.sockets.splice(k, 1);
    },
  };
}

export function traceSocket6(sim: Simulator, from: Netns, dst: Ip6, queue: Queued[]): TraceSocket {
  const st = sim.state(from);
  const view = simView6(sim, st);
  const sport = 32768 + (sim.nextIdent() % 28000);
  const sock: Icmp6Socket = {
    raw() {},
    error(err, src, _dev, hopLimit) {
      const q = err.original;
      if (!q.udp || q.udp.srcPort !== sport || q.ip6.dst !== dst) return;
      // a packet too big is EMSGSIZE to tracepath's PMTU-discovering socket (its MTU in ee_info)
      const errno = err.type === 2 ? 'EMSGSIZE' : icmpv6ErrConvert(err.type, err.code);
      if (errno === null) return;
      const timeExceeded = err.type === 3 && err.code === 0;
      queue.push({ err: { origin: 'icmp', errno, timeExceeded, info: err.type === 2 ? err.info : 0, from: formatIp6(src) }, port: q.udp.dstPort, ttl: hopLimit ?? -1 });
    },
  };
  const socks = state6(st).sockets;
  socks.push(sock);
  return {
    send(ttl, mtu, port) {
      const res = route6Output(view, { dst, src: 0n, oif: null, now: sim.now });
      if (!res.ok || res.rt.saddr === null) return false;
      const rt = res.rt;
      const pmtu = Math.min(rt.pmtu?.mtu ?? Infinity, rt.route.mtu ?? rt.dev.mtu, rt.dev.mtu);
      if (mtu > pmtu) {
        // ipv6_local_error: the error keeps the destination port, so it names the probe
        queue.push({ err: { origin: 'local', errno: 'EMSGSIZE', timeExceeded: false, info: pmtu, from: '' }, port, ttl: -1 });
        return false;
      }
      const payload = mtu - 48;
      const pkt: Ip6Packet = {
        ip6: { src: rt.saddr!, dst, hopLimit: ttl, tclass: 0, flowLabel: 0, nextHeader: NEXTHDR.udp, payloadLen: UDP_HEADER_LEN + payload },
        icmp6: null,
        udp: { srcPort: sport, dstPort: port, payloadLen: payload },
        inner: null,
      };
      ip6Output(sim, st, pkt, rt, false);
      return true;
    },
    close() {
      const k = socks.indexOf(sock);
      if (k >= 0) socks.splice(k, 1);
    },
  };
}
