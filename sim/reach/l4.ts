/**
 * Reachability of a service port: what `nc -z -w 1` (TCP), `nc -u` (UDP) or `ping -c 1 -W 1`
 * (ICMP) from a fresh state would meet, asked of the event engine packet by packet, so
 * netfilter (both ways, with conntrack and NAT), routing, ARP and the sockets all take part.
 *
 * - `open`: a socket answered — a listener took the SYN (the SYN-ACK came back), a UDP socket
 *   took the datagram, or the echo reply came back;
 * - `refused`: a RST came back, or an ICMP port unreachable (a closed UDP port, REJECT's default);
 * - `unreachable`: another ICMP error, or connect/sendmsg failed at once (no route …);
 * - `filtered`: nothing came back within the wait (dropped by a rule, lost on the way).
 *
 * The probe runs on a new Simulator (no neighbour entries, empty conntrack) and borrows the
 * lab's socket tables: the SYN never completes into an accept and the datagram is taken before
 * a socket's owner sees it, and the tables are put back as they were afterwards.
 */
import type { Ip4 } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import { ping } from '../ping.js';
import { Simulator } from '../simulator.js';
import { tcpConnect, tcpTable, type TcpConn } from '../tcp.js';
import { connectRoute, udpSend, udpTable, type UdpSocket } from '../udp.js';

export type L4Proto = 'tcp' | 'udp' | 'icmp';
export type PortAnswer = 'open' | 'refused' | 'unreachable' | 'filtered';

export interface PortProbe {
  answer: PortAnswer;
  /** the errno the client's socket got (ECONNREFUSED, EHOSTUNREACH, …), or null */
  errno: string | null;
  /** the socket that answered (after any DNAT): its namespace, address and port */
  endpoint: { ns: Netns; addr: Ip4; port: number } | null;
}

export interface PortProbeOptions {
  /** seconds to wait for an answer (nc -w, ping -W; default 1) */
  wait?: number;
}

/** errnos that mean the port itself refused (a RST, an ICMP port unreachable) */
const REFUSED = new Set(['ECONNREFUSED']);

function fromErrno(errno: string): PortAnswer {
  return REFUSED.has(errno) ? 'refused' : 'unreachable';
}

/** One probe from `from` to `dst` (`port` is ignored for ICMP). */
export function probePort(lab: LabModel, from: Netns, dst: Ip4, proto: L4Proto, port: number, opts: PortProbeOptions = {}): PortProbe {
  return probeOn(new Simulator(lab), from, dst, proto, port, opts);
}

/** The same probe on `sim`, a fresh Simulator of the lab (the fast path gives it a tracer). */
export function probeOn(sim: Simulator, from: Netns, dst: Ip4, proto: L4Proto, port: number, opts: PortProbeOptions = {}): PortProbe {
  const wait = opts.wait ?? 1;
  if (proto === 'icmp') {
    const r = ping(sim, from, dst, { count: 1, timeout: wait });
    return { answer: r.received > 0 ? 'open' : 'filtered', errno: null, endpoint: null };
  }
  return proto === 'tcp' ? probeTcp(sim, from, dst, port, wait) : probeUdp(sim, from, dst, port, wait);
}

function probeTcp(sim: Simulator, from: Netns, dst: Ip4, port: number, wait: number): PortProbe {
  const table = tcpTable(sim);
  const restore = table.save();
  const before = new Set<TcpConn>();
  for (const l of table.conns.values()) for (const c of l) before.add(c);
  try {
    sim.sync();
    let done: { errno: string | null } | null = null;
    const r = tcpConnect(sim, from, dst, port, {
      established: () => {
        done ??= { errno: null };
      },
      error: (_s, _c, errno) => {
        done ??= { errno };
      },
    });
    if (r.kind === 'error') return { answer: 'unreachable', errno: r.errno, endpoint: null };
    sim.runUntil(sim.now + Math.round(wait * 1e6) - 1, () => done !== null);
    const result = done as { errno: string | null } | null;
    if (!result) return { answer: 'filtered', errno: null, endpoint: null };
    if (result.errno) return { answer: fromErrno(result.errno), errno: result.errno, endpoint: null };
    // the server's half of the handshake is the connection the probe added besides its own
    let endpoint: PortProbe['endpoint'] = null;
    for (const l of table.conns.values())
      for (const c of l) if (c !== r.conn && !before.has(c) && c.state === 'SYN-RECV' && typeof c.local === 'number') endpoint = { ns: c.ns, addr: c.local, port: c.lport };
    return { answer: 'open', errno: null, endpoint };
  } finally {
    restore();
  }
}

function probeUdp(sim: Simulator, from: Netns, dst: Ip4, port: number, wait: number): PortProbe {
  const table = udpTable(sim);
  const restore = table.save();
  try {
    sim.sync();
    const route = connectRoute(sim, from, 0, dst);
    if (route.kind === 'error') return { answer: 'unreachable', errno: route.errno, endpoint: null };
    let done: PortProbe | null = null;
    const sock: UdpSocket = {
      ns: from,
      local: route.src,
      port: 0,
      remote: dst,
      remotePort: port,
      onDatagram() {},
      onError(_s, errno) {
        done ??= { answer: fromErrno(errno), errno, endpoint: null };
      },
    };
    const bound = table.bind(sim, sock);
    if (bound) return { answer: 'unreachable', errno: bound, endpoint: null };
    // the datagram is taken where a socket would receive it, before its owner reads it
    sim.udpHook = (_s, ns, _dev, pkt) => {
      const u = pkt.udp!;
      const owner = table.lookup(ns, pkt.ip.src, u.srcPort, pkt.ip.dst, u.dstPort);
      if (!owner || owner === sock) return false;
      done ??= { answer: 'open', errno: null, endpoint: { ns, addr: pkt.ip.dst, port: u.dstPort } };
      return true;
    };
    const sent = udpSend(sim, sock, dst, port, null, 1);
    if (sent.kind === 'error') return { answer: 'unreachable', errno: sent.errno, endpoint: null };
    sim.runUntil(sim.now + Math.round(wait * 1e6), () => done !== null);
    return (done as PortProbe | null) ?? { answer: 'filtered', errno: null, endpoint: null };
  } finally {
    restore();
  }
}
