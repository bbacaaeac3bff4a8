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
 */
import { ip4ToString, isMulticast, type Ip4 } from '../src/model/ip.js';
import type { LabModel } from '../src/model/lab-model.js';
import type { Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import { icmpSend } from './icmp.js';
import { UNREACH_ERR } from './icmp-err-convert.js';
import { ipOutput } from './ip-output.js';
import type { NsState } from './ns-state.js';
import { describe, type Frame, type IpPacket } from './packet.js';
import { routeConnect, routeOutput } from '../src/model/route-output.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { ICMP_TYPE, ICMP_UNREACH, type IcmpErrorRepr } from './wire/icmp.js';
import { DEFAULT_TTL, IP_PROTO } from './wire/ipv4.js';
import { UDP_HEADER_LEN } from './wire/udp.js';
import { vxlanRcv, vxlanSocketOf } from './vxlan.js';
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
  /** bound address, 0 for any */
  local: Ip4;
  port: number;
  /** the connected peer, or null */
  remote: Ip4 | null;
  remotePort: number;
  /** a datagram for this socket; `dev` is the device it arrived on */
  onDatagram(sim: Simulator, pkt: IpPacket, dev: Link): void;
  /** an error the kernel reports on the socket (sk_err): the owner's next call returns it */
  onError(sim: Simulator, errno: string, from: Ip4): void;
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
    if (sock.local !== 0) {
      const t = sim.state(sock.ns).fib.addrType(sock.local);
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

  private portTaken(ns: Netns, addr: Ip4, port: number): boolean {
    for (const s of this.sockets(ns)) if (s.port === port && (s.local === 0 || addr === 0 || s.local === addr)) return true;
    for (const l of ns.linkList()) {
      const v = vxlanSocketOf(l);
      if (v && !v.v6 && v.port === port && (v.local === 0 || addr === 0 || v.local === addr)) return true;
    }
    return false;
  }

  private ephemeral(ns: Netns, addr: Ip4): number {
    for (let i = 0; i <= EPHEMERAL_HIGH - EPHEMERAL_LOW; i++) {
      const p = this.nextEphemeral;
      this.nextEphemeral = p >= EPHEMERAL_HIGH ? EPHEMERAL_LOW : p + 1;
      if (!this.portTaken(ns, addr, p)) return p;
    }
    return 0;
  }

  /**
   * __udp4_lib_lookup: the socket for a datagram from saddr:sport to daddr:dport, the most
   * specific one (a connected socket matching both ends beats one bound to the address, which
   * beats a wildcard).
   */
  lookup(ns: Netns, saddr: Ip4, sport: number, daddr: Ip4, dport: number): UdpSocket | null {
    let best: UdpSocket | null = null;
    let bestScore = -1;
    for (const s of this.sockets(ns)) {
      if (s.port !== dport) continue;
      let score = 0;
      if (s.local !== 0) {
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

  /** The namespace's ICMP errors reach its UDP sockets (icmp_unreach → udp_err). */
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
  if (!fatal || sock.remote === null) {
    if (sim.tracer) sim.step(ns, 'socket', `ICMP ${errno} from ${ip4ToString(from)} about UDP :${sock.port} ignored (${sock.remote === null ? 'socket not connected' : 'not a hard error'})`);
    return;
  }
  if (sim.tracer) sim.step(ns, 'socket', `UDP socket ${ip4ToString(sock.local)}:${sock.port} gets ${errno} (ICMP from ${ip4ToString(from)})`);
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
    if (sim.tracer) sim.step(ns, 'socket', `${describe(pkt)} to the socket on ${ip4ToString(sock.local)}:${sock.port}`);
    sock.onDatagram(sim, pkt, dev);
    return;
  }
  if (vxlanRcv(sim, st, dev, pkt)) return;
  if (geneveRcv(sim, st, dev, pkt)) return;
  sim.drop(ns, 'no-socket', `nothing listens on UDP ${ip4ToString(pkt.ip.dst)}:${u.dstPort}`, pkt, dev);
  const dst = pkt.ip.dst;
  if (isMulticast(dst) || st.fib.addrType(dst) === 'broadcast') return;
  icmpSend(sim, st, pkt, ICMP_TYPE.destUnreachable, ICMP_UNREACH.port, 0, true);
}

/** The result of sending: sent (possibly still resolving), or the errno sendmsg returns. */
export type SendResult = { kind: 'sent' } | { kind: 'error'; errno: string };

/**
 * udp_sendmsg from `sock` to `dst:dport` (its peer when connected), carrying `inner` (a
 * tunnel's payload) of `innerLen` bytes. The route is looked up for each datagram, from the
 * socket's address when it has one.
 */
export function udpSend(sim: Simulator, sock: UdpSocket, dst: Ip4, dport: number, inner: Frame | null, innerLen: number, opts: { df?: boolean; ttl?: number; srcPort?: number } = {}): SendResult {
  const st = sim.state(sock.ns);
  const res = routeOutput(st, { dst, src: sock.local, oif: null });
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

/** The route a connect() would take: its source address, or the errno connect returns. */
export function connectRoute(sim: Simulator, ns: Netns, local: Ip4, dst: Ip4): { kind: 'ok'; src: Ip4 } | { kind: 'error'; errno: string } {
  const res = routeConnect(sim.state(ns), { dst, src: local, oif: null });
  if (!res.ok) return { kind: 'error', errno: res.errno };
  return { kind: 'ok', src: res.rt.saddr };
}
