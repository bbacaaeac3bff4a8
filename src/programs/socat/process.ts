/**
 * socat as a process (socat 1.7.4: xioopen.c opens the addresses in order, xio-udp.c,
 * xio-tun.c, socat.c's transfer loop), relaying between a tun device and a UDP socket.
 *
 * Opening, in command-line order: a UDP address makes a socket (fd 5 for the first address),
 * binds it (`bind=`, `sourceport=`: the address must be local, the port free) and connects it
 * to the peer (the route must exist) — or, for UDP-LISTEN, binds and waits for the first
 * datagram, then connects to its sender; a TUN address opens /dev/net/tun (TUNSETIFF: a new
 * device, not persistent, or an existing persistent one nobody holds), then sets the address
 * (only then is its text checked, so a bad one leaves a consumed ifindex behind), then the flags
 * (`iff-up`). The tun is POINTOPOINT, NOARP, DOWN unless `iff-up`, and has carrier while socat
 * holds it. The second address is parsed only after the first is open.
 *
 * Relaying: a packet the kernel sends out of the tun becomes one UDP datagram to the peer; a
 * datagram from the peer is written into the tun — while the tun is down socat cannot write
 * and keeps it (and what queues behind it in the socket) until the tun comes up. A connected
 * socket that gets a hard ICMP error (port unreachable: nobody listens at the peer) makes
 * socat's next read fail: it says so and exits 1, and its tun — with every route through it —
 * is gone. Messages are socat's own, prefixed by the time and `socat[PID]` as socat logs them.
 */
import { apply } from '../../ops/apply.js';
import * as build from '../../ops/build.js';
import { OpError } from '../../ops/errors.js';
import { createLink, deleteLink, linkUp } from '../../model/device.js';
import { ip4ToString, parseIp4, type Ip4 } from '../../model/ip.js';
import { addrconfPending, addrconfSync } from '../../model/ipv6/addrconf.js';
import type { Link } from '../../model/link.js';
import type { Netns } from '../../model/netns.js';
import { parseSocatAddress, type SocatAddress, type SocatTun, type SocatUdp } from './address.js';
import type { AnyPacket, Frame } from '../../../sim/packet.js';
import { processTable, type SimProcess } from '../../../sim/processes.js';
import type { Simulator } from '../../../sim/simulator.js';
import { cloneFrame, l3Length } from '../../../sim/tunnel-frame.js';
import { connectRoute, STRERROR, udpAddrs, udpSend, udpTable, type UdpSocket } from '../../../sim/udp.js';
import { inetToString, isV6, type InetAddr } from '../../../sim/tcp-out.js';
import { FAKE_BUFFER, FIRST_FD, logLine, sockaddr } from './log.js';

/** socat's transfer buffer (-b, 8192): the size its read() asks for */
const BUFSIZE = 8192;
/** datagrams a UDP socket's receive buffer holds while socat cannot write into a down tun */
const MAX_PENDING = 256;

/** How a start went: still running (`ready`), or exited with its status. */
export type SocatStart = { kind: 'running' } | { kind: 'exited'; exit: number };

/** A running (or ended) socat. */
export class SocatProcess implements SimProcess {
  readonly pid: number;
  alive = true;
  exit: number | null = null;
  stderr = '';
  why = '';
  reported = false;

  private fd = FIRST_FD;
  private sock: UdpSocket | null = null;
  private sockFd = 0;
  private udp: SocatUdp | null = null;
  private tun: Link | null = null;
  private tunSpec: SocatTun | null = null;
  /** datagrams waiting for the tun: not open yet (UDP-LISTEN) or down */
  private pending: Frame[] = [];
  /** the address still to open once the first datagram has come (UDP-LISTEN first) */
  private afterListen: string | null = null;

  constructor(
    readonly home: Simulator,
    readonly ns: Netns,
    readonly host: string,
    readonly line: number,
    readonly command: string,
    private readonly addresses: [string, string],
  ) {
    this.pid = processTable(home).nextPid();
  }

  holds(dev: Link): boolean {
    return this.tun === dev;
  }

  /**
   * Opens the addresses in order; returns once socat is in its transfer loop (or waiting for a
   * first datagram), or has exited.
   */
  start(sim: Simulator): SocatStart {
    processTable(sim).add(this);
    for (let i = 0; i < 2; i++) {
      const parsed = parseSocatAddress(this.addresses[i]);
      if (parsed.kind === 'error') return this.fail(sim, parsed.message, `socat rejects its ${i ? 'second' : 'first'} address ${this.addresses[i]}`);
      // the caller checked both addresses are modelled before starting
      if (parsed.kind === 'unsupported') return this.fail(sim, parsed.why, 'not modelled');
      const err = this.open(sim, parsed.address);
      if (err) return err;
      if (this.udp?.mode === 'listen' && this.sock && this.sock.remote === null && i === 0) {
        // recvfrom blocks: the second address is opened when the first datagram comes
        this.afterListen = this.addresses[1];
        return { kind: 'running' };
      }
    }
    return { kind: 'running' };
  }

  /** socat refused its command line before opening anything. */
  startWithError(sim: Simulator, message: string): SocatStart {
    processTable(sim).add(this);
    return this.fail(sim, message, 'socat rejects its command line');
  }

  private open(sim: Simulator, a: SocatAddress): SocatStart | null {
    if (a.kind === 'udp') return this.openUdp(sim, a);
    if (a.kind === 'tun') return this.openTun(sim, a);
    // socatUnsupported pairs TCP and streams only with each other (tcp-process.ts)
    return this.fail(sim, `socat address ${a.keyword}`, 'not modelled');
  }

  private openUdp(sim: Simulator, a: SocatUdp): SocatStart | null {
    const fd = this.fd++;
    this.sockFd = fd;
    this.udp = a;
    const sock: UdpSocket = {
      ns: this.ns,
      local: a.bind ?? (a.v6 ? 0n : 0),
      port: a.mode === 'listen' ? a.port : (a.bindPort ?? 0),
      remote: null,
      remotePort: 0,
      onDatagram: (s, pkt) => this.fromSocket(s, pkt),
      onDatagram6: (s, pkt) => this.fromSocket(s, pkt),
      onError: (s, errno, from) => this.socketError(s, errno, from),
    };
    const table = udpTable(sim);
    const explicit = a.bind !== null || a.bindPort !== null || a.mode === 'listen';
    if (explicit) {
      const e = table.bind(sim, sock);
      const sa = sockaddr(sock.local, sock.port);
      if (e) return this.fail(sim, `bind(${fd}, {${sa.text}}, ${sa.len}): ${STRERROR[e]}`, bindWhy(e, sock, this.ns));
    }
    if (a.mode === 'connect') {
      const r = connectRoute(sim, this.ns, sock.local, a.peer!);
      const sa = sockaddr(a.peer!, a.port);
      if (r.kind === 'error') {
        return this.fail(sim, `connect(${fd}, ${sa.text}, ${sa.len}): ${STRERROR[r.errno] ?? r.errno}`, `no route from ${this.ns.path} to the peer ${inetToString(a.peer!)}`);
      }
      if (!explicit) {
        const e = table.bind(sim, sock);
        if (e) return this.fail(sim, `connect(${fd}, ${sa.text}, ${sa.len}): ${STRERROR[e]}`, 'no free port');
      }
      // ip4_datagram_connect / ip6_datagram_connect: an unbound address becomes the route's source
      if (sock.local === 0 || sock.local === 0n) sock.local = r.src;
      sock.remote = a.peer;
      sock.remotePort = a.port;
    } else if (a.mode === 'datagram' && !explicit) {
      table.bind(sim, sock);
    }
    this.sock = sock;
    return null;
  }

  private openTun(sim: Simulator, a: SocatTun): SocatStart | null {
    if (a.badType !== null) return this.fail(sim, `unknown tun-type "${a.badType}"`, 'tun-type must be tun or tap');
    const fd = this.fd++;
    const ns = this.ns;
    const name = a.name ?? allocTunName(ns);
    const existing = ns.linkByName(name);
    let dev: Link;
    if (existing) {
      const held = existing.tun?.attached;
      if (existing.kind !== 'tun' || !existing.tun || held) {
        const errno = held ? 'Device or resource busy' : 'Invalid argument';
        const why = held ? `${name} is held by another process (${existing.tun?.owner ?? 'another socat'})` : `${name} exists and is not a tun device`;
        return this.fail(sim, `ioctl(${fd}, TUNSETIFF, {"${name}"}: ${errno}`, why);
      }
      // a persistent tun (ip tuntap add) nobody holds: socat attaches to it, with its flags
      dev = existing;
      dev.tun = { ...existing.tun, pi: !a.noPi, attached: true, owner: `socat[${this.pid}]` };
      ns.touch();
    } else {
      dev = createLink(ns, name, 'tun');
      dev.tun = { mode: 'tun', pi: !a.noPi, attached: true, owner: `socat[${this.pid}]`, persist: false };
      ns.touch();
    }
    this.tun = dev;
    this.tunSpec = a;
    this.fd++; // the socket socat keeps for its interface ioctls
    const ioctlFd = this.fd - 1;
    if (a.network !== null) {
      const net = parseTunNetwork(a.network, ioctlFd);
      if (net.kind === 'error') return this.fail(sim, net.message, `the tun address "${a.network}" is malformed`);
      try {
        apply({ ns }, build.addr(dev.name, `${ip4ToString(net.addr)}/${net.len}`));
      } catch (e) {
        // SIOCSIFADDR on a persistent tun that already holds the address: nothing changes
        if (!(e instanceof OpError)) throw e;
      }
    }
    if (a.up) linkUp(dev);
    // the tun has carrier now that socat holds it: addrconf configures it (its first IPv6 packets go out at once)
    addrconfPending(dev);
    addrconfSync(ns);
    return null;
  }

  /** Exit at start: the message, status 1, and whatever was opened closed again. */
  private fail(sim: Simulator, message: string, why: string): SocatStart {
    this.die(sim, message, why);
    return { kind: 'exited', exit: 1 };
  }

  /** socat's Exit(1) after an error: the tun and the socket go with the process. */
  private die(sim: Simulator, message: string, why: string): void {
    if (!this.alive) return;
    if (sim !== this.home) {
      if (sim.tracer) sim.step(this.ns, 'socket', `socat[${this.pid}] would exit: ${message}`);
      return;
    }
    if (message) this.stderr += logLine(sim, this.pid, message);
    this.why = why;
    this.alive = false;
    this.exit = 1;
    if (sim.tracer) sim.step(this.ns, 'socket', `socat[${this.pid}] exits: ${message}`);
    if (this.sock) udpTable(sim).close(this.sock);
    this.sock = null;
    const dev = this.tun;
    this.tun = null;
    this.pending = [];
    if (dev && sim.isLive(dev) && dev.tun?.attached) {
      if (dev.tun.persist) {
        // a persistent tun stays, without carrier
        dev.tun = { ...dev.tun, attached: false, owner: null };
        dev.ns.touch();
        addrconfPending(dev);
        addrconfSync(dev.ns);
      } else {
        deleteLink(dev);
        dev.ns.touch();
      }
    }
  }

  /** SIGTERM (a foreground socat ended by nettwin, or the sandbox closing): no message, status 143. */
  terminate(sim: Simulator): void {
    if (!this.alive) return;
    this.signal(sim, 15);
    this.stderr = '';
  }

  /**
   * A signal from `kill`: socat's handler (socat_signal) logs at notice level, which its default
   * -d level does not print, and exits with 128 + the signal, as KILL's default action does; its
   * tun and socket go with it.
   */
  signal(sim: Simulator, signo: number): boolean {
    if (!this.alive) return true;
    this.die(sim, '', `ended by signal ${signo} (kill)`);
    // a fork of the simulation (sim !== home) only watches: nothing ended there
    if (!this.alive) this.exit = 128 + signo;
    return true;
  }

  /** A packet the kernel sent out of the tun: one datagram to the peer. */
  fromDevice(sim: Simulator, dev: Link, frame: Frame): void {
    const sock = this.sock;
    if (!this.alive || !sock || !this.udp) return;
    const a = this.udp;
    const dst = sock.remote ?? a.peer;
    const dport = sock.remote !== null ? sock.remotePort : a.port;
    if (dst === null) return;
    const len = l3Length(frame) + (this.tunSpec && !this.tunSpec.noPi ? 4 : 0);
    if (sim.tracer) sim.step(this.ns, 'socket', `socat[${this.pid}]: ${len} bytes from ${dev.name} to ${inetToString(dst)}:${dport}`);
    const r = udpSend(sim, sock, dst, dport, cloneFrame(frame), len);
    if (r.kind === 'error') {
      const call =
        sock.remote !== null ? `write(${this.sockFd}, ${FAKE_BUFFER}, ${len})` : `sendto(${this.sockFd}, ${FAKE_BUFFER}, ${len}, 0, ${sockaddr(dst, dport).text}, ${sockaddr(dst, dport).len})`;
      this.die(sim, `${call}: ${STRERROR[r.errno] ?? r.errno}`, `the route to the peer ${inetToString(dst)} is gone`);
    }
  }

  /** A datagram for our socket: written into the tun (kept while it cannot be). */
  private fromSocket(sim: Simulator, pkt: AnyPacket): void {
    if (!this.alive) return;
    const sock = this.sock!;
    if (sim !== this.home) {
      // a fork (explain) watches: the packet goes on if it can, the process itself is left alone
      const dev = this.tun;
      if (dev && dev.up && pkt.inner && sock.remote !== null) {
        const f = cloneFrame(pkt.inner);
        sim.queue.after(sim.latency, () => {
          if (sim.isLive(dev)) sim.receive(dev, f);
        });
      } else if (sim.tracer) sim.step(this.ns, 'socket', `socat[${this.pid}] cannot write into ${dev?.name ?? 'its tun'} now`);
      return;
    }
    if (this.udp?.mode === 'listen' && sock.remote === null) {
      // UDP-LISTEN: the first datagram's sender becomes the peer (then, if the tun is the
      // second address, the tun is opened)
      const { src, dst } = udpAddrs(pkt);
      sock.remote = src;
      sock.remotePort = pkt.udp!.srcPort;
      if (sock.local === 0 || sock.local === 0n) sock.local = dst;
      // an IPv6 socket's IPv4 peer: its addresses are IPv4-mapped
      if (this.udp.v6 && !isV6(src)) sock.v6 = true;
      if (pkt.inner) this.pending.push(cloneFrame(pkt.inner));
      const next = this.afterListen;
      if (next === null) {
        this.flush(sim);
        return;
      }
      this.afterListen = null;
      const parsed = parseSocatAddress(next);
      if (parsed.kind !== 'ok') {
        this.die(sim, parsed.kind === 'error' ? parsed.message : parsed.why, `socat rejects its second address ${next}`);
        return;
      }
      if (this.open(sim, parsed.address)) return;
      this.flush(sim);
      return;
    }
    if (!pkt.inner) return;
    this.pending.push(cloneFrame(pkt.inner));
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    this.flush(sim);
  }

  /** Writes what waits into the tun, if it is up. */
  private flush(sim: Simulator): void {
    const dev = this.tun;
    if (!dev || !dev.up || !this.pending.length) return;
    const q = this.pending;
    this.pending = [];
    for (const f of q) {
      if (sim.tracer) sim.step(this.ns, 'socket', `socat[${this.pid}]: writes ${l3Length(f)} bytes into ${dev.name}`);
      sim.queue.after(sim.latency, () => {
        if (sim.isLive(dev)) sim.receive(dev, f);
      });
    }
  }

  private socketError(sim: Simulator, errno: string, from: InetAddr): void {
    const why =
      errno === 'ECONNREFUSED'
        ? `${inetToString(from)} answered with ICMP port unreachable: nothing listens on ${inetToString(this.sock?.remote ?? 0)}:${this.sock?.remotePort ?? 0}`
        : `${inetToString(from)} answered with an ICMP error (${errno})`;
    const dev = this.tun;
    const after = !dev ? 'socat exits' : dev.tun?.persist ? `socat exits, and ${dev.name} (persistent) stays without carrier` : `socat exits, and ${dev.name} and every route through it are gone`;
    this.die(sim, `read(${this.sockFd}, ${FAKE_BUFFER}, ${BUFSIZE}): ${STRERROR[errno] ?? errno}`, `${why}; ${after}`);
  }

  tick(sim: Simulator): void {
    if (!this.alive || !this.tun) return;
    if (!sim.isLive(this.tun)) {
      // someone deleted the device under us (ip link del): socat's reads fail
      this.tun = null;
      return;
    }
    this.flush(sim);
  }
}

/** dev_alloc_name("tun%d") */
function allocTunName(ns: Netns): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`tun${i}`)) return `tun${i}`;
}

function bindWhy(errno: string, sock: UdpSocket, ns: Netns): string {
  if (errno === 'EADDRNOTAVAIL') return `${inetToString(sock.local)} is not an address of ${ns.path}: socat can only bind to a local address`;
  return `${inetToString(sock.local)}:${sock.port} is taken by another socket in ${ns.path}`;
}

/** xioparsenetwork_ip4 as socat 1.7.4 reads `ADDR/BITS` (the address first, then the bits). */
function parseTunNetwork(text: string, _fd: number): { kind: 'ok'; addr: Ip4; len: number } | { kind: 'error'; message: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { kind: 'error', message: `xioparsenetwork_ip4("${text}",,): missing netmask delimiter` };
  const a = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  const addr = parseIp4(a);
  if (addr === null || a.includes('..')) return { kind: 'error', message: `getaddrinfo("${a}", "NULL", {1,0,0,0}, {}): Name or service not known` };
  if (!/^\d+$/.test(bits)) return { kind: 'error', message: `not a valid netmask in "${text}"` };
  if (Number(bits) > 32) return { kind: 'error', message: `netmask "${text}" is too large` };
  return { kind: 'ok', addr, len: Number(bits) };
}
