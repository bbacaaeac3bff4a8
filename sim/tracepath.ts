/**
 * iputils tracepath (20221126) over IPv4 against the simulator: a UDP socket with
 * IP_PMTUDISC_DO, IP_RECVERR and IP_RECVTTL sends probes of the current MTU to ports from 44444
 * up with TTL 1, 2, …; each answer is read from the error queue. The probe loop (main,
 * probe_ttl, recverr) is the program's own, step for step; what comes back is what the simulated
 * network does. The result is data — one entry per line tracepath prints; its words are
 * src/programs/tracepath.ts's.
 */
import type { Ip4 } from '../src/model/ip.js';
import type { Netns } from '../src/model/netns.js';
import { routeOutput } from '../src/model/route-output.js';
import { pathMtu } from '../src/model/pmtu.js';
import { ipOutput } from './ip-output.js';
import type { IpPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import type { IcmpSocket } from './socket.js';
import { ICMP_TYPE, ICMP_UNREACH } from './wire/icmp.js';
import { IP_PROTO } from './wire/ipv4.js';
import { UDP_HEADER_LEN } from './wire/udp.js';
import { unreachErrno } from './icmp-err-convert.js';

export interface TracepathOptions {
  /** -m: the last TTL tried (default 30) */
  maxHops: number;
  /** -l: the first probe's length, headers included (default 65535) */
  mtu: number;
  /** -p: the first probe's port (default 44444) */
  basePort: number;
}

/** An extended error read from the queue, as recverr() sees it. */
export interface TraceErr {
  /** SO_EE_ORIGIN_LOCAL (EMSGSIZE on send) or an ICMP message from `from` */
  origin: 'local' | 'icmp';
  errno: string;
  type: number;
  code: number;
  /** ee_info: the MTU of an EMSGSIZE */
  info: number;
  from: Ip4;
  /** the probe's TTL (his[slot].hops), or -1 when the error names no probe */
  sndhops: number;
  /** the round trip to the probe it answers, µs, or null */
  rttUs: number | null;
  /** IP_TTL of the ICMP message, or -1 */
  rethops: number;
}

/** One line tracepath prints. */
export type TraceLine = { kind: 'err'; ttl: number; err: TraceErr } | { kind: 'no-reply'; ttl: number } | { kind: 'send-failed'; ttl: number };

export interface TracepathResult {
  lines: TraceLine[];
  mtu: number;
  /** the TTL limit was reached without an end ("Too many hops") */
  tooMany: boolean;
  hopsTo: number;
  hopsFrom: number;
  /** what of this run the simulator does not model, when it met it */
  unmodelled?: string;
}

const HIS = 64;
const OVERHEAD = 28;

/** What recverr() does with one error: whether the run ends here (0) or goes on. */
function ends(e: TraceErr): boolean {
  if (e.errno === 'ETIMEDOUT' || e.errno === 'EMSGSIZE') return false;
  if (e.errno === 'EHOSTUNREACH') return !(e.origin === 'icmp' && e.type === ICMP_TYPE.timeExceeded && e.code === 0);
  return true;
}

/** Runs tracepath from `from` to `dst` in virtual time. */
export function tracepath(sim: Simulator, from: Netns, dst: Ip4, o: TracepathOptions): TracepathResult {
  sim.sync();
  const st = sim.state(from);
  const lines: TraceLine[] = [];
  const his: { hops: number; sent: number }[] = Array.from({ length: HIS }, () => ({ hops: 0, sent: 0 }));
  let hisptr = 0;
  let mtu = o.mtu;
  let ttl = 1;
  let hopsTo = -1;
  let hopsFrom = -1;
  let unmodelled: string | undefined;
  const sport = 32768 + (sim.nextIdent() % 28000);
  const queue: { err: Omit<TraceErr, 'sndhops' | 'rttUs' | 'rethops'>; port: number; ttl: number }[] = [];
  let current = -1;

  const sock: IcmpSocket = {
    raw() {},
    error(err, src, _dev, rttl) {
      const q = err.original;
      if (!q.udp || q.ip.protocol !== IP_PROTO.udp || q.udp.srcPort !== sport || q.ip.dst !== dst) return;
      let errno: string;
      if (err.type === ICMP_TYPE.destUnreachable) errno = unreachErrno(err.code);
      else if (err.type === ICMP_TYPE.timeExceeded) errno = 'EHOSTUNREACH';
      else if (err.type === ICMP_TYPE.paramProblem) errno = 'EPROTO';
      else return;
      const info = err.type === ICMP_TYPE.destUnreachable && err.code === ICMP_UNREACH.fragNeeded ? err.info : 0;
      queue.push({ err: { origin: 'icmp', errno, type: err.type, code: err.code, info, from: src }, port: q.udp.dstPort, ttl: rttl ?? -1 });
    },
  };

  /** recverr(): everything in the error queue, printed; -1 when it was empty, 0 when the run ends, else the MTU. */
  const recverr = (): number => {
    let progress = -1;
    for (;;) {
      const m = queue.shift();
      if (!m) return progress;
      progress = mtu;
      const slot = m.port - o.basePort;
      let sndhops = -1;
      let rttUs: number | null = null;
      if (m.err.origin === 'icmp' && slot >= 0 && slot < HIS - 1 && his[slot]!.hops) {
        sndhops = his[slot]!.hops;
        rttUs = sim.now - his[slot]!.sent;
        his[slot]!.hops = 0;
        // an answer to an earlier probe read now: its timing is the kernel's race, not modelled
        if (slot !== current) unmodelled ??= 'tracepath answers that arrive after their probe was given up';
      }
      const e: TraceErr = { ...m.err, sndhops, rttUs, rethops: m.ttl };
      lines.push({ kind: 'err', ttl, err: e });
      if (e.errno === 'EMSGSIZE') {
        mtu = e.info;
        progress = mtu;
      } else if (e.errno === 'ECONNREFUSED') {
        hopsTo = sndhops < 0 ? ttl : sndhops;
        hopsFrom = m.ttl <= 64 ? 65 - m.ttl : m.ttl <= 128 ? 129 - m.ttl : 256 - m.ttl;
        return 0;
      } else if (ends(e)) {
        return 0;
      }
    }
  };

  /** sendto(): the probe out, or its local error queued (EMSGSIZE) and false. */
  const sendto = (): boolean => {
    const res = routeOutput(st, { dst, src: 0, oif: null });
    if (!res.ok) return false;
    const total = mtu;
    const pmtu = pathMtu(from, res.rt.daddr, res.rt.route, res.rt.dev, sim.now);
    if (total > pmtu) {
      // ip_local_error: the port of an unconnected socket is 0, and no payload comes back
      queue.push({ err: { origin: 'local', errno: 'EMSGSIZE', type: 0, code: 0, info: pmtu, from: 0 }, port: 0, ttl: -1 });
      return false;
    }
    const payload = mtu - OVERHEAD;
    const pkt: IpPacket = {
      ip: { src: res.rt.saddr, dst, ttl, protocol: IP_PROTO.udp, id: st.nextIpId(), tos: 0, df: true, payloadLen: UDP_HEADER_LEN + payload },
      icmp: null,
      udp: { srcPort: sport, dstPort: o.basePort + hisptr, payloadLen: payload },
      inner: null,
    };
    ipOutput(sim, st, pkt, res.rt);
    return true;
  };

  /** probe_ttl() */
  const probeTtl = (): number => {
    let i = 0;
    restart: for (;;) {
      for (i = 0; i < 10; i++) {
        his[hisptr] = { hops: ttl, sent: sim.now };
        current = hisptr;
        if (sendto()) break;
        const res = recverr();
        his[hisptr]!.hops = 0;
        if (res === 0) return 0;
        if (res > 0) continue restart;
      }
      break;
    }
    hisptr = (hisptr + 1) & (HIS - 1);
    if (i < 10) {
      // data_wait: select() for a second, woken by the first error
      sim.runUntil(sim.now + 1_000_000, () => queue.length > 0);
      sim.runUntil(sim.now);
      return recverr();
    }
    lines.push({ kind: 'send-failed', ttl });
    return 0;
  };

  st.sockets.push(sock);
  let done = false;
  try {
    for (ttl = 1; ttl <= o.maxHops && !done; ttl++) {
      let res = -1;
      restart: for (;;) {
        for (let i = 0; i < 3; i++) {
          const old = mtu;
          res = probeTtl();
          if (mtu !== old) continue restart;
          if (res === 0) {
            done = true;
            break restart;
          }
          if (res > 0) break;
        }
        break;
      }
      if (!done && res < 0) lines.push({ kind: 'no-reply', ttl });
      if (done) break;
    }
  } finally {
    const k = st.sockets.indexOf(sock);
    if (k >= 0) st.sockets.splice(k, 1);
  }
  return { lines, mtu, tooMany: !done, hopsTo, hopsFrom, ...(unmodelled ? { unmodelled } : {}) };
}
