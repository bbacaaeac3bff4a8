/**
 * iputils tracepath (20221126) against the simulator: a UDP socket with PMTU discovery on
 * (IP_PMTUDISC_DO / IPV6_PMTUDISC_DO), the error queue and the answers' TTL or hop limit sends
 * probes of the current MTU to ports from 44444 up with TTL 1, 2, …; each answer is read from
 * the error queue. The two families differ only in their socket (tracepath-socket.ts). The probe loop (main,
 * probe_ttl, recverr) is the program's own, step for step; what comes back is what the simulated
 * network does. The result is data — one entry per line tracepath prints; its words are
 * src/programs/tracepath.ts's.
 */
import type { Ip4 } from '../src/model/ip.js';
import type { Ip6 } from '../src/model/ipv6/ip6.js';
import type { Netns } from '../src/model/netns.js';
import type { Simulator } from './simulator.js';
import { traceSocket4, traceSocket6, type Queued } from './tracepath-socket.js';

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
  /** SO_EE_ORIGIN_LOCAL (EMSGSIZE on send) or an ICMP (ICMPv6) message from `from` */
  origin: 'local' | 'icmp';
  errno: string;
  /** an ICMP "time exceeded in transit" (type 11 code 0; ICMPv6 type 3 code 0) */
  timeExceeded: boolean;
  /** ee_info: the MTU of an EMSGSIZE */
  info: number;
  /** the sender, as tracepath prints it */
  from: string;
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

/** What recverr() does with one error: whether the run ends here (0) or goes on. */
function ends(e: TraceErr): boolean {
  if (e.errno === 'ETIMEDOUT' || e.errno === 'EMSGSIZE') return false;
  if (e.errno === 'EHOSTUNREACH') return !(e.origin === 'icmp' && e.timeExceeded);
  return true;
}

/** Runs tracepath from `from` to `dst` (an IPv4 or IPv6 address) in virtual time. */
export function tracepath(sim: Simulator, from: Netns, dst: Ip4 | Ip6, o: TracepathOptions): TracepathResult {
  sim.sync();
  const lines: TraceLine[] = [];
  const his: { hops: number; sent: number }[] = Array.from({ length: HIS }, () => ({ hops: 0, sent: 0 }));
  let hisptr = 0;
  let mtu = o.mtu;
  let ttl = 1;
  let hopsTo = -1;
  let hopsFrom = -1;
  let unmodelled: string | undefined;
  const queue: Queued[] = [];
  let current = -1;
  const sock = typeof dst === 'bigint' ? traceSocket6(sim, from, dst, queue) : traceSocket4(sim, from, dst, queue);

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
      // an ICMP answer names its probe by port; so does an IPv6 local error (ipv6_local_error keeps the port)
      if ((m.err.origin === 'icmp' || m.port > 0) && slot >= 0 && slot < HIS - 1 && his[slot]!.hops) {
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
  const sendto = (): boolean => sock.send(ttl, mtu, o.basePort + hisptr);

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
    sock.close();
  }
  return { lines, mtu, tooMany: !done, hopsTo, hopsFrom, ...(unmodelled ? { unmodelled } : {}) };
}
