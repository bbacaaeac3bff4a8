/**
 * TCP's socket table (inet_hashtables.c): the listeners and connections of every namespace of
 * a lab, the lookups a segment is delivered by, bind conflicts and ephemeral ports. The
 * protocol itself is tcp.ts.
 */
import type { LabModel } from '../src/model/lab-model.js';
import type { Netns } from '../src/model/netns.js';
import type { Simulator } from './simulator.js';
import { isLocalAddr, isV6, type InetAddr } from './tcp-out.js';

/** net.ipv4.ip_local_port_range (IPv6 sockets take theirs from it too) */
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
  /** the bound address: a number for an IPv4 socket, a bigint for an IPv6 one (`0n`, `::`, takes IPv4 too; ss shows it as `*`) */
  local: InetAddr;
  port: number;
  backlog: number;
  /** IPV6_V6ONLY on an IPv6 socket: `::` takes no IPv4 connection and leaves IPv4 ports free */
  v6only?: boolean;
  /** a connection completed its handshake (accept) */
  accept(sim: Simulator, c: TcpConn): TcpEvents;
}

export interface TcpConn {
  ns: Netns;
  local: InetAddr;
  lport: number;
  remote: InetAddr;
  rport: number;
  state: TcpState;
  snd: number;
  rcv: number;
  events: TcpEvents;
  /** an IPv6 socket's connection with an IPv4 peer (accepted by a listener on `::`): its addresses are IPv4-mapped */
  mapped?: boolean;
  /** when connect() was called (virtual µs; a client's socket) */
  connectAt?: number;
  /** sk_err_soft: an error kept while connect() owned the socket */
  softErr?: string;
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
  /** close()d by its owner (tcpRelease): nobody reads what still comes */
  orphan?: boolean;
  /** an ACK is owed and waits for the delayed-ACK timer or a segment to ride on */
  ackDue?: boolean;
}

/** Every TCP socket of a lab, by namespace. */
export class TcpTable {
  readonly listeners = new Map<Netns, TcpListener[]>();
  readonly conns = new Map<Netns, TcpConn[]>();
  private nextEphemeral = EPHEMERAL_LOW + 2345;

  /** inet_csk_get_port for a listener: EADDRINUSE when a listener or a connection holds the port. */
  listen(sim: Simulator, l: TcpListener): 'EADDRINUSE' | 'EADDRNOTAVAIL' | null {
    if (!isLocalAddr(sim, sim.state(l.ns), l.local)) return 'EADDRNOTAVAIL';
    for (const o of this.listeners.get(l.ns) ?? []) if (o.port === l.port && bindConflict(o, l)) return 'EADDRINUSE';
    push(this.listeners, l.ns, l);
    return null;
  }

  unlisten(l: TcpListener): void {
    remove(this.listeners, l.ns, l);
  }

  /**
   * __inet_lookup_listener / inet6_lookup_listener: the most specific listener for daddr:dport
   * (compute_score: a bound address first, then an IPv4 wildcard, then the dual-stack `::`).
   */
  listenerFor(ns: Netns, daddr: InetAddr, dport: number): TcpListener | null {
    let best: TcpListener | null = null;
    for (const l of this.listeners.get(ns) ?? []) {
      if (l.port !== dport) continue;
      if (l.local === daddr) return l;
      if (l.local === 0 && !isV6(daddr)) best = l;
      else if (l.local === 0n && !best && !(l.v6only && !isV6(daddr))) best = l;
    }
    return best;
  }

  /** __inet_lookup_established */
  connFor(ns: Netns, saddr: InetAddr, sport: number, daddr: InetAddr, dport: number): TcpConn | null {
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
}

/**
 * inet_csk_bind_conflict between two listeners on one port: the same address, or a wildcard
 * covering the other (`::` covers every IPv4 address too; 0.0.0.0 no IPv6 one).
 */
function bindConflict(x: TcpListener, y: TcpListener): boolean {
  const a = x.local;
  const b = y.local;
  if (a === b) return true;
  // a v6only `::` covers only IPv6 addresses
  if (a === 0n) return !x.v6only || isV6(b);
  if (b === 0n) return !y.v6only || isV6(a);
  return (a === 0 && !isV6(b)) || (b === 0 && !isV6(a));
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
