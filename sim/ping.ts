/**
 * iputils ping (20221126, run as root: a raw ICMP socket) against the simulator: the probe
 * socket's setup (SO_BINDTODEVICE, bind, the connect() route lookup, IP_TTL), the probes it
 * sends, and its answer as data — exit 1 when nothing came back (or, with -w, fewer than -c
 * replies), else 0. When to send and stop is ping-loop.ts (main_loop, pinger,
 * __schedule_exit); what each message means, and the statistics, ping-tally.ts. Errors arrive
 * in the socket's error queue (IP_RECVERR) and count as `+N errors`; a redirect is reported but
 * not counted. Everything else is what the simulated network does. The words ping prints for
 * all of it are the program's (src/programs/ping).
 */
import { ip4ToString, isMulticast, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import { ipOutput } from './ip-output.js';
import { nfMeta } from './netfilter/skb.js';
import { icmpPacket, optionsLen, type IpPacket } from './packet.js';
import { runPingLoop } from './ping-loop.js';
import { PingTally, type PingEvent, type PingMsg, type PingStatistics } from './ping-tally.js';
import { routeConnect, routeOutput } from '../src/model/route-output.js';
import { pathMtu, pmtuBind } from '../src/model/pmtu.js';
import { ipTotalLen } from './ip-fragment.js';
import type { NsState } from './ns-state.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { isEcho, type IcmpErrorRepr } from './wire/icmp.js';

export type { PingEvent } from './ping-tally.js';

export interface PingOptions {
  /** -c: stop after this many replies (0: no limit) */
  count?: number;
  /** -i: seconds between probes (default 1) */
  interval?: number;
  /** -W: seconds to wait after the last probe when nothing came back (default 10) */
  timeout?: number;
  /** -w: seconds before ping exits whatever happens */
  deadline?: number;
  /** -t: TTL of the probes (default 64) */
  ttl?: number;
  /** -m: SO_MARK of the sockets (the probe's route lookups and the packets' firewall mark) */
  mark?: number;
  /** -s: data bytes (default 56) */
  size?: number;
  /** -I DEV: bind to a device (SO_BINDTODEVICE) */
  iface?: string;
  /** -I ADDR: bind to a source address */
  source?: Ip4;
  /** -b: allow pinging a broadcast address */
  broadcast?: boolean;
  /** -M: IP_MTU_DISCOVER of the probe socket (default `want`: DF while a probe fits the path MTU) */
  pmtudisc?: 'do' | 'want' | 'dont';
  /** -O: before each probe, note the previous one when it has had no reply yet */
  outstanding?: boolean;
  /** -A: the interval follows the replies' RTT (ping-loop.ts) */
  adaptive?: boolean;
  /** -R: the record-route option on every probe (IP_OPTIONS), its addresses handed over with each reply */
  recordRoute?: boolean;
}

/** A probe whose sendmsg failed, and how. */
export type SendError = { kind: 'EMSGSIZE'; seq: number; mtu: number } | { kind: 'ENOBUFS'; seq: number };

/** Why ping gives up before its first probe (exit 2), as the socket calls answered it. */
export type PingFailure =
  /** SO_BINDTODEVICE on a device the namespace does not have */
  | { kind: 'bind-device'; dev: string; errno: 'ENODEV' }
  /** bind() to an address that is not local */
  | { kind: 'bind'; errno: 'EADDRNOTAVAIL' }
  /** connect(): the route lookup's errno (EACCES with -b: a broadcast the kernel refuses) */
  | { kind: 'connect'; errno: string }
  /** the destination is a broadcast address and -b was not given */
  | { kind: 'broadcast-without-b' }
  /** IP_TTL 0 */
  | { kind: 'set-ttl'; errno: 'EINVAL' };

/** What ping warns about before its header, and goes on. */
export type PingNotice =
  /** pinging a broadcast address (with -b) */
  | { kind: 'broadcast' }
  /** bound to a device whose addresses do not include the source the route chose */
  | { kind: 'source-elsewhere'; dev: string };

export interface PingReply {
  seq: number;
  ttl: number;
  from: string;
  timeMs: number;
}

export interface PingResult extends PingStatistics {
  /** why ping gave up before sending (exit 2), or null */
  failure: PingFailure | null;
  /** warnings printed before the header, in order */
  notices: PingNotice[];
  dst: Ip4;
  source: Ip4;
  replies: PingReply[];
  events: PingEvent[];
  /** -O: probes still unanswered when the next went out, with when (printed between the events) */
  outstanding: { t: number; seq: number }[];
  /**
   * probes sendmsg refused: EMSGSIZE (`-M do`, larger than the path MTU: ping's "local error",
   * counted in `errors`), ENOBUFS (the device dropped it on transmit: lost, not an error)
   */
  localErrors: SendError[];
  /** what of this run the simulator does not model (the program reports it instead of an answer) */
  unmodelled?: string;
}

function failed(dst: Ip4, failure: PingFailure, notices: PingNotice[], now: number): PingResult {
  return {
    failure,
    notices,
    dst,
    source: 0,
    device: null,
    bound: false,
    size: 56,
    transmitted: 0,
    received: 0,
    errors: 0,
    duplicates: 0,
    replies: [],
    events: [],
    outstanding: [],
    localErrors: [],
    timeMs: 0,
    rtt: null,
    pipe: -1,
    ipg: null,
    exit: 2,
    hung: false,
    startUs: now,
    endUs: now,
  };
}

/** The probe socket once set up: where probes go, from where, bound to what. */
interface Probe {
  boundDev: Link | null;
  boundAddr: Ip4;
  source: Ip4;
  whereto: Ip4;
  multicast: boolean;
}

/**
 * The probe socket's setup as ping does it: SO_BINDTODEVICE, bind() to `-I ADDR`, else
 * connect() (the route, its source, the broadcast refusal), then IP_TTL. Warnings go to
 * `notices`; a failed call is the answer.
 */
function setUp(st: NsState, from: Netns, dst: Ip4, ttl: number, opts: PingOptions, notices: PingNotice[]): Probe | PingFailure {
  let boundDev: Link | null = null;
  if (opts.iface !== undefined) {
    boundDev = from.linkByName(opts.iface) ?? null;
    if (!boundDev) return { kind: 'bind-device', dev: opts.iface, errno: 'ENODEV' };
  }
  const boundAddr = opts.source ?? 0;
  let source = boundAddr;
  let whereto = dst;
  if (!source) {
    // the probe socket's connect(): the route, its source, broadcast refusal
    const res = routeConnect(st, { dst, src: 0, oif: boundDev, mark: opts.mark ?? 0 });
    if (!res.ok) {
      if (res.errno === 'EACCES') {
        if (!opts.broadcast) return { kind: 'broadcast-without-b' };
        notices.push({ kind: 'broadcast' });
      }
      return { kind: 'connect', errno: res.errno };
    }
    if (res.rt.type === 'broadcast') {
      if (!opts.broadcast) return { kind: 'broadcast-without-b' };
      notices.push({ kind: 'broadcast' });
    }
    source = res.rt.saddr;
    whereto = res.rt.daddr;
    if (boundDev && !boundDev.addrs.some((a) => a.local === source)) notices.push({ kind: 'source-elsewhere', dev: boundDev.name });
  } else if (!['local', 'broadcast', 'multicast'].includes(st.fib.addrType(source))) {
    return { kind: 'bind', errno: 'EADDRNOTAVAIL' };
  }
  if (whereto === 0) whereto = source;
  if (ttl === 0) return { kind: 'set-ttl', errno: 'EINVAL' };
  const multicast = !!opts.broadcast || isMulticast(dst) || isMulticast(whereto);
  return { boundDev, boundAddr, source, whereto, multicast };
}

/** sk_bound_dev_if against the packet's device, or its VRF's (inet_sdif: a VRF port's packets are the VRF's too). */
function boundTo(bound: Link, dev: Link | null | undefined): boolean {
  return dev === bound || (!!dev && dev.master === bound && !!bound.vrf);
}

/** The raw socket's receive side: which packets and error-queue entries are this ping's. */
function probeSocket(sim: Simulator, p: Probe, ident: number, inbox: PingMsg[]): IcmpSocket {
  const { boundDev, boundAddr, whereto } = p;
  const ours = (e: IcmpErrorRepr) => {
    const o = e.original;
    return !!o.echo && o.echo.type === 8 && o.echo.ident === ident && o.ip.dst === whereto;
  };
  return {
    raw(pkt, iif) {
      if (boundDev && !boundTo(boundDev, iif)) return;
      if (boundAddr && pkt.ip.dst !== boundAddr) return;
      const m = pkt.icmp!;
      if (isEcho(m)) {
        if (m.type === 0 && m.ident === ident)
          inbox.push({ kind: 'reply', t: sim.now, seq: m.seq, ttl: pkt.ip.ttl, from: pkt.ip.src, sentAt: m.sentAt, dataLen: m.dataLen, ...(pkt.rr ? { rr: pkt.rr } : {}) });
        return;
      }
      if (!ours(m)) return;
      if (m.type === 5) inbox.push({ kind: 'redirect', t: sim.now, seq: m.original.echo!.seq, from: pkt.ip.src, err: m });
      else inbox.push({ kind: 'ack', t: sim.now, seq: m.original.echo!.seq });
    },
    error(err, src, dev) {
      if (boundDev && !boundTo(boundDev, dev)) return;
      if (boundAddr && err.original.ip.src !== boundAddr) return;
      if (!ours(err)) return;
      inbox.push({ kind: 'error', t: sim.now, seq: err.original.echo!.seq, from: src, err });
    },
  };
}

/**
 * Pings `dst` from namespace `from` in virtual time; the clock ends where ping would have exited.
 * Set `count` or `deadline`: like the real thing, a ping with neither never ends (refused here).
 */
export function ping(sim: Simulator, from: Netns, dst: Ip4, opts: PingOptions = {}): PingResult {
  const count = opts.count ?? 0;
  const deadline = opts.deadline ?? 0;
  if (!count && !deadline) throw new RangeError('ping: give `count` or `deadline`: an unbounded ping never ends');
  sim.sync();
  const st = sim.state(from);
  const notices: PingNotice[] = [];
  const size = opts.size ?? 56;
  const ttl = opts.ttl ?? 64;
  const intervalUs = Math.trunc((opts.interval ?? 1) * 1000) * 1000;
  const lingerUs = Math.trunc((opts.timeout ?? 10) * 1000) * 1000;
  const t0 = sim.now;

  const probe = setUp(st, from, dst, ttl, opts, notices);
  if ('kind' in probe) return failed(dst, probe, notices, t0);
  const { boundDev, boundAddr, whereto } = probe;
  const ident = sim.nextIdent();
  const inbox: PingMsg[] = [];
  const sock = probeSocket(sim, probe, ident, inbox);
  const tally = new PingTally(size >= 16, probe.multicast, whereto);
  const localErrors: SendError[] = [];
  const pmtudisc = opts.pmtudisc ?? 'want';
  let unmodelled: string | undefined;
  /** pinger's transmit: one echo request, routed as the connected socket routes it */
  const send = () => {
    const seq = tally.sent();
    const res = routeOutput(st, { dst: whereto, src: boundAddr, oif: boundDev, mark: opts.mark ?? 0 });
    if (!res.ok) {
      // sendmsg fails; iputils counts the probe and prints nothing (receive_error_msg returns -1)
      if (sim.tracer) sim.step(from, 'send', `echo request seq ${seq}: sendmsg failed (${res.errno})`);
      return;
    }
    const pkt: IpPacket = icmpPacket(res.rt.saddr, whereto, ttl, st.nextIpId(), { type: 8, code: 0, ident, seq, dataLen: size, sentAt: sim.now });
    // ip_options_build: the sender records its own source in the first slot
    if (opts.recordRoute) pkt.rr = [res.rt.saddr];
    // skb->mark = sk->sk_mark: OUTPUT's rules see the socket's mark
    if (opts.mark) nfMeta(pkt, from).mark = opts.mark;
    // raw_sendmsg: an ICMP message longer than 0xFFFF is EMSGSIZE before anything is queued;
    // iputils finds no error message and counts the probe silently (hard_local_error)
    if (size + 8 > 0xffff) {
      if (sim.tracer) sim.step(from, 'send', `echo request seq ${seq}: ${size + 8} bytes of ICMP: sendmsg fails (EMSGSIZE)`);
      return;
    }
    // ip_append_data against the path MTU (ipv4_mtu: a learned PMTU first)
    const rt = res.rt;
    const pmtu = pmtuBind(from, rt.daddr, rt.route, sim.now);
    const mtu = pathMtu(from, rt.daddr, rt.route, rt.dev, sim.now);
    const fits = ipTotalLen(pkt) <= mtu;
    // __ip_append_data: more than a datagram holds (headers included) fails as a DF probe over the MTU does
    const oversize = ipTotalLen(pkt) > 0xffff;
    // a record route's option rides only in the first fragment, and reassembly keeps it: not modelled
    if (pkt.rr && !fits && !oversize && pmtudisc !== 'do') unmodelled = 'ping -R with probes larger than the path MTU (fragmented)';
    if ((pmtudisc === 'do' && !fits) || oversize) {
      // EMSGSIZE, and ip_local_error queues the MTU for IP_RECVERR: ping counts an error
      if (sim.tracer) sim.step(from, 'send', `echo request seq ${seq}: ${ipTotalLen(pkt)} bytes, path MTU ${mtu}: sendmsg fails (EMSGSIZE)`);
      // __ip_append_data reports the room left for the datagram: the MTU less the options
      localErrors.push({ kind: 'EMSGSIZE', seq, mtu: mtu - optionsLen(pkt) });
      tally.nerrors++;
      return;
    }
    // __ip_make_skb: DF with -M do, and with -M want (the default) while the probe fits an unlocked MTU
    pkt.ip.df = pmtudisc === 'do' || (pmtudisc === 'want' && fits && !pmtu?.locked);
    if (sim.tracer) sim.step(from, 'send', `ping: echo request seq ${seq} to ${ip4ToString(whereto)} from ${ip4ToString(res.rt.saddr)} ttl ${ttl}`);
    const dropped = sim.txDropped;
    ipOutput(sim, st, pkt, res.rt);
    // a frame the device refused at once (its neighbour was resolved): sendmsg answers ENOBUFS
    if (sim.txDropped !== dropped) localErrors.push({ kind: 'ENOBUFS', seq });
  };

  st.sockets.push(sock);
  let run: { lastSend: number; hung: boolean };
  try {
    run = runPingLoop(sim, { t0, count, deadline, intervalUs, lingerUs, outstanding: opts.outstanding === true, adaptive: opts.adaptive === true }, tally, send, inbox);
  } finally {
    const i = st.sockets.indexOf(sock);
    if (i >= 0) st.sockets.splice(i, 1);
  }

  const elapsed = run.lastSend - t0;
  const replies: PingReply[] = [];
  for (const e of tally.events) {
    if (e.kind === 'reply') replies.push({ seq: e.seq, ttl: e.ttl, from: ip4ToString(e.from), timeMs: e.timeUs === null ? 0 : e.timeUs / 1000 });
  }
  const { ntransmitted, nreceived } = tally;
  return {
    failure: null,
    notices,
    dst: whereto,
    source: probe.source,
    device: boundDev ? boundDev.name : null,
    bound: !!boundDev || !!boundAddr,
    size,
    transmitted: ntransmitted,
    received: nreceived,
    errors: tally.nerrors,
    duplicates: tally.nrepeats,
    replies,
    events: tally.events,
    outstanding: tally.outstanding,
    localErrors,
    timeMs: Math.floor((elapsed + 500) / 1000),
    rtt: tally.rtt(),
    pipe: tally.pipesize,
    ipg: tally.ipg(elapsed, opts.adaptive ? 0 : intervalUs),
    exit: !nreceived || (deadline && nreceived < count) ? 1 : 0,
    hung: run.hung,
    ...(unmodelled ? { unmodelled } : {}),
    startUs: t0,
    endUs: sim.now,
  };
}
