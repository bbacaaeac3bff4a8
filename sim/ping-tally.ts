/**
 * What ping does with what its socket reads: iputils' counters and statistics
 * (ping/ping_common.c acknowledge, gather_statistics, finish). Each message becomes an event
 * (a reply with its round trip and DUP/different-source marks, an ICMP error, a redirect) as
 * data; the ping program words them. The timing loop (ping-loop.ts) reads the counters here to
 * decide when to send and when to stop.
 */
import type { Ip4 } from '../src/model/ip.js';
import type { IcmpErrorRepr } from './wire/icmp.js';

/** The error an ICMP or ICMPv6 message reports, as far as the tally reads it. */

/** What a finished ping counted and printed at its end (finish()), the same for IPv4 and IPv6. */
export interface PingStatistics {
  /** the header shows `from SRC DEV:` (a bound device or source) */
  bound: boolean;
  device: string | null;
  size: number;
  transmitted: number;
  received: number;
  errors: number;
  duplicates: number;
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

export interface PingErr {
  type: number;
  code: number;
  /** the redirect's gateway (IPv4), a packet-too-big MTU (IPv6), else 0 */
  info: number;
}

/** What the socket hands over: an echo reply, a quoted probe, an error-queue entry, a redirect. `A`: the family's address. */
export type PingMsg<A = Ip4> =
  | { kind: 'reply'; t: number; seq: number; ttl: number; from: A; sentAt: number; dataLen: number; rr?: readonly Ip4[] }
  | { kind: 'ack'; t: number; seq: number }
  | { kind: 'error'; t: number; seq: number; from: A; err: PingErr }
  | { kind: 'redirect'; t: number; seq: number; from: A; err: IcmpErrorRepr };

/** What ping prints a line for, as data (iputils' words: src/programs/ping). */
export type PingEvent<A = Ip4> =
  | { kind: 'reply'; t: number; seq: number; ttl: number; from: A; timeUs: number | null; bytes: number; dup: boolean; wrongSource: boolean; rr?: readonly Ip4[] }
  | { kind: 'error'; t: number; seq: number; from: A; type: number; code: number; info: number }
  | { kind: 'redirect'; t: number; seq: number; from: A; gateway: Ip4; code: number };

/** iputils' per-run counters, named as ping_common.c names them. `A`: the family's address. */
export class PingTally<A = Ip4> {
  ntransmitted = 0;
  nreceived = 0;
  nerrors = 0;
  nrepeats = 0;
  acked = 0;
  pipesize = -1;
  tmin = Infinity;
  tmax = 0;
  tsum = 0;
  tsum2 = 0;
  rttEwma = 0;
  readonly events: PingEvent<A>[] = [];
  /** -O: the probes found unanswered when the next one went out (pinger's `no answer yet`) */
  readonly outstanding: { t: number; seq: number }[] = [];
  private readonly rcvd = new Set<number>();

  /**
   * @param timing whether replies carry a send time (data of at least 16 bytes)
   * @param multicast whether a reply from another address is expected (no DIFFERENT ADDRESS mark)
   * @param whereto the address probes go to
   * @param same whether a reply's source is `whereto` (IPv6 compares the address, not its scope)
   * @param ackErrors whether an error acknowledges its probe (IPv4's receive_error_msg does, IPv6's does not)
   */
  constructor(
    private readonly timing: boolean,
    private readonly multicast: boolean,
    private readonly whereto: A,
    private readonly same: (a: A, b: A) => boolean = (a, b) => a === b,
    private readonly ackErrors = true,
  ) {}

  /** The next probe's sequence number, counted as transmitted (pinger). */
  sent(): number {
    const seq = (this.ntransmitted + 1) & 0xffff;
    this.rcvd.delete(seq);
    this.ntransmitted++;
    if (((this.ntransmitted & 0xffff) - this.acked) & 0x8000) this.acked = (this.ntransmitted + 1) & 0xffff;
    return seq;
  }

  /** pinger with -O: the last probe sent has no reply yet (rcvd_test), noted at time `t`. */
  noteOutstanding(t: number): void {
    const seq = this.ntransmitted & 0xffff;
    if (this.ntransmitted > 0 && !this.rcvd.has(seq)) this.outstanding.push({ t, seq });
  }

  private acknowledge(seq: number): void {
    const diff = (this.ntransmitted - seq) & 0xffff;
    if (diff <= 0x7fff) {
      if (diff + 1 > this.pipesize) this.pipesize = diff + 1;
      const d = (seq - this.acked) & 0xffff;
      if ((d !== 0 && d < 0x8000) || ((this.ntransmitted - this.acked) & 0xffff) > 0x7fff) this.acked = seq;
    }
  }

  handle(m: PingMsg<A>): void {
    if (m.kind === 'reply') {
      this.nreceived++;
      this.acknowledge(m.seq);
      let trip: number | null = null;
      if (this.timing) {
        trip = Math.max(0, m.t - m.sentAt);
        this.tsum += trip;
        this.tsum2 += trip * trip;
        if (trip < this.tmin) this.tmin = trip;
        if (trip > this.tmax) this.tmax = trip;
        this.rttEwma = this.rttEwma ? this.rttEwma + trip - Math.trunc(this.rttEwma / 8) : trip * 8;
      }
      let dup = false;
      if (this.rcvd.has(m.seq)) {
        this.nrepeats++;
        this.nreceived--;
        dup = true;
      } else {
        this.rcvd.add(m.seq);
      }
      const wrongSource = !this.multicast && !this.same(m.from, this.whereto);
      this.events.push({ kind: 'reply', t: m.t, seq: m.seq, ttl: m.ttl, from: m.from, timeUs: trip, bytes: m.dataLen + 8, dup, wrongSource, ...(m.rr ? { rr: m.rr } : {}) });
    } else if (m.kind === 'ack') {
      this.acknowledge(m.seq);
    } else if (m.kind === 'error') {
      if (this.ackErrors) this.acknowledge(m.seq);
      this.nerrors++;
      this.events.push({ kind: 'error', t: m.t, seq: m.seq, from: m.from, type: m.err.type, code: m.err.code, info: m.err.info });
    } else {
      this.events.push({ kind: 'redirect', t: m.t, seq: m.seq, from: m.from, gateway: m.err.info, code: m.err.code });
    }
  }

  /** finish()'s rtt line: min/avg/max/mdev in µs, or null when nothing timed came back. */
  rtt(): { minUs: number; avgUs: number; maxUs: number; mdevUs: number } | null {
    if (!this.nreceived || !this.timing) return null;
    const total = this.nreceived + this.nrepeats;
    const avg = Math.trunc(this.tsum / total);
    const tmvar = this.tsum < 2147483647 ? Math.trunc((this.tsum2 - Math.trunc((this.tsum * this.tsum) / total)) / total) : Math.trunc(this.tsum2 / total - avg * avg);
    return { minUs: this.tmin, avgUs: avg, maxUs: this.tmax, mdevUs: llsqrt(tmvar) };
  }

  /** finish()'s ipg/ewma figures, printed only for `-i 0` runs with replies. */
  ipg(elapsedUs: number, intervalUs: number): { ipgUs: number; ewmaUs: number } | null {
    return this.nreceived && !intervalUs && this.ntransmitted > 1 ? { ipgUs: Math.trunc(elapsedUs / (this.ntransmitted - 1)), ewmaUs: Math.trunc(this.rttEwma / 8) } : null;
  }
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
