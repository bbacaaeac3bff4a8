/**
 * iputils ping (20221126, run as root: a raw ICMP socket) against the simulator, with its own
 * timing rules (ping/ping_common.c main_loop, pinger, __schedule_exit, finish):
 * - a probe goes out at once and then every `interval`;
 * - with -c and no -w: after the last probe ping waits `-W` (linger, default 10 s) if nothing
 *   came back yet, else max(2 × the slowest RTT, interval); it stops as soon as replies plus
 *   errors reach the count;
 * - with -w: probes continue until the deadline, ping stops at the first error or once the count
 *   of replies arrived;
 * - exit 1 when nothing came back (or, with -w, fewer than -c replies), else 0.
 * Errors arrive in the socket's error queue (IP_RECVERR) and count as `+N errors`; a redirect
 * is printed but not counted. Everything else is what the simulated network does.
 */
import { ip4ToString, isMulticast, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import { icmpName } from './icmp.js';
import { ipOutput } from './ip-output.js';
import { icmpPacket, type IpPacket } from './packet.js';
import { routeConnect, routeOutput } from '../src/model/route-output.js';
import { timerWheelUs } from './params.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { isEcho, type IcmpErrorRepr } from './wire/icmp.js';

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
  /** -s: data bytes (default 56) */
  size?: number;
  /** -I DEV: bind to a device (SO_BINDTODEVICE) */
  iface?: string;
  /** -I ADDR: bind to a source address */
  source?: Ip4;
  /** -b: allow pinging a broadcast address */
  broadcast?: boolean;
}

export type PingEvent =
  | { kind: 'reply'; t: number; seq: number; ttl: number; from: Ip4; timeUs: number | null; bytes: number; dup: boolean; wrongSource: boolean }
  | { kind: 'error'; t: number; seq: number; from: Ip4; type: number; code: number; info: number; text: string }
  | { kind: 'redirect'; t: number; seq: number; from: Ip4; gateway: Ip4; code: number; text: string };

export interface PingReply {
  seq: number;
  ttl: number;
  from: string;
  timeMs: number;
}

export interface PingResult {
  /** what ping printed on stderr before giving up (exit 2), e.g. `connect: Network is unreachable` */
  fatal: string | null;
  /** stderr lines printed before the header, without the `ping: ` prefix where ping uses error() */
  warnings: string[];
  dst: Ip4;
  source: Ip4;
  device: string | null;
  /** whether the header shows `from SRC DEV:` (a bound device or source) */
  bound: boolean;
  size: number;
  transmitted: number;
  received: number;
  errors: number;
  duplicates: number;
  replies: PingReply[];
  /** the `From … icmp_seq=N …` lines of errors and redirects, in order */
  errorLines: string[];
  events: PingEvent[];
  /** finish()'s `time Nms`: first to last probe */
  timeMs: number;
  rtt: { minUs: number; avgUs: number; maxUs: number; mdevUs: number } | null;
  /** iputils' pipe size: most probes outstanding when one was answered */
  pipe: number;
  /** the ipg/ewma figures, when ping prints them (interval 0) */
  ipg: { ipgUs: number; ewmaUs: number } | null;
  exit: number;
  /** nothing more can happen and ping would wait forever (`-W 0` without an answer) */
  hung: boolean;
  /** virtual µs when ping started and ended */
  startUs: number;
  endUs: number;
}

type Msg =
  | { kind: 'reply'; t: number; seq: number; ttl: number; from: Ip4; sentAt: number; dataLen: number }
  | { kind: 'ack'; t: number; seq: number }
  | { kind: 'error'; t: number; seq: number; from: Ip4; err: IcmpErrorRepr }
  | { kind: 'redirect'; t: number; seq: number; from: Ip4; err: IcmpErrorRepr };

const CONNECT_ERR: Record<string, string> = {
  ENETUNREACH: 'connect: Network is unreachable',
  EHOSTUNREACH: 'connect: No route to host',
  EINVAL: 'connect: Invalid argument',
  ENODEV: 'connect: No such device',
};
const BROADCAST_QUESTION = 'Do you want to ping broadcast? Then -b. If not, check your local firewall rules';

function fatalResult(dst: Ip4, msg: string, warnings: string[], now: number): PingResult {
  return {
    fatal: msg,
    warnings,
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
    errorLines: [],
    events: [],
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
  const warnings: string[] = [];
  const size = opts.size ?? 56;
  const ttl = opts.ttl ?? 64;
  const intervalUs = Math.trunc((opts.interval ?? 1) * 1000) * 1000;
  const lingerUs = Math.trunc((opts.timeout ?? 10) * 1000) * 1000;
  const t0 = sim.now;

  let boundDev: Link | null = null;
  if (opts.iface !== undefined) {
    boundDev = from.linkByName(opts.iface) ?? null;
    if (!boundDev) return fatalResult(dst, `SO_BINDTODEVICE ${opts.iface}: No such device`, warnings, t0);
  }
  const boundAddr = opts.source ?? 0;
  let source = boundAddr;
  let whereto = dst;
  let multicast = !!opts.broadcast || isMulticast(dst);
  if (!source) {
    // the probe socket's connect(): the route, its source, broadcast refusal
    const res = routeConnect(st, { dst, src: 0, oif: boundDev });
    if (!res.ok) {
      if (res.errno === 'EACCES') {
        if (!opts.broadcast) return fatalResult(dst, BROADCAST_QUESTION, warnings, t0);
        warnings.push('WARNING: pinging broadcast address');
        return fatalResult(dst, 'connect: Permission denied', warnings, t0);
      }
      return fatalResult(dst, CONNECT_ERR[res.errno] ?? `connect: ${res.errno}`, warnings, t0);
    }
    if (res.rt.type === 'broadcast') {
      if (!opts.broadcast) return fatalResult(dst, BROADCAST_QUESTION, warnings, t0);
      warnings.push('WARNING: pinging broadcast address');
    }
    source = res.rt.saddr;
    whereto = res.rt.daddr;
    if (boundDev && !boundDev.addrs.some((a) => a.local === source)) {
      warnings.push(`ping: Warning: source address might be selected on device other than: ${boundDev.name}`);
    }
  } else if (!['local', 'broadcast', 'multicast'].includes(st.fib.addrType(source))) {
    return fatalResult(dst, 'bind: Cannot assign requested address', warnings, t0);
  }
  if (whereto === 0) whereto = source;
  if (ttl === 0) return fatalResult(dst, 'cannot set unicast time-to-live: Invalid argument', warnings, t0);
  multicast = multicast || isMulticast(whereto);

  const ident = sim.nextIdent();
  const inbox: Msg[] = [];
  const ours = (e: IcmpErrorRepr) => {
    const o = e.original;
    return !!o.echo && o.echo.type === 8 && o.echo.ident === ident && o.ip.dst === whereto;
  };
  const sock: IcmpSocket = {
    raw(pkt, iif) {
      if (boundDev && iif !== boundDev) return;
      if (boundAddr && pkt.ip.dst !== boundAddr) return;
      const m = pkt.icmp!;
      if (isEcho(m)) {
        if (m.type === 0 && m.ident === ident) inbox.push({ kind: 'reply', t: sim.now, seq: m.seq, ttl: pkt.ip.ttl, from: pkt.ip.src, sentAt: m.sentAt, dataLen: m.dataLen });
        return;
      }
      if (!ours(m)) return;
      if (m.type === 5) inbox.push({ kind: 'redirect', t: sim.now, seq: m.original.echo!.seq, from: pkt.ip.src, err: m });
      else inbox.push({ kind: 'ack', t: sim.now, seq: m.original.echo!.seq });
    },
    error(err, src, dev) {
      if (boundDev && dev !== boundDev) return;
      if (boundAddr && err.original.ip.src !== boundAddr) return;
      if (!ours(err)) return;
      inbox.push({ kind: 'error', t: sim.now, seq: err.original.echo!.seq, from: src, err });
    },
  };

  let ntransmitted = 0;
  let nreceived = 0;
  let nerrors = 0;
  let nrepeats = 0;
  let acked = 0;
  let pipesize = -1;
  let tmin = Infinity;
  let tmax = 0;
  let tsum = 0;
  let tsum2 = 0;
  let rttEwma = 0;
  const rcvd = new Set<number>();
  const events: PingEvent[] = [];
  const timing = size >= 16;

  const acknowledge = (seq: number) => {
    const diff = (ntransmitted - seq) & 0xffff;
    if (diff <= 0x7fff) {
      if (diff + 1 > pipesize) pipesize = diff + 1;
      const d = (seq - acked) & 0xffff;
      if ((d !== 0 && d < 0x8000) || ((ntransmitted - acked) & 0xffff) > 0x7fff) acked = seq;
    }
  };

  const send = () => {
    const seq = (ntransmitted + 1) & 0xffff;
    rcvd.delete(seq);
    ntransmitted++;
    if (((ntransmitted & 0xffff) - acked) & 0x8000) acked = (ntransmitted + 1) & 0xffff;
    const res = routeOutput(st, { dst: whereto, src: boundAddr, oif: boundDev });
    if (!res.ok) {
      // sendmsg fails; iputils counts the probe and prints nothing (receive_error_msg returns -1)
      if (sim.tracer) sim.step(from, 'send', `echo request seq ${seq}: sendmsg failed (${res.errno})`);
      return;
    }
    const pkt: IpPacket = icmpPacket(res.rt.saddr, whereto, ttl, st.nextIpId(), { type: 8, code: 0, ident, seq, dataLen: size, sentAt: sim.now });
    // a raw socket's default IP_PMTUDISC_WANT sets DF (ip_dont_fragment); replies and errors have none
    pkt.ip.df = true;
    if (sim.tracer) sim.step(from, 'send', `ping: echo request seq ${seq} to ${ip4ToString(whereto)} from ${ip4ToString(res.rt.saddr)} ttl ${ttl}`);
    ipOutput(sim, st, pkt, res.rt);
  };

  const handle = (m: Msg) => {
    if (m.kind === 'reply') {
      nreceived++;
      acknowledge(m.seq);
      let trip: number | null = null;
      if (timing) {
        trip = Math.max(0, m.t - m.sentAt);
        tsum += trip;
        tsum2 += trip * trip;
        if (trip < tmin) tmin = trip;
        if (trip > tmax) tmax = trip;
        rttEwma = rttEwma ? rttEwma + trip - Math.trunc(rttEwma / 8) : trip * 8;
      }
      let dup = false;
      if (rcvd.has(m.seq)) {
        nrepeats++;
        nreceived--;
        dup = true;
      } else {
        rcvd.add(m.seq);
      }
      const wrongSource = !multicast && m.from !== whereto;
      events.push({ kind: 'reply', t: m.t, seq: m.seq, ttl: m.ttl, from: m.from, timeUs: trip, bytes: m.dataLen + 8, dup, wrongSource });
    } else if (m.kind === 'ack') {
      acknowledge(m.seq);
    } else if (m.kind === 'error') {
      acknowledge(m.seq);
      nerrors++;
      events.push({ kind: 'error', t: m.t, seq: m.seq, from: m.from, type: m.err.type, code: m.err.code, info: m.err.info, text: icmpName(m.err.type, m.err.code, m.err.info) });
    } else {
      events.push({ kind: 'redirect', t: m.t, seq: m.seq, from: m.from, gateway: m.err.info, code: m.err.code, text: `${icmpName(5, m.err.code)}(New nexthop: ${ip4ToString(m.err.info)})` });
    }
  };

  st.sockets.push(sock);
  let alarmAt = deadline ? t0 + deadline * 1_000_000 : Infinity;
  let exitArmed = false;
  let nextSend = t0;
  let lastSend = t0;
  let exiting = false;
  let hung = false;
  try {
    for (;;) {
      if (exiting) break;
      if (count && nreceived + nerrors >= count) break;
      if (deadline && nerrors) break;
      const doneSending = () => !!count && ntransmitted >= count && !deadline;
      if (!intervalUs) {
        // -i 0: the next probe as soon as the last one is answered, else after MININTERVAL
        const inFlight = (ntransmitted - acked) & 0xffff;
        nextSend = ntransmitted === 0 || (inFlight <= 0x7fff ? inFlight : ntransmitted - nreceived - nerrors) === 0 ? sim.now : lastSend + 10_000;
      }
      if (!doneSending() && sim.now >= nextSend) {
        send();
        lastSend = sim.now;
        // ping sleeps in recvmsg with SO_RCVTIMEO = interval, a jiffies timer: it wakes late,
        // and iputils' token bucket (preload 1) does not make up for it
        nextSend = sim.now + (intervalUs > 0 ? timerWheelUs(intervalUs) : 10_000);
      }
      if (doneSending() && !exitArmed) {
        exitArmed = true;
        const wait = nreceived ? Math.max(2 * tmax, intervalUs) : lingerUs;
        // setitimer with a zero value arms nothing: `-W 0` waits for an answer forever
        if (wait > 0) alarmAt = sim.now + wait;
      }
      const until = Math.min(doneSending() ? Infinity : nextSend, alarmAt);
      if (until === Infinity && sim.queue.size === 0) {
        hung = true;
        break;
      }
      // waiting with no timer of its own: step through what the network still has to do
      const target = until === Infinity ? sim.queue.peekTime() : until;
      if (sim.runUntil(target, () => inbox.length > 0)) {
        sim.runUntil(sim.now); // everything that arrives in the same instant is read together
        for (const m of inbox) handle(m);
        inbox.length = 0;
      } else if (sim.now >= alarmAt) {
        exiting = true;
      }
    }
  } finally {
    const i = st.sockets.indexOf(sock);
    if (i >= 0) st.sockets.splice(i, 1);
  }

  let rtt: PingResult['rtt'] = null;
  if (nreceived && timing) {
    const total = nreceived + nrepeats;
    const avg = Math.trunc(tsum / total);
    const tmvar = tsum < 2147483647 ? Math.trunc((tsum2 - Math.trunc((tsum * tsum) / total)) / total) : Math.trunc(tsum2 / total - avg * avg);
    rtt = { minUs: tmin, avgUs: avg, maxUs: tmax, mdevUs: llsqrt(tmvar) };
  }
  const elapsed = lastSend - t0;
  const ipg = nreceived && !intervalUs && ntransmitted > 1 ? { ipgUs: Math.trunc(elapsed / (ntransmitted - 1)), ewmaUs: Math.trunc(rttEwma / 8) } : null;
  const replies: PingReply[] = [];
  const errorLines: string[] = [];
  for (const e of events) {
    if (e.kind === 'reply') replies.push({ seq: e.seq, ttl: e.ttl, from: ip4ToString(e.from), timeMs: e.timeUs === null ? 0 : e.timeUs / 1000 });
    else if (e.kind === 'error') errorLines.push(`From ${ip4ToString(e.from)} icmp_seq=${e.seq} ${e.text}`);
    else errorLines.push(`From ${ip4ToString(e.from)}: icmp_seq=${e.seq} ${e.text}`);
  }
  return {
    fatal: null,
    warnings,
    dst: whereto,
    source,
    device: boundDev ? boundDev.name : null,
    bound: !!boundDev || !!boundAddr,
    size,
    transmitted: ntransmitted,
    received: nreceived,
    errors: nerrors,
    duplicates: nrepeats,
    replies,
    errorLines,
    events,
    timeMs: Math.floor((elapsed + 500) / 1000),
    rtt,
    pipe: pipesize,
    ipg,
    exit: !nreceived || (deadline && nreceived < count) ? 1 : 0,
    hung,
    startUs: t0,
    endUs: sim.now,
  };
}

/** iputils' integer square root (Newton). */
function llsqrt(a: number): number {
  let prev = Number.MAX_SAFE_INTEGER;
  let x = a;
  if (x > 0) {
    while (x < prev) {
      prev = x;
      x = Math.trunc((x + Math.trunc(a / x)) / 2);
    }
  }
  return x;
}
