/**
 * TCP sockets (net/ipv4/tcp_ipv4.c, tcp_input.c, tcp_output.c, tcp_timer.c, inet_hashtables.c):
 * what services and their clients need of them — a socket table per namespace, listen with a
 * backlog, connect with the three-way handshake, a RST to a SYN nobody listens for, the SYN
 * retransmitted on the kernel's timer (initial RTO 1 s, doubled, net.ipv4.tcp_syn_retries = 6:
 * connect gives up with ETIMEDOUT after 127 s), ICMP errors ending a connect (tcp_v4_err: any
 * destination unreachable but "fragmentation needed" aborts a SYN_SENT socket), and the FIN
 * close. Segments are real packets: they cross netfilter, routing and the neighbour layer.
 * Sequence numbers start at fixed values: nothing the model answers depends on them.
 */
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import type { LabModel } from '../src/model/lab-model.js';
import type { Netns } from '../src/model/netns.js';
import { routeConnect, routeOutput } from '../src/model/route-output.js';
import { ipOutput } from './ip-output.js';
import type { NsState } from './ns-state.js';
import { describe, type IpPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { ICMP_TYPE, ICMP_UNREACH, type IcmpErrorRepr } from './wire/icmp.js';
import { DEFAULT_TTL, IP_PROTO } from './wire/ipv4.js';
import { TCP_FLAG, TCP_HEADER_LEN, type TcpRepr } from './wire/tcp.js';
import { unreachErrno } from './icmp-err-convert.js';

/** tcp_timeout_init and TCP_RTO_MAX, µs; net.ipv4.tcp_syn_retries' default. */
const RTO_INIT_US = 1_000_000;
const SYN_RETRIES = 6;
/** TCP_DELACK_MIN and TCP_ATO_MIN: a delayed ACK waits this long; data sent this soon after data arrived makes the exchange interactive (pingpong) */
const DELACK_US = 40_000;
/** TCP_TIMEWAIT_LEN */
const TIME_WAIT_US = 60_000_000;
const ISN_CLIENT = 1_000_000;
const ISN_SERVER = 2_000_000;
const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;

/** The socket states ss names. */
export type TcpState = 'LISTEN' | 'SYN-SENT' | 'SYN-RECV' | 'ESTAB' | 'FIN-WAIT-1' | 'FIN-WAIT-2' | 'CLOSE-WAIT' | 'LAST-ACK' | 'TIME-WAIT' | 'CLOSED';

/** What a socket's owner hears of it. */
export interface TcpEvents {
  /** connect() returned 0 (client) or accept() returned this connection (server) */
  established?(sim: Simulator, c: TcpConn): void;
  /** bytes arrived */
  data?(sim: Simulator, c: TcpConn, text: string, len: number): void;
  /** the peer closed its side (read returns 0) */
  peerClosed?(sim: Simulator, c: TcpConn): void;
  /** the socket failed: connect's errno (ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH …) or a reset */
  error?(sim: Simulator, c: TcpConn, errno: string): void;
}

export interface TcpListener {
  ns: Netns;
  local: Ip4;
  port: number;
  backlog: number;
  /** an IPv6 socket bound to :: (dual-stack: it takes IPv4 connections too); ss shows it as `*` */
  anyV6?: boolean;
  /** a connection completed its handshake (accept) */
  accept(sim: Simulator, c: TcpConn): TcpEvents;
}

export interface TcpConn {
  ns: Netns;
  local: Ip4;
  lport: number;
  remote: Ip4;
  rport: number;
  state: TcpState;
  snd: number;
  rcv: number;
  events: TcpEvents;
  /** the SYN retransmissions so far */
  retries: number;
  /** snd_una: the oldest byte the peer has not acknowledged (unset before the handshake ends) */
  una?: number;
  /** writes Nagle holds while data is in flight, and a FIN to go out after them */
  held?: string[];
  finHeld?: boolean;
  /** inet_csk_in_pingpong_mode: data went out soon after data came in, so ACKs wait (delayed ACK) */
  pingpong?: boolean;
  /** icsk_ack.lrcvtime: when data last arrived (virtual µs) */
  lrcv?: number;
  /** an ACK is owed and waits for the delayed-ACK timer or a segment to ride on */
  ackDue?: boolean;
}

/** Every TCP socket of a lab, by namespace. */
export class TcpTable {
  readonly listeners = new Map<Netns, TcpListener[]>();
  readonly conns = new Map<Netns, TcpConn[]>();
  private nextEphemeral = EPHEMERAL_LOW + 2345;
  private readonly hooked = new WeakSet<NsState>();

  /** inet_csk_get_port for a listener: EADDRINUSE when a listener or a connection holds the port. */
  listen(sim: Simulator, l: TcpListener): 'EADDRINUSE' | 'EADDRNOTAVAIL' | null {
    if (l.local !== 0) {
      const t = sim.state(l.ns).fib.addrType(l.local);
      if (t !== 'local') return 'EADDRNOTAVAIL';
    }
    for (const o of this.listeners.get(l.ns) ?? []) if (o.port === l.port && (o.local === 0 || l.local === 0 || o.local === l.local)) return 'EADDRINUSE';
    push(this.listeners, l.ns, l);
    return null;
  }

  unlisten(l: TcpListener): void {
    remove(this.listeners, l.ns, l);
  }

  /** __inet_lookup_listener: the most specific listener for daddr:dport. */
  listenerFor(ns: Netns, daddr: Ip4, dport: number): TcpListener | null {
    let best: TcpListener | null = null;
    for (const l of this.listeners.get(ns) ?? []) {
      if (l.port !== dport) continue;
      if (l.local === daddr) return l;
      if (l.local === 0) best = l;
    }
    return best;
  }

  /** __inet_lookup_established */
  connFor(ns: Netns, saddr: Ip4, sport: number, daddr: Ip4, dport: number): TcpConn | null {
    for (const c of this.conns.get(ns) ?? []) if (c.local === daddr && c.lport === dport && c.remote === saddr && c.rport === sport && c.state !== 'CLOSED') return c;
    return null;
  }

  add(c: TcpConn): void {
    push(this.conns, c.ns, c);
  }

  drop(c: TcpConn): void {
    c.state = 'CLOSED';
    remove(this.conns, c.ns, c);
  }

  ephemeral(ns: Netns): number {
    for (let i = 0; i <= EPHEMERAL_HIGH - EPHEMERAL_LOW; i++) {
      const p = this.nextEphemeral;
      this.nextEphemeral = p >= EPHEMERAL_HIGH ? EPHEMERAL_LOW : p + 1;
      if (!(this.conns.get(ns) ?? []).some((c) => c.lport === p) && !(this.listeners.get(ns) ?? []).some((l) => l.port === p)) return p;
    }
    return 0;
  }

  /**
   * The table as it is now, to put back after a question (reach's probes) borrowed it: the
   * connections and the next ephemeral port return to this state; listeners are not touched.
   */
  save(): () => void {
    const conns: [Netns, TcpConn[]][] = [...this.conns].map(([ns, l]) => [ns, [...l]]);
    const next = this.nextEphemeral;
    return () => {
      this.conns.clear();
      for (const [ns, l] of conns) this.conns.set(ns, l);
      this.nextEphemeral = next;
    };
  }

  /** The namespace's ICMP errors reach its TCP sockets (icmp_unreach → tcp_v4_err). */
  hook(sim: Simulator, ns: Netns): void {
    const st = sim.state(ns);
    if (this.hooked.has(st)) return;
    this.hooked.add(st);
    const errSock: IcmpSocket = {
      raw() {},
      error: (err: IcmpErrorRepr) => tcpErr(sim, this, ns, err),
    };
    st.sockets.push(errSock);
  }
}

function push<T>(m: Map<Netns, T[]>, ns: Netns, x: T): void {
  const l = m.get(ns) ?? [];
  l.push(x);
  m.set(ns, l);
}

function remove<T>(m: Map<Netns, T[]>, ns: Netns, x: T): void {
  const l = m.get(ns);
  const i = l ? l.indexOf(x) : -1;
  if (l && i >= 0) l.splice(i, 1);
}

const tables = new WeakMap<LabModel, TcpTable>();

/** The TCP sockets a lab's programs opened, if any did (read without a simulator: lint). */
export function tcpSocketsOf(lab: LabModel): TcpTable | undefined {
  return tables.get(lab);
}

/** The TCP sockets of a lab. */
export function tcpTable(sim: Simulator): TcpTable {
  let t = tables.get(sim.lab);
  if (!t) {
    t = new TcpTable();
    tables.set(sim.lab, t);
  }
  return t;
}

/** Sends one segment of `c` (tcp_transmit_skb): routed from its address to its peer. */
function send(sim: Simulator, c: TcpConn, flags: number, data = ''): void {
  const st = sim.state(c.ns);
  const res = routeOutput(st, { dst: c.remote, src: c.local, oif: null });
  if (!res.ok) return;
  const tcp: TcpRepr = { srcPort: c.lport, dstPort: c.rport, seq: c.snd, ack: flags & TCP_FLAG.ACK ? c.rcv : 0, flags, payloadLen: data.length, data: data || undefined };
  // Linux's options: MSS, SACK permitted, timestamps and window scale on a SYN (40-byte
  // header), the timestamps on every other segment (32)
  const hdr = TCP_HEADER_LEN + (flags & TCP_FLAG.SYN ? 20 : 12);
  const pkt: IpPacket = {
    ip: { src: c.local, dst: c.remote, ttl: DEFAULT_TTL, protocol: IP_PROTO.tcp, id: st.nextIpId(), tos: 0, df: true, payloadLen: hdr + data.length },
    icmp: null,
    udp: null,
    tcp,
    inner: null,
  };
  c.snd += data.length + (flags & (TCP_FLAG.SYN | TCP_FLAG.FIN) ? 1 : 0);
  if (flags & TCP_FLAG.ACK) c.ackDue = false;
  // tcp_event_data_sent: an answer within the ACK timeout makes the exchange interactive
  if (data.length && c.lrcv !== undefined && sim.now - c.lrcv < DELACK_US) c.pingpong = true;
  ipOutput(sim, st, pkt, res.rt);
}

/**
 * __tcp_ack_snd_check: at once in quick-ack mode (the start of a connection, until it turns
 * interactive), else after the delayed-ACK timer unless a segment of ours carries it first.
 */
function ackSoon(sim: Simulator, c: TcpConn): void {
  if (!c.pingpong) {
    send(sim, c, TCP_FLAG.ACK);
    return;
  }
  if (c.ackDue) return;
  c.ackDue = true;
  sim.queue.after(DELACK_US, () => {
    if (c.ackDue && c.state !== 'CLOSED' && c.state !== 'TIME-WAIT') send(sim, c, TCP_FLAG.ACK);
  });
}

/** Nagle: what was held goes out as one segment once nothing is in flight, with the FIN close() left for it. */
function pushHeld(sim: Simulator, c: TcpConn): void {
  if (!c.held?.length || (c.una !== undefined && c.una < c.snd)) return;
  const text = c.held.join('');
  c.held = [];
  const fin = c.finHeld === true;
  c.finHeld = false;
  send(sim, c, TCP_FLAG.PSH | TCP_FLAG.ACK | (fin ? TCP_FLAG.FIN : 0), text);
}

/** The connect() result: a socket in SYN-SENT, or the errno the route lookup answers at once. */
export type ConnectResult = { kind: 'connecting'; conn: TcpConn } | { kind: 'error'; errno: string };

/**
 * tcp_v4_connect: the route picks the source (ENETUNREACH, EHOSTUNREACH, EINVAL at once), an
 * ephemeral port is taken, the SYN goes out and is retransmitted until answered or given up.
 */
export function tcpConnect(sim: Simulator, ns: Netns, dst: Ip4, dport: number, events: TcpEvents, src: Ip4 = 0): ConnectResult {
  const res = routeConnect(sim.state(ns), { dst, src, oif: null });
  if (!res.ok) return { kind: 'error', errno: res.errno };
  const table = tcpTable(sim);
  table.hook(sim, ns);
  const c: TcpConn = { ns, local: res.rt.saddr, lport: table.ephemeral(ns), remote: dst, rport: dport, state: 'SYN-SENT', snd: ISN_CLIENT, rcv: 0, events, retries: 0 };
  table.add(c);
  if (sim.tracer) sim.step(ns, 'socket', `TCP connect ${ip4ToString(c.local)}:${c.lport} → ${ip4ToString(dst)}:${dport}`);
  synSend(sim, table, c);
  return { kind: 'connecting', conn: c };
}

function synSend(sim: Simulator, table: TcpTable, c: TcpConn): void {
  c.snd = ISN_CLIENT;
  send(sim, c, TCP_FLAG.SYN);
  const rto = RTO_INIT_US * 2 ** c.retries;
  sim.queue.after(rto, () => {
    if (c.state !== 'SYN-SENT') return;
    if (c.retries >= SYN_RETRIES) {
      fail(sim, table, c, 'ETIMEDOUT');
      return;
    }
    c.retries++;
    synSend(sim, table, c);
  });
}

function fail(sim: Simulator, table: TcpTable, c: TcpConn, errno: string): void {
  table.drop(c);
  c.events.error?.(sim, c, errno);
}

/** close(): the FIN goes out; the side that closes first ends in TIME-WAIT. */
export function tcpClose(sim: Simulator, c: TcpConn): void {
  const table = tcpTable(sim);
  if (c.state === 'SYN-SENT' || c.state === 'SYN-RECV' || c.state === 'CLOSED') {
    table.drop(c);
    return;
  }
  if (c.state === 'ESTAB') c.state = 'FIN-WAIT-1';
  else if (c.state === 'CLOSE-WAIT') c.state = 'LAST-ACK';
  else return;
  // tcp_send_fin: a FIN joins data still queued
  if (c.held?.length) c.finHeld = true;
  else send(sim, c, TCP_FLAG.FIN | TCP_FLAG.ACK);
}

/** send(): bytes to the peer; a small write while data is in flight waits for its ACK (Nagle). */
export function tcpWrite(sim: Simulator, c: TcpConn, text: string): void {
  if (c.state !== 'ESTAB' && c.state !== 'CLOSE-WAIT') return;
  if (c.held?.length || (c.una !== undefined && c.una < c.snd)) (c.held ??= []).push(text);
  else send(sim, c, TCP_FLAG.PSH | TCP_FLAG.ACK, text);
}

/** tcp_v4_send_reset / nf_send_reset: the answer to a segment nobody owns, or one REJECT --reject-with tcp-reset refused (never to a RST). */
export function tcpSendReset(sim: Simulator, st: NsState, pkt: IpPacket): void {
  sendReset(sim, st, pkt);
}

function sendReset(sim: Simulator, st: NsState, pkt: IpPacket): void {
  const t = pkt.tcp!;
  if (t.flags & TCP_FLAG.RST) return;
  const res = routeOutput(st, { dst: pkt.ip.src, src: pkt.ip.dst, oif: null });
  if (!res.ok) return;
  const ackd = t.flags & TCP_FLAG.ACK;
  const len = t.payloadLen + (t.flags & TCP_FLAG.SYN ? 1 : 0) + (t.flags & TCP_FLAG.FIN ? 1 : 0);
  const tcp: TcpRepr = { srcPort: t.dstPort, dstPort: t.srcPort, seq: ackd ? t.ack : 0, ack: ackd ? 0 : t.seq + len, flags: ackd ? TCP_FLAG.RST : TCP_FLAG.RST | TCP_FLAG.ACK, payloadLen: 0 };
  const rst: IpPacket = {
    ip: { src: pkt.ip.dst, dst: pkt.ip.src, ttl: DEFAULT_TTL, protocol: IP_PROTO.tcp, id: 0, tos: 0, df: true, payloadLen: TCP_HEADER_LEN },
    icmp: null,
    udp: null,
    tcp,
    inner: null,
  };
  ipOutput(sim, st, rst, res.rt);
}

/** tcp_v4_rcv: a segment delivered to this namespace. */
export function tcpRcv(sim: Simulator, st: NsState, _dev: unknown, _iif: unknown, pkt: IpPacket): void {
  const t = pkt.tcp;
  if (!t) return;
  const ns = st.ns;
  const table = tcpTable(sim);
  const c = table.connFor(ns, pkt.ip.src, t.srcPort, pkt.ip.dst, t.dstPort);
  if (c) {
    segment(sim, table, c, t);
    return;
  }
  const l = t.flags & TCP_FLAG.SYN && !(t.flags & (TCP_FLAG.ACK | TCP_FLAG.RST)) ? table.listenerFor(ns, pkt.ip.dst, t.dstPort) : null;
  if (!l) {
    sim.drop(ns, 'no-socket', `nothing listens on TCP ${ip4ToString(pkt.ip.dst)}:${t.dstPort}: answered with a RST`, pkt, null);
    sendReset(sim, st, pkt);
    return;
  }
  const queued = (table.conns.get(ns) ?? []).filter((x) => x.state === 'SYN-RECV' && x.lport === l.port).length;
  // a full accept queue drops the SYN (the client retransmits)
  if (queued > l.backlog) return;
  const child: TcpConn = { ns, local: pkt.ip.dst, lport: t.dstPort, remote: pkt.ip.src, rport: t.srcPort, state: 'SYN-RECV', snd: ISN_SERVER, rcv: t.seq + 1, events: {}, retries: 0 };
  table.add(child);
  table.hook(sim, ns);
  if (sim.tracer) sim.step(ns, 'socket', `${describe(pkt)}: SYN to the listener on ${ip4ToString(l.local)}:${l.port}`);
  send(sim, child, TCP_FLAG.SYN | TCP_FLAG.ACK);
  pendingAccept.set(child, l);
}

/** the listener each half-open connection completes into */
const pendingAccept = new WeakMap<TcpConn, TcpListener>();

/** tcp_rcv_state_process, folded to the handshake, data and the close. */
function segment(sim: Simulator, table: TcpTable, c: TcpConn, t: TcpRepr): void {
  if (t.flags & TCP_FLAG.RST) {
    fail(sim, table, c, c.state === 'SYN-SENT' ? 'ECONNREFUSED' : 'ECONNRESET');
    return;
  }
  switch (c.state) {
    case 'SYN-SENT':
      if (t.flags & TCP_FLAG.SYN && t.flags & TCP_FLAG.ACK) {
        c.rcv = t.seq + 1;
        c.una = t.ack;
        c.state = 'ESTAB';
        send(sim, c, TCP_FLAG.ACK);
        c.events.established?.(sim, c);
      }
      return;
    case 'SYN-RECV': {
      if (!(t.flags & TCP_FLAG.ACK)) return;
      c.state = 'ESTAB';
      const l = pendingAccept.get(c);
      if (l) c.events = l.accept(sim, c);
      c.events.established?.(sim, c);
      break;
    }
    default:
      break;
  }
  if (t.flags & TCP_FLAG.ACK && t.ack > (c.una ?? 0)) {
    c.una = t.ack;
    pushHeld(sim, c);
  }
  if (t.payloadLen > 0) {
    c.rcv = t.seq + t.payloadLen;
    c.lrcv = sim.now;
    // the ACK goes out as the segment arrives, before its reader runs; a FIN with it is ACKed below
    if (!(t.flags & TCP_FLAG.FIN)) ackSoon(sim, c);
    c.events.data?.(sim, c, t.data ?? '', t.payloadLen);
  }
  if (t.flags & TCP_FLAG.FIN) {
    c.rcv = t.seq + t.payloadLen + 1;
    if (c.state === 'ESTAB') {
      c.state = 'CLOSE-WAIT';
      // tcp_fin: CLOSE_WAIT enters pingpong mode, so the ACK waits for our FIN to carry it
      c.pingpong = true;
      ackSoon(sim, c);
      c.events.peerClosed?.(sim, c);
    } else if (c.state === 'FIN-WAIT-1' || c.state === 'FIN-WAIT-2') {
      send(sim, c, TCP_FLAG.ACK);
      timeWait(sim, table, c);
    }
    return;
  }
  if (t.flags & TCP_FLAG.ACK) {
    if (c.state === 'FIN-WAIT-1') c.state = 'FIN-WAIT-2';
    else if (c.state === 'LAST-ACK') table.drop(c);
  }
}

function timeWait(sim: Simulator, table: TcpTable, c: TcpConn): void {
  c.state = 'TIME-WAIT';
  sim.queue.after(TIME_WAIT_US, () => table.drop(c));
}

/** tcp_v4_err: an ICMP error about a segment a socket sent; in SYN-SENT it ends the connect. */
function tcpErr(sim: Simulator, table: TcpTable, ns: Netns, err: IcmpErrorRepr): void {
  const q = err.original;
  if (q.ip.protocol !== IP_PROTO.tcp || !q.tcp) return;
  const c = table.connFor(ns, q.ip.dst, q.tcp.dstPort, q.ip.src, q.tcp.srcPort);
  if (!c || c.state !== 'SYN-SENT') return;
  let errno: string | null = null;
  if (err.type === ICMP_TYPE.destUnreachable) {
    if (err.code === ICMP_UNREACH.fragNeeded) return;
    errno = unreachErrno(err.code);
  } else if (err.type === ICMP_TYPE.paramProblem) errno = 'EPROTO';
  else return;
  if (sim.tracer) sim.step(ns, 'socket', `TCP connect to ${ip4ToString(c.remote)}:${c.rport} fails: ${errno}`);
  fail(sim, table, c, errno);
}
