/**
 * TCP sockets (net/ipv4/tcp_ipv4.c, net/ipv6/tcp_ipv6.c, tcp_input.c, tcp_output.c, tcp_timer.c):
 * what services and their clients need of them — a socket table per namespace (tcp-table.ts), listen with a
 * backlog, connect with the three-way handshake, a RST to a SYN nobody listens for, the SYN
 * retransmitted on the kernel's timer (initial RTO 1 s, doubled — after the first four retransmissions on a kernel with net.ipv4.tcp_syn_linear_timeouts — net.ipv4.tcp_syn_retries = 6:
 * connect gives up with ETIMEDOUT after 127 s, or 131 s with the linear ones), ICMP errors ending a connect (tcp_v4_err: any
 * destination unreachable but "fragmentation needed" aborts a SYN_SENT socket; tcp_v6_err: any
 * ICMPv6 error but "packet too big"), and the FIN
 * close. Segments are real packets: they cross netfilter, routing and the neighbour layer.
 * One code for both families (tcp-out.ts holds what differs): an IPv6 listener bound to `::`
 * takes IPv4 connections too (IPV6_V6ONLY off, the default).
 * Sequence numbers start at fixed values: nothing the model answers depends on them.
 */
import type { Netns } from '../src/model/netns.js';
import type { NsState } from './ns-state.js';
import { describe, describe6, isIp6Packet, type AnyPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { ICMP_TYPE, ICMP_UNREACH, type IcmpErrorRepr } from './wire/icmp.js';
import { IP_PROTO } from './wire/ipv4.js';
import { TCP_FLAG, TCP_HEADER_LEN, type TcpRepr } from './wire/tcp.js';
import { icmpv6ErrConvert, unreachErrno } from './icmp-err-convert.js';
import { state6 } from './ipv6/state6.js';
import type { Icmp6ErrorRepr } from './wire/icmpv6.js';
import { connectRoute, inetToString, isV6, segAddrs, tcpXmit, type InetAddr } from './tcp-out.js';
import { tcpTable, type TcpConn, type TcpEvents, type TcpListener, type TcpTable } from './tcp-table.js';

export type { InetAddr } from './tcp-out.js';
export { tcpSocketsOf, tcpTable, TcpTable, type TcpConn, type TcpEvents, type TcpListener, type TcpState } from './tcp-table.js';

/** tcp_timeout_init and TCP_RTO_MAX, µs; net.ipv4.tcp_syn_retries' default. */
const RTO_INIT_US = 1_000_000;
const SYN_RETRIES = 6;
/** TCP_DELACK_MIN and TCP_ATO_MIN: a delayed ACK waits this long; data sent this soon after data arrived makes the exchange interactive (pingpong) */
const DELACK_US = 40_000;
/** TCP_TIMEWAIT_LEN */
const TIME_WAIT_US = 60_000_000;
const ISN_CLIENT = 1_000_000;
/**
 * How long the packets a connect() sends keep running inside the call (the kernel runs a veth
 * chain in the sender's softirq): the simulator's hops take microseconds, the first timer that
 * could break the run (a retransmission, a neighbour probe) a second.
 */
const CONNECT_RUN_US = 10_000;
const ISN_SERVER = 2_000_000;

/** the namespaces whose ICMP errors reach TCP, per runtime state */
const hooked = new WeakSet<NsState>();

/** The namespace's ICMP and ICMPv6 errors reach its TCP sockets (icmp_unreach → tcp_v4_err, icmpv6_notify → tcp_v6_err). */
function hookErrors(sim: Simulator, table: TcpTable, ns: Netns): void {
  const st = sim.state(ns);
  if (hooked.has(st)) return;
  hooked.add(st);
  const errSock: IcmpSocket = {
    raw() {},
    error: (err: IcmpErrorRepr) => tcpErr(sim, table, ns, err),
  };
  st.sockets.push(errSock);
  state6(st).sockets.push({ raw() {}, error: (err: Icmp6ErrorRepr) => tcpErr6(sim, table, ns, err) });
}

/** Sends one segment of `c` (tcp_transmit_skb): routed from its address to its peer. */
function send(sim: Simulator, c: TcpConn, flags: number, data = ''): void {
  const st = sim.state(c.ns);
  const tcp: TcpRepr = { srcPort: c.lport, dstPort: c.rport, seq: c.snd, ack: flags & TCP_FLAG.ACK ? c.rcv : 0, flags, payloadLen: data.length, data: data || undefined };
  // Linux's options: MSS, SACK permitted, timestamps and window scale on a SYN (40-byte
  // header), the timestamps on every other segment (32)
  const hdr = TCP_HEADER_LEN + (flags & TCP_FLAG.SYN ? 20 : 12);
  const id = isV6(c.remote) ? 0 : st.nextIpId();
  c.snd += data.length + (flags & (TCP_FLAG.SYN | TCP_FLAG.FIN) ? 1 : 0);
  if (flags & TCP_FLAG.ACK) c.ackDue = false;
  // tcp_event_data_sent: an answer within the ACK timeout makes the exchange interactive
  if (data.length && c.lrcv !== undefined && sim.now - c.lrcv < DELACK_US) c.pingpong = true;
  tcpXmit(sim, st, c.local, c.remote, tcp, hdr, id);
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
 * tcp_v4_connect / tcp_v6_connect: the route picks the source (ENETUNREACH, EHOSTUNREACH,
 * EINVAL at once), an ephemeral port is taken, the SYN goes out and is retransmitted until
 * answered or given up. `dst`'s family is the socket's.
 */
export function tcpConnect(sim: Simulator, ns: Netns, dst: InetAddr, dport: number, events: TcpEvents, src: InetAddr = 0): ConnectResult {
  const res = connectRoute(sim, sim.state(ns), dst, src);
  if (!res.ok) return { kind: 'error', errno: res.errno };
  const table = tcpTable(sim);
  hookErrors(sim, table, ns);
  const c: TcpConn = { ns, local: res.saddr, lport: table.ephemeral(ns), remote: dst, rport: dport, state: 'SYN-SENT', snd: ISN_CLIENT, rcv: 0, events, retries: 0, connectAt: sim.now };
  table.add(c);
  if (sim.tracer) sim.step(ns, 'socket', `TCP connect ${inetToString(c.local)}:${c.lport} → ${inetToString(dst)}:${dport}`);
  synSend(sim, table, c);
  return { kind: 'connecting', conn: c };
}

/**
 * The timeout after the SYN of retransmission `n` (0: the first SYN): 1 s, doubled after each
 * retransmission — except the first `linear` ones (net.ipv4.tcp_syn_linear_timeouts, 6.12+),
 * after which it stays 1 s.
 */
function synRto(n: number, linear: number): number {
  return RTO_INIT_US * 2 ** Math.max(0, n - linear);
}

function synSend(sim: Simulator, table: TcpTable, c: TcpConn): void {
  c.snd = ISN_CLIENT;
  send(sim, c, TCP_FLAG.SYN);
  const linear = sim.lab.kernel.synLinearTimeouts ?? 0;
  const rto = synRto(c.retries, linear);
  sim.queue.after(rto, () => {
    if (c.state !== 'SYN-SENT') return;
    // tcp_syn_retries (6) counts the doubling ones: the linear ones come on top
    if (c.retries >= SYN_RETRIES + linear) {
      // tcp_write_err: a soft error the socket kept is what connect() reports
      fail(sim, table, c, c.softErr ?? 'ETIMEDOUT');
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

/**
 * close() as tcp_close does it, where shutdown(SHUT_WR) is tcpClose: data the owner left unread
 * resets the connection (tcp_send_active_reset: RST|ACK, the socket gone); otherwise the FIN
 * goes out if it has not, and the socket, now an orphan, answers data that still comes with a
 * RST (tcp_rcv_state_process's TCPAbortOnData).
 */
export function tcpRelease(sim: Simulator, c: TcpConn, unread: boolean): void {
  if (unread && (c.state === 'ESTAB' || c.state === 'CLOSE-WAIT' || c.state === 'FIN-WAIT-1' || c.state === 'FIN-WAIT-2')) {
    send(sim, c, TCP_FLAG.RST | TCP_FLAG.ACK);
    tcpTable(sim).drop(c);
    return;
  }
  c.orphan = true;
  tcpClose(sim, c);
}

/** send(): bytes to the peer; a small write while data is in flight waits for its ACK (Nagle). */
export function tcpWrite(sim: Simulator, c: TcpConn, text: string): void {
  if (c.state !== 'ESTAB' && c.state !== 'CLOSE-WAIT') return;
  if (c.held?.length || (c.una !== undefined && c.una < c.snd)) (c.held ??= []).push(text);
  else send(sim, c, TCP_FLAG.PSH | TCP_FLAG.ACK, text);
}

/** tcp_v4_send_reset / nf_send_reset: the answer to a segment nobody owns, or one REJECT --reject-with tcp-reset refused (never to a RST). */
export function tcpSendReset(sim: Simulator, st: NsState, pkt: AnyPacket): void {
  sendReset(sim, st, pkt);
}

/** tcp_v4_send_reset / tcp_v6_send_reset: from the segment's destination back to its source. */
function sendReset(sim: Simulator, st: NsState, pkt: AnyPacket): void {
  const { src, dst, tcp: t } = segAddrs(pkt);
  if (!t || t.flags & TCP_FLAG.RST) return;
  const ackd = t.flags & TCP_FLAG.ACK;
  const len = t.payloadLen + (t.flags & TCP_FLAG.SYN ? 1 : 0) + (t.flags & TCP_FLAG.FIN ? 1 : 0);
  const tcp: TcpRepr = { srcPort: t.dstPort, dstPort: t.srcPort, seq: ackd ? t.ack : 0, ack: ackd ? 0 : t.seq + len, flags: ackd ? TCP_FLAG.RST : TCP_FLAG.RST | TCP_FLAG.ACK, payloadLen: 0 };
  // nf_send_reset routes with FLOWI_FLAG_ANYSRC: a forwarded segment's destination is not this host's
  tcpXmit(sim, st, dst, src, tcp, TCP_HEADER_LEN, 0, true);
}

/** tcp_v4_rcv / tcp_v6_rcv: a segment delivered to this namespace. */
export function tcpRcv(sim: Simulator, st: NsState, _dev: unknown, _iif: unknown, pkt: AnyPacket): void {
  const { src, dst, tcp: t } = segAddrs(pkt);
  if (!t) return;
  const ns = st.ns;
  const table = tcpTable(sim);
  const c = table.connFor(ns, src, t.srcPort, dst, t.dstPort);
  if (c?.orphan && t.payloadLen > 0 && (c.state === 'FIN-WAIT-1' || c.state === 'FIN-WAIT-2') && !(t.flags & TCP_FLAG.RST)) {
    // nobody will read it: the connection is reset (tcp_reset, then tcp_v4_send_reset's answer)
    if (sim.tracer) sim.step(ns, 'socket', `TCP ${inetToString(dst)}:${t.dstPort}: data for a closed socket: answered with a RST`);
    table.drop(c);
    sendReset(sim, st, pkt);
    return;
  }
  if (c) {
    segment(sim, table, c, t);
    return;
  }
  const l = t.flags & TCP_FLAG.SYN && !(t.flags & (TCP_FLAG.ACK | TCP_FLAG.RST)) ? table.listenerFor(ns, dst, t.dstPort) : null;
  if (!l) {
    const why = `nothing listens on TCP ${inetToString(dst)}:${t.dstPort}: answered with a RST`;
    if (isIp6Packet(pkt)) {
      if (sim.tracer) sim.stepDrop(ns, 'no-socket', `${describe6(pkt)}: ${why}`);
    } else sim.drop(ns, 'no-socket', why, pkt, null);
    sendReset(sim, st, pkt);
    return;
  }
  const queued = (table.conns.get(ns) ?? []).filter((x) => x.state === 'SYN-RECV' && x.lport === l.port).length;
  // a full accept queue drops the SYN (the client retransmits)
  if (queued > l.backlog) return;
  const child: TcpConn = {
    ns,
    local: dst,
    lport: t.dstPort,
    remote: src,
    rport: t.srcPort,
    state: 'SYN-RECV',
    snd: ISN_SERVER,
    rcv: t.seq + 1,
    events: {},
    retries: 0,
    mapped: isV6(l.local) && !isV6(dst),
  };
  table.add(child);
  hookErrors(sim, table, ns);
  if (sim.tracer) sim.step(ns, 'socket', `${isIp6Packet(pkt) ? describe6(pkt) : describe(pkt)}: SYN to the listener on ${inetToString(l.local)}:${l.port}`);
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
      // a socket that only shut down its sending side still reads the end (read returns 0)
      if (!c.orphan) c.events.peerClosed?.(sim, c);
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
  let errno: string | null = null;
  if (err.type === ICMP_TYPE.destUnreachable) {
    if (err.code === ICMP_UNREACH.fragNeeded) return;
    errno = unreachErrno(err.code);
  } else if (err.type === ICMP_TYPE.paramProblem) errno = 'EPROTO';
  else return;
  abortConnect(sim, table, ns, q.ip.src, q.ip.dst, q.tcp, errno);
}

/** tcp_v6_err: the same for an ICMPv6 error (icmpv6_err_convert's errno; packet too big is not one). */
function tcpErr6(sim: Simulator, table: TcpTable, ns: Netns, err: Icmp6ErrorRepr): void {
  const q = err.original;
  const errno = icmpv6ErrConvert(err.type, err.code);
  if (!q.tcp || errno === null) return;
  abortConnect(sim, table, ns, q.ip6.src, q.ip6.dst, q.tcp, errno);
}

/** A SYN-SENT socket whose segment `src → dst` the error quotes fails with `errno`. */
function abortConnect(sim: Simulator, table: TcpTable, ns: Netns, src: InetAddr, dst: InetAddr, t: TcpRepr, errno: string): void {
  const c = table.connFor(ns, dst, t.dstPort, src, t.srcPort);
  if (!c || c.state !== 'SYN-SENT') return;
  // measured (6.18, veth): an ICMPv6 error about the first SYN that comes back in the connect
  // call's own run of packets finds the socket owned by connect() — only sk_err_soft is set,
  // and the retransmitted SYN's error ends it a second later; IPv4's ends it at once
  if (isV6(dst) && c.retries === 0 && c.connectAt !== undefined && sim.now - c.connectAt < CONNECT_RUN_US) {
    c.softErr = errno;
    if (sim.tracer) sim.step(ns, 'socket', `TCP connect to ${inetToString(c.remote)}:${c.rport}: ${errno} while connect() owns the socket (kept as its soft error)`);
    return;
  }
  if (sim.tracer) sim.step(ns, 'socket', `TCP connect to ${inetToString(c.remote)}:${c.rport} fails: ${errno}`);
  fail(sim, table, c, errno);
}
