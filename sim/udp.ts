/**
 * UDP sockets (RFC 768; net/ipv4/udp.c, udp.c's __udp4_lib_lookup, __udp4_lib_rcv, __udp4_lib_err;
 * af_inet.c inet_bind). What tunnels need of them: binding (an address must be local, a port
 * taken once per address), connecting (the route decides the source), the lookup that picks
 * the most specific socket for a datagram, an ICMP port unreachable when none wants it, and
 * ICMP errors reported to the socket they are about — only to a connected socket and only the
 * "hard" ones (icmp_err_convert's `fatal`), as the kernel does without IP_RECVERR.
 *
 * A VXLAN device that is up owns a kernel socket on its port (vxlan_sock_add); those are
 * listed from the model, not bound here.
 *
 * Both families are this one code (udp.c and udp_ipv6.c differ only below it): an address is
 * an Ip4 or an Ip6 (sim/tcp-out.ts's InetAddr), an IPv6 socket on `::` takes IPv4 datagrams
 * too (its IPv4 addresses then are IPv4-mapped: `v6` says so), one bound to an IPv6 address
 * is IPV6_V6ONLY (inet6_bind).
 */
import { isMulticast, type Ip4 } from '../src/model/ip.js';
import { isIp6Multicast, type Ip6 } from '../src/model/ipv6/ip6.js';
import { route6Output } from '../src/model/ipv6/route6.js';
import type { LabModel } from '../src/model/lab-model.js';
import type { Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import { icmpSend } from './icmp.js';
import { icmpv6ErrConvert, icmpv6Fatal, UNREACH_ERR } from './icmp-err-convert.js';
import { ipOutput } from './ip-output.js';
import type { NsState } from './ns-state.js';
import { describe, describe6, isIp6Packet, type AnyPacket, type Frame, type Ip6Packet, type IpPacket } from './packet.js';
import { routeOutput } from '../src/model/route-output.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { ICMP_TYPE, ICMP_UNREACH, type IcmpErrorRepr } from './wire/icmp.js';
import type { Icmp6ErrorRepr } from './wire/icmpv6.js';
import { NEXTHDR } from './wire/ipv6.js';
import { icmp6Send } from './ipv6/icmp6.js';
import { ip6Output } from './ipv6/ip6-output.js';
import { state6 } from './ipv6/state6.js';
import { simView6 } from './ipv6/view6.js';
import { connectRoute as inetConnectRoute, inetToString, isAny, isLocalAddr, isV6, type InetAddr } from './tcp-out.js';
import { DEFAULT_TTL, IP_PROTO } from './wire/ipv4.js';
import { UDP_HEADER_LEN } from './wire/udp.js';
import { vxlanRcv, vxlanSocketOf, vxlansOf } from './vxlan.js';
import { geneveRcv } from './geneve.js';

/** The errno a socket call returns, as strerror words it. */
export const STRERROR: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  ENOPROTOOPT: 'Protocol not available',
  EHOSTDOWN: 'Host is down',
  ENONET: 'Machine is not on the network',
  EPROTO: 'Protocol error',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENODEV: 'No such device',
};

/** An open UDP socket and what its owner does with what arrives. */
export interface UdpSocket {
  ns: Netns;
  /** bound address: 0 (or `0n`, an IPv6 socket's `::`) for any */
  local: InetAddr;
  port: number;
  /** the connected peer, or null */
  remote: InetAddr | null;
  remotePort: number;
  /** an IPv6 socket whose addresses are IPv4 (mapped: it took an IPv4 peer on `::`) */
  v6?: boolean;
  /** a datagram for this socket; `dev` is the device it arrived on */
  onDatagram(sim: Simulator, pkt: IpPacket, dev: Link): void;
  /** an IPv6 datagram for this socket (sockets that never bind an IPv6 address need not take them) */
  onDatagram6?(sim: Simulator, pkt: Ip6Packet, dev: Link): void;
  /** an error the kernel reports on the socket (sk_err): the owner's next call returns it */
  onError(sim: Simulator, errno: string, from: InetAddr): void;
}

/** Whether the socket is an AF_INET6 one (its IPv4 addresses, if any, mapped). */
export function isUdp6(s: UdpSocket): boolean {
  return s.v6 === true || isV6(s.local);
}

/**
 * inet_rcv_saddr_equal / ipv6_rcv_saddr_equal for two binds of one port: the same address, or
 * a wildcard of a family covering the other (`::` covers every IPv4 address too, unless
 * IPV6_V6ONLY: 0.0.0.0 no IPv6 one).
 */
function bindConflict(a: InetAddr, aOnly6: boolean, b: InetAddr, bOnly6: boolean): boolean {
  if (isV6(a) === isV6(b)) return a === b || isAny(a) || isAny(b);
  const [v6, only6] = isV6(a) ? [a, aOnly6] : [b, bOnly6];
  return v6 === 0n && !only6;
}

/** The first port of net.ipv4.ip_local_port_range, where ephemeral ports are taken from. */
const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;

/** Every UDP socket of a lab's processes, by namespace. */
export class UdpTable {
  private readonly byNs = new Map<Netns, UdpSocket[]>();
  private nextEphemeral = EPHEMERAL_LOW + 12345;
  /** namespaces whose ICMP error hook is installed, per runtime state */
  private readonly hooked = new WeakSet<NsState>();

  sockets(ns: Netns): readonly UdpSocket[] {
    return this.byNs.get(ns) ?? [];
  }

  /**
   * inet_bind + udp_v4_get_port: the address must be local (or any), the port free for it.
   * Port 0 takes an ephemeral port. Returns the errno, or null when bound.
   */
  bind(sim: Simulator, sock: UdpSocket): 'EADDRNOTAVAIL' | 'EADDRINUSE' | null {
    const a = sock.local;
    if (isV6(a)) {
      if (!isIp6Multicast(a) && !isLocalAddr(sim, sim.state(sock.ns), a)) return 'EADDRNOTAVAIL';
    } else if (a !== 0) {
      const t = sim.state(sock.ns).fib.addrType(a);
      if (t !== 'local' && t !== 'multicast' && t !== 'broadcast') return 'EADDRNOTAVAIL';
    }
    if (sock.port === 0) {
      sock.port = this.ephemeral(sock.ns, sock.local);
    } else if (this.portTaken(sock.ns, sock.local, sock.port)) {
      return 'EADDRINUSE';
    }
    const list = this.byNs.get(sock.ns) ?? [];
    list.push(sock);
    this.byNs.set(sock.ns, list);
    this.hook(sim, sock.ns);
    return null;
  }

  /** udp_lib_close */
  close(sock: UdpSocket): void {
    const list = this.byNs.get(sock.ns);
    if (!list) return;
    const i = list.indexOf(sock);
    if (i >= 0) list.splice(i, 1);
  }

  private portTaken(ns: Netns, addr: InetAddr, port: number): boolean {
    const only6 = isV6(addr) && addr !== 0n;
    for (const s of this.sockets(ns)) if (s.port === port && bindConflict(s.local, isV6(s.local) && s.local !== 0n, addr, only6)) return true;
    for (const l of vxlansOf(ns)) {
      // a VXLAN device's socket is bound to its family's wildcard whatever its `local`, the IPv6 one IPV6_V6ONLY (vxlan_create_sock)
      const v = vxlanSocketOf(l);
      if (v && v.port === port && bindConflict(v.v6 ? 0n : 0, v.v6, addr, only6)) return true;
    }
    return false;
  }

  private ephemeral(ns: Netns, addr: InetAddr): number {
    for (let i = 0; i <= EPHEMERAL_HIGH - EPHEMERAL_LOW; i++) {
      const p = this.nextEphemeral;
      this.nextEphemeral = p >= EPHEMERAL_HIGH ? EPHEMERAL_LOW : p + 1;
      if (!this.portTaken(ns, addr, p)) return p;
    }
    return 0;
  }

  /**
   * __udp4_lib_lookup / __udp6_lib_lookup: the socket for a datagram from saddr:sport to
   * daddr:dport, the most specific one (compute_score: a connected socket matching both ends
   * beats one bound to the address, which beats a wildcard; for an IPv4 datagram an IPv4
   * socket beats a dual-stack one).
   */
  lookup(ns: Netns, saddr: InetAddr, sport: number, daddr: InetAddr, dport: number): UdpSocket | null {
    let best: UdpSocket | null = null;
    let bestScore = -1;
    for (const s of this.sockets(ns)) {
      if (s.port !== dport) continue;
      let score = isUdp6(s) === isV6(daddr) ? 1 : 0;
      // an IPv6 socket takes IPv4 datagrams only on `::` (or once mapped by a connect)
      if (isV6(s.local) !== isV6(daddr) && !(s.local === 0n && !isV6(daddr))) continue;
      if (!isAny(s.local)) {
        if (s.local !== daddr) continue;
        score += 4;
      }
      if (s.remote !== null) {
        if (s.remote !== saddr || s.remotePort !== sport) continue;
        score += 4;
      }
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  /** The table as it is now, to put back after a question (reach's probes) borrowed it. */
  save(): () => void {
    const socks: [Netns, UdpSocket[]][] = [...this.byNs].map(([ns, l]) => [ns, [...l]]);
    const next = this.nextEphemeral;
    return () => {
      this.byNs.clear();
      for (const [ns, l] of socks) this.byNs.set(ns, l);
      this.nextEphemeral = next;
    };
  }

  /** The namespace's ICMP and ICMPv6 errors reach its UDP sockets (icmp_unreach → udp_err, icmpv6_notify → udpv6_err). */
  hook(sim: Simulator, ns: Netns): void {
    const st = sim.state(ns);
    if (this.hooked.has(st)) return;
    this.hooked.add(st);
    const table = this;
    const errSock: IcmpSocket = {
      raw() {},
      error(err: IcmpErrorRepr, from: Ip4) {
        udpErr(sim, table, ns, err, from);
      },
    };
    st.sockets.push(errSock);
    state6(st).sockets.push({
      raw() {},
      error(err: Icmp6ErrorRepr, from: Ip6) {
        udp6Err(sim, table, ns, err, from);
      },
    });
  }
}

const tables = new WeakMap<LabModel, UdpTable>();

/** The UDP sockets a lab's programs opened, if any did (read without a simulator: lint). */
export function udpSocketsOf(lab: LabModel): UdpTable | undefined {
  return tables.get(lab);
}

/** The UDP sockets of a lab (shared by a simulator and its forks, which only read them). */
export function udpTable(sim: Simulator): UdpTable {
  let t = tables.get(sim.lab);
  if (!t) {
    t = new UdpTable();
    tables.set(sim.lab, t);
  }
  return t;
}

/** __udp4_lib_err: an ICMP error about a datagram one of our sockets sent. */
function udpErr(sim: Simulator, table: UdpTable, ns: Netns, err: IcmpErrorRepr, from: Ip4): void {
  const q = err.original;
  if (q.ip.protocol !== IP_PROTO.udp || !q.udp) return;
  // looked up as if the quoted datagram came back: its destination is the socket's peer
  const sock = table.lookup(ns, q.ip.dst, q.udp.dstPort, q.ip.src, q.udp.srcPort);
  if (!sock) return;
  let errno: string;
  let fatal: boolean;
  if (err.type === ICMP_TYPE.destUnreachable) {
    if (err.code === ICMP_UNREACH.fragNeeded) return; // a PMTU update, not an error
    const e = UNREACH_ERR[err.code];
    if (!e) return;
    [errno, fatal] = e;
  } else if (err.type === ICMP_TYPE.paramProblem) {
    [errno, fatal] = ['EPROTO', true];
  } else {
    // time exceeded: EHOSTUNREACH, never fatal; redirects are not errors
    return;
  }
  report(sim, ns, sock, errno, fatal, from);
}

/** __udp6_lib_err: an ICMPv6 error about a datagram one of our sockets sent. */
function udp6Err(sim: Simulator, table: UdpTable, ns: Netns, err: Icmp6ErrorRepr, from: Ip6): void {
  const q = err.original;
  if (!q.udp || q.ip6.nextHeader !== NEXTHDR.udp) return;
  const sock = table.lookup(ns, q.ip6.dst, q.udp.dstPort, q.ip6.src, q.udp.srcPort);
  if (!sock) return;
  const errno = icmpv6ErrConvert(err.type, err.code);
  if (errno === null) return; // packet too big: a PMTU update
  report(sim, ns, sock, errno, icmpv6Fatal(err.type, err.code), from);
}

/** Without IP_RECVERR / IPV6_RECVERR only a hard error on a connected socket is reported (sk_err). */
function report(sim: Simulator, ns: Netns, sock: UdpSocket, errno: string, fatal: boolean, from: InetAddr): void {
  if (!fatal || sock.remote === null) {
    if (sim.tracer) sim.step(ns, 'socket', `ICMP ${errno} from ${inetToString(from)} about UDP :${sock.port} ignored (${sock.remote === null ? 'socket not connected' : 'not a hard error'})`);
    return;
  }
  if (sim.tracer) sim.step(ns, 'socket', `UDP socket ${inetToString(sock.local)}:${sock.port} gets ${errno} (ICMP from ${inetToString(from)})`);
  sock.onError(sim, errno, from);
}

/**
 * A UDP datagram delivered to this namespace (udp_rcv → __udp4_lib_rcv; UDP's entry of the
 * protocol table): to a tunnel endpoint's hook, its socket — a VXLAN device's or a process's —
 * or, when none listens, an ICMP port unreachable back (never for broadcast or multicast).
 */
export function udpRcv(sim: Simulator, st: NsState, dev: Link, _iif: Link, pkt: IpPacket): void {
  const ns = st.ns;
  const hook = sim.udpHook;
  if (hook && hook(sim, ns, dev, pkt)) return;
  const u = pkt.udp!;
  const table = udpTable(sim);
  const sock = table.lookup(ns, pkt.ip.src, u.srcPort, pkt.ip.dst, u.dstPort);
  if (sock) {
    if (sim.tracer) sim.step(ns, 'socket', `${describe(pkt)} to the socket on ${inetToString(sock.local)}:${sock.port}`);
    sock.onDatagram(sim, pkt, dev);
    return;
  }
  if (vxlanRcv(sim, st, dev, pkt)) return;
  if (geneveRcv(sim, st, dev, pkt)) return;
  sim.drop(ns, 'no-socket', `nothing listens on UDP ${inetToString(pkt.ip.dst)}:${u.dstPort}`, pkt, dev);
  const dst = pkt.ip.dst;
  if (isMulticast(dst) || st.fib.addrType(dst) === 'broadcast') return;
  icmpSend(sim, st, pkt, ICMP_TYPE.destUnreachable, ICMP_UNREACH.port, 0, true);
}

/**
 * udpv6_rcv → __udp6_lib_rcv (UDP's entry of inet6_protos[]; a VXLAN device's socket took its
 * datagrams before): to the socket that wants it or, when none does, an ICMPv6 port
 * unreachable back (never for a group).
 */
export function udp6Rcv(sim: Simulator, st: NsState, dev: Link, _iif: Link, pkt: Ip6Packet): void {
  const ns = st.ns;
  const u = pkt.udp!;
  const sock = udpTable(sim).lookup(ns, pkt.ip6.src, u.srcPort, pkt.ip6.dst, u.dstPort);
  if (sock) {
    if (sim.tracer) sim.step(ns, 'socket', `${describe6(pkt)} to the socket on [${inetToString(sock.local)}]:${sock.port}`);
    sock.onDatagram6?.(sim, pkt, dev);
    return;
  }
  if (sim.tracer) sim.stepDrop(ns, 'no-socket', `nothing listens on UDP [${inetToString(pkt.ip6.dst)}]:${u.dstPort}`);
  if (isIp6Multicast(pkt.ip6.dst)) return;
  icmp6Send(sim, st, pkt, dev, 1, 4, 0);
}

/** The result of sending: sent (possibly still resolving), or the errno sendmsg returns. */
export type SendResult = { kind: 'sent' } | { kind: 'error'; errno: string };

/**
 * udp_sendmsg from `sock` to `dst:dport` (its peer when connected), carrying `inner` (a
 * tunnel's payload) of `innerLen` bytes. The route is looked up for each datagram, from the
 * socket's address when it has one.
 */
export function udpSend(sim: Simulator, sock: UdpSocket, dst: InetAddr, dport: number, inner: Frame | null, innerLen: number, opts: { df?: boolean; ttl?: number; srcPort?: number } = {}): SendResult {
  const st = sim.state(sock.ns);
  if (isV6(dst)) return udp6Send(sim, st, sock, dst, dport, inner, innerLen, opts.srcPort);
  const res = routeOutput(st, { dst, src: isV6(sock.local) ? 0 : sock.local, oif: null });
  if (!res.ok) return { kind: 'error', errno: res.errno };
  udpTable(sim).hook(sim, sock.ns);
  const pkt: IpPacket = {
    // IP_PMTUDISC_WANT, the default of a UDP socket: DF set, fragmented locally when too big
    ip: { src: res.rt.saddr, dst, ttl: opts.ttl ?? DEFAULT_TTL, protocol: IP_PROTO.udp, id: st.nextIpId(), tos: 0, df: opts.df ?? true, payloadLen: UDP_HEADER_LEN + innerLen },
    icmp: null,
    udp: { srcPort: opts.srcPort ?? sock.port, dstPort: dport, payloadLen: innerLen },
    inner,
  };
  ipOutput(sim, st, pkt, res.rt);
  return { kind: 'sent' };
}

/** udpv6_sendmsg: the route from the socket's address (ip6_sk_dst_hoplimit: the route's hop limit, else the device's). */
function udp6Send(sim: Simulator, st: NsState, sock: UdpSocket, dst: Ip6, dport: number, inner: Frame | null, innerLen: number, srcPort?: number): SendResult {
  const res = route6Output(simView6(sim, st), { dst, src: isV6(sock.local) ? sock.local : 0n, oif: null, now: sim.now });
  if (!res.ok) return { kind: 'error', errno: res.errno };
  if (res.rt.saddr === null) return { kind: 'error', errno: 'EADDRNOTAVAIL' };
  udpTable(sim).hook(sim, sock.ns);
  const rt = res.rt;
  const pkt: Ip6Packet = {
    ip6: { src: rt.saddr!, dst, hopLimit: rt.route.hoplimit ?? rt.dev.inet6.conf.hop_limit, nextHeader: NEXTHDR.udp, tclass: 0, flowLabel: 0, payloadLen: UDP_HEADER_LEN + innerLen },
    icmp6: null,
    udp: { srcPort: srcPort ?? sock.port, dstPort: dport, payloadLen: innerLen },
    inner,
  };
  ip6Output(sim, st, pkt, rt);
  return { kind: 'sent' };
}

/** The route a connect() would take (ip4_datagram_connect / ip6_datagram_connect): its source address, or the errno connect returns. */
export function connectRoute<A extends InetAddr>(sim: Simulator, ns: Netns, local: A | 0, dst: A): { kind: 'ok'; src: A } | { kind: 'error'; errno: string } {
  const res = inetConnectRoute(sim, sim.state(ns), dst, local);
  if (!res.ok) return { kind: 'error', errno: res.errno };
  return { kind: 'ok', src: res.saddr as A };
}

/** Whatever the family of a datagram, its source and destination. */
export function udpAddrs(pkt: AnyPacket): { src: InetAddr; dst: InetAddr } {
  return isIp6Packet(pkt) ? { src: pkt.ip6.src, dst: pkt.ip6.dst } : { src: pkt.ip.src, dst: pkt.ip.dst };
}
