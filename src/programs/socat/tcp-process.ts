/**
 * socat between a TCP socket and a byte stream (socat 1.7.4: xio-tcp.c, xio-listen.c,
 * xio-socket.c's connect and listen, socat.c's transfer loop and closing phase), on the
 * simulator's TCP (sim/tcp.ts) — the connection model nc and curl use.
 *
 * Opening, in command-line order: `/dev/null` takes the first free descriptor (5: 0-2 are
 * stdio, 3-4 socat's own), STDIO none; a TCP-LISTEN address binds (`bind=`: the address must
 * be local; the port free) and listens with a backlog of 5, and socat blocks in accept() — the
 * next address is opened once a connection came; without `fork` the listening socket is closed
 * then, with `fork` a child takes each connection and the parent goes on listening. A TCP
 * address connects (the route, then the handshake: refused, unreachable, timed out).
 *
 * Transfer: reading `/dev/null` ends at once, STDIO gives the command's input and then ends;
 * that end is passed on as shutdown(SHUT_WR) (a FIN). socat then waits for the other direction
 * to end too — the peer's FIN — for at most its closing timeout (`-t`, 0.5 s), and exits 0.
 * With `-u` (first to second) or `-U` (second to first) only one direction is read, and socat
 * exits as soon as it ends. Messages are socat's own, `socat[PID] E …` with the wall clock.
 */
import type { Netns } from '../../model/netns.js';
import { processTable, type SimProcess } from '../../../sim/processes.js';
import type { Simulator } from '../../../sim/simulator.js';
import { tcpClose, tcpConnect, tcpRelease, tcpTable, tcpWrite, type TcpConn, type TcpEvents, type TcpListener } from '../../../sim/tcp.js';
import { isLocalAddr, type InetAddr } from '../../../sim/tcp-out.js';
import { STRERROR } from '../../../sim/udp.js';
import { parseSocatAddress, type SocatDirection, type SocatStream, type SocatTcp } from './address.js';
import { FAKE_BUFFER, FIRST_FD, logLine, sockaddr } from './log.js';

/** socat's closing timeout (-t): how long it waits for the other direction's end after one ended. */
const CLOSE_TIMEOUT_US = 500_000;
/** socat's transfer buffer (-b) */
const BUFSIZE = 8192;
const STRERR: Record<string, string> = { ...STRERROR, ETIMEDOUT: 'Connection timed out', ECONNRESET: 'Connection reset by peer' };

/** A socat whose addresses are a TCP socket and a stream (/dev/null or STDIO). */
export class SocatTcpProcess implements SimProcess {
  readonly pid: number;
  alive = true;
  exit: number | null = null;
  stderr = '';
  stdout = '';
  why = '';
  reported = false;

  private fd = FIRST_FD;
  /** whether the stream is the first address (which way `-u` and `-U` send) */
  private readonly streamFirst: boolean;
  private listener: TcpListener | null = null;
  private conns = new Set<TcpConn>();
  /** connections with data socat did not read (one direction only): closing them resets them */
  private unread = new Set<TcpConn>();

  constructor(
    readonly home: Simulator,
    readonly ns: Netns,
    readonly host: string,
    readonly line: number,
    readonly command: string,
    private readonly addresses: [string, string],
    private readonly direction: SocatDirection,
    /** what STDIO reads: the command's input (nothing in the background) */
    private readonly stdin: string,
  ) {
    this.pid = processTable(home).nextPid();
    const first = parseSocatAddress(addresses[0]);
    this.streamFirst = first.kind === 'ok' && (first.address.kind === 'null' || first.address.kind === 'stdio');
  }

  holds(): boolean {
    return false;
  }

  fromDevice(): void {}

  tick(): void {}

  /** Opens the addresses in order; returns once socat blocks (accept, connect) or has exited. */
  start(sim: Simulator): void {
    processTable(sim).add(this);
    this.openFrom(sim, 0, null, null);
  }

  /**
   * Opens address `i` and those after it. `stream` is the stream address opened so far,
   * `conn` the TCP connection once there is one.
   */
  private openFrom(sim: Simulator, i: number, stream: SocatStream | null, conn: TcpConn | null): void {
    for (; i < 2; i++) {
      const parsed = parseSocatAddress(this.addresses[i]);
      if (parsed.kind === 'error') {
        this.die(sim, parsed.message, `socat rejects its ${i ? 'second' : 'first'} address ${this.addresses[i]}`);
        return;
      }
      if (parsed.kind === 'unsupported') {
        this.die(sim, parsed.why, 'not modelled');
        return;
      }
      const a = parsed.address;
      if (a.kind === 'null' || a.kind === 'stdio') {
        if (a.kind === 'null') this.fd++;
        stream = a;
        continue;
      }
      if (a.kind !== 'tcp') {
        this.die(sim, `socat address ${a.keyword}`, 'not modelled');
        return;
      }
      if (a.mode === 'listen') {
        this.listen(sim, a, i, stream);
        return;
      }
      this.connect(sim, a, i, stream);
      return;
    }
    if (conn && stream) this.transfer(sim, conn, stream, false);
  }

  private listen(sim: Simulator, a: SocatTcp, i: number, stream: SocatStream | null): void {
    const fd = this.fd++;
    const local: InetAddr = a.bind ?? (a.v6 ? 0n : 0);
    const l: TcpListener = {
      ns: this.ns,
      local,
      port: a.port,
      backlog: a.backlog,
      v6only: a.v6only,
      accept: (s, c) => this.accepted(s, c, a, i, stream),
    };
    const err = tcpTable(sim).listen(sim, l);
    if (err) {
      const sa = sockaddr(local, a.port);
      this.die(sim, `bind(${fd}, {${sa.text}}, ${sa.len}): ${STRERR[err] ?? err}`, `${sa.text} cannot be bound in ${this.ns.path}: ${err}`);
      return;
    }
    this.listener = l;
  }

  /** accept() returned: the connection is served (by a child with `fork`). */
  private accepted(sim: Simulator, c: TcpConn, a: SocatTcp, i: number, stream: SocatStream | null): TcpEvents {
    // a fork of the simulator (explain) watches: the process is left as it is
    if (sim !== this.home || !this.alive) return {};
    if (!a.fork && this.listener) {
      tcpTable(sim).unlisten(this.listener);
      this.listener = null;
    }
    this.fd++;
    if (i === 0) {
      // the second address is opened only now: a stream, so nothing can block here
      const next = parseSocatAddress(this.addresses[1]);
      if (next.kind !== 'ok') {
        this.die(sim, next.kind === 'error' ? next.message : next.why, `socat rejects its second address ${this.addresses[1]}`);
        tcpClose(sim, c);
        return {};
      }
      if (next.address.kind !== 'null' && next.address.kind !== 'stdio') {
        this.die(sim, `socat address ${next.address.keyword}`, 'not modelled');
        return {};
      }
      stream = next.address;
    }
    return this.transfer(sim, c, stream!, a.fork);
  }

  private connect(sim: Simulator, a: SocatTcp, i: number, stream: SocatStream | null): void {
    const fd = this.fd++;
    const peer = sockaddr(a.peer!, a.port);
    if (a.bind !== null && !isLocalAddr(sim, sim.state(this.ns), a.bind)) {
      const sa = sockaddr(a.bind, 0);
      this.die(sim, `bind(${fd}, {${sa.text}}, ${sa.len}): ${STRERR.EADDRNOTAVAIL}`, `${sa.text} is not an address of ${this.ns.path}`);
      return;
    }
    sim.sync();
    let conn: TcpConn | null = null;
    const events: TcpEvents = {
      established: (s, c) => {
        if (s !== this.home) return;
        conn = c;
        this.conns.add(c);
        if (i === 0) this.openFrom(s, 1, stream, c);
        else this.transfer(s, c, stream!, false);
      },
      error: (s, _c, errno) => {
        if (s !== this.home) return;
        if (conn) return;
        this.die(s, `connect(${fd}, ${peer.text}, ${peer.len}): ${STRERR[errno] ?? errno}`, `the connection to ${peer.text} failed: ${errno}`);
      },
    };
    const r = tcpConnect(sim, this.ns, a.peer!, a.port, events, a.bind ?? (a.v6 ? 0n : 0));
    if (r.kind === 'error') this.die(sim, `connect(${fd}, ${peer.text}, ${peer.len}): ${STRERR[r.errno] ?? r.errno}`, `no route from ${this.ns.path} to ${peer.text}`);
  }

  /**
   * The transfer loop of one connection: the stream's end goes to the socket as a FIN; the
   * peer's data goes to the stream; the connection is done once both directions ended, or the
   * closing timeout passed after the first. `child`: a connection a `fork` listener took.
   */
  private transfer(sim: Simulator, c: TcpConn, stream: SocatStream, child: boolean): TcpEvents {
    this.conns.add(c);
    const events: TcpEvents = {};
    const dir = this.direction;
    const streamFirst = this.streamFirst;
    const toSocket = dir === 'both' || (dir === 'forward') === streamFirst;
    const fromSocket = dir === 'both' || (dir === 'forward') !== streamFirst;
    let finished = false;
    let eof = false;
    const done = (s: Simulator) => {
      if (finished) return;
      finished = true;
      this.conns.delete(c);
      tcpRelease(s, c, this.unread.delete(c));
      if (!child) this.end(s, 0, 'both directions of its connection ended');
    };
    events.data = (s, _c, text) => {
      if (s !== this.home) return;
      if (!fromSocket) this.unread.add(c);
      else if (stream.kind === 'stdio') this.stdout += text;
    };
    events.peerClosed = (s) => {
      if (s !== this.home) return;
      eof = true;
      if (fromSocket) done(s);
    };
    events.error = (s, _c, errno) => {
      if (s !== this.home || finished) return;
      // a reset after the peer's end was read: socat is closing, nothing more to read
      if (eof || !fromSocket) {
        done(s);
        return;
      }
      finished = true;
      this.conns.delete(c);
      this.die(s, `read(${this.fd - 1}, ${FAKE_BUFFER}, ${BUFSIZE}): ${STRERR[errno] ?? errno}`, `the connection was reset (${errno})`);
    };
    c.events = events;
    if (toSocket) {
      const input = stream.kind === 'stdio' ? this.stdin : '';
      if (input) tcpWrite(sim, c, input);
      // the stream's end: shutdown(SHUT_WR)
      tcpClose(sim, c);
      if (!fromSocket) done(sim);
      else sim.queue.after(CLOSE_TIMEOUT_US, () => done(sim));
    }
    return events;
  }

  /** socat's exit after an error: status 1, its sockets closed. */
  private die(sim: Simulator, message: string, why: string): void {
    if (!this.alive) return;
    this.stderr += logLine(sim, this.pid, message);
    this.end(sim, 1, why);
  }

  private end(sim: Simulator, exit: number, why: string): void {
    if (!this.alive) return;
    if (this.listener) tcpTable(sim).unlisten(this.listener);
    this.listener = null;
    for (const c of this.conns) tcpRelease(sim, c, this.unread.delete(c));
    this.conns.clear();
    this.alive = false;
    this.exit = exit;
    this.why = why;
  }

  /** SIGTERM (a foreground socat ended by nettwin): no message, status 143. */
  terminate(sim: Simulator): void {
    if (!this.alive) return;
    this.end(sim, 143, 'terminated');
  }

  /**
   * A signal from `kill`: socat's handler logs at notice level (not printed at its default -d
   * level) and exits with 128 + the signal, as KILL's default action does; its sockets close.
   */
  signal(sim: Simulator, signo: number): boolean {
    this.end(sim, 128 + signo, `ended by signal ${signo} (kill)`);
    return true;
  }
}
