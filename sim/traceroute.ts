/**
 * Modern traceroute for Linux (2.1.x) against the simulator: the probe loop of traceroute.c —
 * do_it, get_timeout, check_expired, recv_reply's bookkeeping — step for step on the virtual
 * clock, over a transport that sends one probe and queues what comes back (UDP probes to
 * ports from 33434 up, one connected socket each; or ICMP echoes on one raw socket:
 * sim/traceroute-probe4.ts). Up to `simProbes` probes are out at once, so which of them a router
 * answers is decided by its ICMP rate limit (sim/rate-limit.ts), as on the kernel. The result is
 * data, one entry per probe; the words are src/programs/traceroute/'s.
 */
import type { Simulator } from './simulator.js';

export interface TracerouteOptions {
  firstHop: number;
  maxHops: number;
  /** -q */
  perHop: number;
  /** -N (16) */
  simProbes: number;
  /** -w MAX,HERE,NEAR, in µs and factors (5 s, 3, 10) */
  waitUs: number;
  here: number;
  near: number;
}

/** What came back for one probe (recv_reply): the offender, its TTL, and the ICMP type and code, or a final reply. */
export interface ProbeAnswer {
  /** the probe's key (the UDP destination port, or the echo sequence) */
  key: number;
  t: number;
  from: string;
  ttl: number;
  /** an ICMP error, or null for the destination's own answer (an echo reply) */
  icmp: { type: number; code: number; info: number } | null;
}

/** The probes' way out and back. */
export interface ProbeTransport {
  /** sends a probe with this TTL; its key, or a failure the program reports (connect's errno, fatal) */
  send(ttl: number): { key: number } | { fatal: string };
  /** what arrived, in order, since the last call */
  take(): ProbeAnswer[];
  /** whether anything arrived (poll's wake-up) */
  pending(): boolean;
  /** classifies an ICMP error (parse_icmp_res): its annotation ('' when the destination answered), null for time exceeded */
  annotate(type: number, code: number, info: number): string | null;
}

/** One probe as traceroute keeps it. */
export interface Probe {
  /** µs; null while unsent; 'blocked' once its final answer moved to an earlier slot */
  sent: number | null | 'blocked';
  recv: number | null;
  done: boolean;
  final: boolean;
  res: string | null;
  recvTtl: number;
  err: string;
  key: number;
}

export interface TracerouteResult {
  /** the probes printed, in order (index / perHop + 1 is the hop) */
  printed: Probe[];
  /** a fatal error after the header (connect's errno) */
  fatal?: string;
}

const WAIT_PREC = 1000;

const fresh = (): Probe => ({ sent: null, recv: null, done: false, final: false, res: null, recvTtl: 0, err: '', key: -1 });
const ttl2hops = (x: number): number => (x <= 64 ? 65 : x <= 128 ? 129 : 256) - x;
const isSent = (p: Probe): boolean => p.sent !== null;

/** Runs the probe loop in virtual time; `onPrint` is called for each probe as traceroute prints it. */
export function traceroute(sim: Simulator, tr: ProbeTransport, o: TracerouteOptions, onPrint: (p: Probe, idx: number) => void): TracerouteResult {
  const num = o.maxHops * o.perHop;
  const probes: Probe[] = Array.from({ length: num }, fresh);
  const printed: Probe[] = [];
  const rtt = (p: Probe): number => (p.recv ?? 0) - (typeof p.sent === 'number' ? p.sent : 0);

  const getTimeout = (idx: number): number => {
    if (o.here) {
      const base = idx - (idx % o.perHop);
      for (let i = base; i < base + o.perHop; i++) {
        const p = probes[i]!;
        if (p.done && rtt(p) > 0) return Math.min((rtt(p) + WAIT_PREC) * o.here, o.waitUs);
      }
    }
    if (o.near) {
      for (let i = idx + 1; i < num && isSent(probes[i]!); i++) {
        const p = probes[i]!;
        if (p.done && rtt(p) > 0) return Math.min((rtt(p) + WAIT_PREC) * o.near, o.waitUs);
      }
    }
    return o.waitUs;
  };

  const checkExpired = (idx: number): void => {
    const pb = probes[idx]!;
    if (!pb.done) return;
    let pfp = false;
    for (let i = idx - (idx % o.perHop); i < idx; i++) {
      const p = probes[i]!;
      if (!p.done || !p.final) return;
      pfp = true;
    }
    let fi = -1;
    for (let i = idx + 1; i < num && isSent(probes[i]!); i++) {
      const p = probes[i]!;
      if (p.done) {
        if (!p.final) return;
        fi = i;
        break;
      }
    }
    if (fi < 0) return;
    const fp = probes[fi]!;
    // "answers for latest ones only" happens with unreachable errors, not with port unreachable
    if (!fp.err) return;
    const replace = (): void => {
      probes[idx] = { ...fp };
      probes[fi] = { ...fresh(), sent: 'blocked' };
    };
    if (pfp || (idx % o.perHop) + (fi - idx) < o.perHop) {
      replace();
      return;
    }
    for (let i = idx - 1; i >= 0; i--) {
      if (probes[i]!.res === fp.res) {
        replace();
        return;
      }
    }
    if (fp.recvTtl) {
      let back = ttl2hops(fp.recvTtl);
      for (let i = idx - 1; i >= 0; i--) {
        const p = probes[i]!;
        if (p.done && !p.final && p.recvTtl) {
          const hops = ttl2hops(p.recvTtl);
          if (hops < back) {
            back = back - hops + (Math.trunc(i / o.perHop) + 1);
            break;
          }
        }
      }
      if (back <= Math.trunc(idx / o.perHop) + 1) replace();
    }
  };

  /** recv_reply for everything the sockets hold (do_poll eats all that is pending). */
  const receive = (): void => {
    for (const a of tr.take()) {
      const idx = probes.findIndex((p) => p.key === a.key && typeof p.sent === 'number' && !p.done);
      if (idx < 0) continue;
      const pb = probes[idx]!;
      pb.recv = a.t;
      pb.recvTtl = a.ttl;
      pb.res = a.from;
      if (a.icmp) {
        const s = tr.annotate(a.icmp.type, a.icmp.code, a.icmp.info);
        if (s !== null) {
          pb.err = s;
          pb.final = true;
        }
      } else {
        pb.final = true;
      }
      pb.done = true;
    }
  };

  let start = (o.firstHop - 1) * o.perHop;
  let end = num;
  sim.sync();
  while (start < end) {
    let n: number;
    let inFlight = 0;
    let next = 0;
    const now = sim.now;
    for (n = start; n < end; n++) {
      const pb = probes[n]!;
      if (n === start && !pb.done && typeof pb.sent === 'number') {
        const expire = pb.sent + getTimeout(n);
        if (expire > now) next = expire;
        else {
          pb.done = true;
          checkExpired(n);
        }
      }
      const cur = probes[n]!;
      if (cur.done) {
        if (n === start) {
          onPrint(cur, n);
          printed.push(cur);
          start++;
        }
        if (cur.final) end = (Math.trunc(n / o.perHop) + 1) * o.perHop;
        continue;
      }
      if (cur.sent === null) {
        const r = tr.send(Math.trunc(n / o.perHop) + 1);
        if ('fatal' in r) return { printed, fatal: r.fatal };
        cur.sent = sim.now;
        cur.key = r.key;
      }
      if (!next) next = (cur.sent as number) + getTimeout(n);
      if (++inFlight >= o.simProbes) break;
    }
    if (next) {
      // poll() waits whole milliseconds, and returns at the first answer
      const ms = Math.max(0, Math.ceil((next - sim.now) / 1000));
      sim.runUntil(sim.now + ms * 1000, () => tr.pending());
      sim.runUntil(sim.now);
      receive();
    }
  }
  return { printed };
}
