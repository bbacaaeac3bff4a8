/**
 * iputils ping over IPv6 (20221126, ping/ping6_common.c ping6_run; run as root: a raw ICMPv6
 * socket) against the simulator: the probe socket iputils connects to learn the source (not
 * for a link-local or link-local multicast destination, which it leaves unconnected: the
 * source stays `::` and the kernel chooses one per probe), `-I DEV` (SO_BINDTODEVICE, and a
 * warning when the source is not on DEV), `-I ADDR` (bind: the address must be this host's
 * and valid), a `%DEV` scope, then probes sent as the raw socket sends them — routed each
 * time, fragmented when larger than the way out's MTU — with the timing rules and statistics
 * the IPv4 ping shares (ping-loop.ts, ping-tally.ts). Errors arrive through IPV6_RECVERR:
 * an ICMPv6 error quoting one of our echo requests to the target. Answers are data; the
 * program (src/programs/ping) words them.
 */
import { addrUsable } from '../../src/model/ipv6/inet6-dev.js';
import { formatIp6, isIp6LinkLocal, isIp6Multicast, type Ip6 } from '../../src/model/ipv6/ip6.js';
import { route6Output, type Rt6Entry } from '../../src/model/ipv6/route6.js';
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import { icmp6Packet } from '../packet.js';
import { runPingLoop } from '../ping-loop.js';
import { PingTally, type PingEvent, type PingMsg, type PingStatistics } from '../ping-tally.js';
import type { Simulator } from '../simulator.js';
import type { Icmp6ErrorRepr } from '../wire/icmpv6.js';
import { nfMeta } from '../netfilter/skb.js';
import { ip6Output } from './ip6-output.js';
import { state6, type Icmp6Socket } from './state6.js';
import { simView6 } from './view6.js';

/** An IPv6 address as ping shows it: link-local ones with the device they came from. */
export interface Addr6 {
  addr: Ip6;
  dev: string | null;
}

export interface Ping6Options {
  count?: number;
  interval?: number;
  /** -A: the interval follows the replies' RTT (ping-loop.ts) */
  adaptive?: boolean;
  timeout?: number;
  deadline?: number;
  /** -t: the hop limit of the probes */
  hopLimit?: number;
  size?: number;
  /** -I DEV */
  iface?: string;
  /** -I ADDR */
  source?: Ip6;
  /** the destination's `%DEV` */
  scope?: Link;
  /** -M: IPV6_MTU_DISCOVER (`do`: a probe over the path MTU is refused, not fragmented) */
  pmtudisc?: 'do' | 'want' | 'dont';
  /** -m: SO_MARK of the sockets (the probe's and every packet's route lookup, the packets' firewall mark) */
  mark?: number;
}

export type Ping6Failure = { kind: 'connect'; errno: string } | { kind: 'bind'; errno: 'EADDRNOTAVAIL' };

export interface Ping6Result extends PingStatistics {
  failure: Ping6Failure | null;
  /** `-I DEV` and a source not on DEV */
  warnElsewhere: string | null;
  whereto: Addr6;
  source: Ip6;
  events: PingEvent<Addr6>[];
  /**
   * probes netfilter rejected on their way out (OUTPUT or POSTROUTING): sendmsg failed with
   * EPERM after the REJECT's ICMPv6 error was queued, which ping reports (a plain DROP it does not)
   */
  rejected: number[];
  /** the path MTU each probe sendmsg refused with EMSGSIZE (`-M do`) was told, in order */
  tooBig: number[];
}

/** The device a received link-local is scoped to, as getnameinfo prints it. */
function shown(addr: Ip6, dev: Link): Addr6 {
  return { addr, dev: isIp6LinkLocal(addr) || (isIp6Multicast(addr) && Number((addr >> 112n) & 0xfn) === 2) ? dev.name : null };
}

function emptyResult(whereto: Addr6, failure: Ping6Failure | null, now: number): Ping6Result {
  return {
    failure,
    warnElsewhere: null,
    whereto,
    source: 0n,
    device: null,
    bound: false,
    size: 56,
    transmitted: 0,
    received: 0,
    errors: 0,
    duplicates: 0,
    events: [],
    rejected: [],
    tooBig: [],
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
 * Pings `dst` from `from` over IPv6 in virtual time (give `count` or `deadline`). The caller
 * has checked that `iface` names a device (iputils stops with "unknown iface" otherwise).
 */
export function ping6(sim: Simulator, from: Netns, dst: Ip6, opts: Ping6Options = {}): Ping6Result {
  const count = opts.count ?? 0;
  const deadline = opts.deadline ?? 0;
  if (!count && !deadline) throw new RangeError('ping6: give `count` or `deadline`: an unbounded ping never ends');
  sim.sync();
  const st = sim.state(from);
  const view = simView6(sim, st);
  const t0 = sim.now;
  const size = opts.size ?? 56;
  const dev = opts.iface !== undefined ? (from.linkByName(opts.iface) ?? null) : null;
  const whereto: Addr6 = { addr: dst, dev: opts.scope?.name ?? null };
  const oif = dev ?? opts.scope ?? null;
  const linkScoped = isIp6LinkLocal(dst) || (isIp6Multicast(dst) && Number((dst >> 112n) & 0xfn) === 2);
  let source: Ip6 = 0n;
  let warnElsewhere: string | null = null;
  if (opts.source !== undefined) {
    // bind(): a valid address of this namespace (of the bound device, if any)
    const ok = (dev ? [dev] : from.linkList()).some((l) => l.inet6.addrs.some((a) => a.addr === opts.source && addrUsable(a)));
    if (!ok) return emptyResult(whereto, { kind: 'bind', errno: 'EADDRNOTAVAIL' }, t0);
    source = opts.source;
  } else if (!linkScoped) {
    const res = route6Output(view, { dst, src: 0n, oif, bound: dev !== null, mark: opts.mark ?? 0 });
    if (!res.ok) return emptyResult(whereto, { kind: 'connect', errno: res.errno }, t0);
    if (res.rt.saddr === null) return emptyResult(whereto, { kind: 'connect', errno: 'EADDRNOTAVAIL' }, t0);
    source = res.rt.saddr;
  }
  if (dev && opts.source === undefined && !dev.inet6.addrs.some((a) => a.addr === source)) warnElsewhere = dev.name;
  const ident = sim.nextIdent();
  const inbox: PingMsg<Addr6>[] = [];
  const ours = (e: Icmp6ErrorRepr) => !!e.original.echo && e.original.echo.type === 128 && e.original.echo.ident === ident && e.original.ip6.dst === dst;
  const sock: Icmp6Socket = {
    raw(pkt, iif) {
      const m = pkt.icmp6;
      if (!m || m.type !== 129 || m.ident !== ident) return;
      if (dev && iif !== dev) return;
      if (opts.source !== undefined && pkt.ip6.dst !== opts.source) return;
      inbox.push({ kind: 'reply', t: sim.now, seq: m.seq, ttl: pkt.ip6.hopLimit, from: shown(pkt.ip6.src, iif), sentAt: m.sentAt, dataLen: m.dataLen });
    },
    error(err, src, edev) {
      if (dev && edev !== dev) return;
      if (!ours(err)) return;
      inbox.push({ kind: 'error', t: sim.now, seq: err.original.echo!.seq, from: shown(src, edev), err });
    },
  };
  // the subnet-router anycast address (an interface id of zeros) may answer from any address
  const anycast = (dst & ((1n << 64n) - 1n)) === 0n;
  const tally = new PingTally<Addr6>(size >= 16, isIp6Multicast(dst) || anycast, whereto, (a, b) => a.addr === b.addr, false);
  const send = () => {
    const seq = tally.sent();
    const res = route6Output(view, { dst, src: source, oif, bound: dev !== null, mark: opts.mark ?? 0, now: sim.now });
    if (!res.ok || res.rt.saddr === null) {
      if (sim.tracer) sim.step(from, 'send', `echo request seq ${seq}: sendmsg failed (${res.ok ? 'EADDRNOTAVAIL' : res.errno})`);
      return;
    }
    const rt: Rt6Entry = res.rt;
    // rawv6_sendmsg / ip6_append_data: with -M do a probe over the path MTU is EMSGSIZE, and
    // ipv6_local_error queues the MTU for IPV6_RECVERR: ping counts an error
    const mtu = Math.min(rt.pmtu?.mtu ?? Infinity, rt.route.mtu ?? rt.dev.mtu, rt.dev.mtu);
    if (opts.pmtudisc === 'do' && 48 + size > mtu) {
      if (sim.tracer) sim.step(from, 'send', `echo request seq ${seq}: ${48 + size} bytes, path MTU ${mtu}: sendmsg fails (EMSGSIZE)`);
      tooBig.push(mtu);
      tally.nerrors++;
      return;
    }
    const hop = opts.hopLimit ?? rt.route.hoplimit ?? rt.dev.inet6.conf.hop_limit;
    const pkt = icmp6Packet(rt.saddr!, dst, hop, { type: 128, code: 0, ident, seq, dataLen: size, sentAt: sim.now });
    // skb->mark = sk->sk_mark: OUTPUT's rules see the socket's mark
    if (opts.mark) nfMeta(pkt, from).mark = opts.mark;
    if (sim.tracer) sim.step(from, 'send', `ping: echo request seq ${seq} to ${formatIp6(dst)} from ${formatIp6(rt.saddr!)} hlim ${hop}`);
    if (ip6Output(sim, st, pkt, rt, false) === 'reject') rejected.push(seq);
  };
  const rejected: number[] = [];
  const tooBig: number[] = [];
  const socks = state6(st).sockets;
  socks.push(sock);
  const intervalUs = Math.trunc((opts.interval ?? 1) * 1000) * 1000;
  const lingerUs = Math.trunc((opts.timeout ?? 10) * 1000) * 1000;
  let run: { lastSend: number; hung: boolean };
  try {
    run = runPingLoop(sim, { t0, count, deadline, intervalUs, lingerUs, adaptive: opts.adaptive === true }, tally, send, inbox);
  } finally {
    const i = socks.indexOf(sock);
    if (i >= 0) socks.splice(i, 1);
  }
  const elapsed = run.lastSend - t0;
  const { ntransmitted, nreceived } = tally;
  return {
    failure: null,
    warnElsewhere,
    whereto,
    source,
    device: dev ? dev.name : null,
    bound: dev !== null || opts.source !== undefined,
    size,
    transmitted: ntransmitted,
    received: nreceived,
    errors: tally.nerrors,
    duplicates: tally.nrepeats,
    events: tally.events,
    timeMs: Math.floor((elapsed + 500) / 1000),
    rtt: tally.rtt(),
    pipe: tally.pipesize,
    ipg: tally.ipg(elapsed, opts.adaptive ? 0 : intervalUs),
    exit: !nreceived || (deadline && nreceived < count) ? 1 : 0,
    hung: run.hung,
    startUs: t0,
    endUs: sim.now,
    rejected,
    tooBig,
  };
}
