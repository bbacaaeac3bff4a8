/**
 * ping's timing rules (iputils 20221126, ping/ping_common.c main_loop, pinger,
 * __schedule_exit), in virtual time:
 * - a probe goes out at once and then every `interval` (`-i 0`: as soon as the last one is
 *   answered, else after MININTERVAL);
 * - with -c and no -w: after the last probe ping waits `-W` (linger, default 10 s) if nothing
 *   came back yet, else max(2 × the slowest RTT, interval); it stops as soon as replies plus
 *   errors reach the count;
 * - with -w: probes continue until the deadline, ping stops at the first error or once the count
 *   of replies arrived;
 * - -A (update_interval): from the first reply on, the interval is the RTT's moving average
 *   rounded to whole ms, so a fast network is pinged as with `-i 0`.
 * Only when to send, read and stop is decided here; what a message means is ping-tally.ts's.
 */
import { timerWheelUs } from './params.js';
import type { PingMsg, PingTally } from './ping-tally.js';
import type { Simulator } from './simulator.js';

export interface PingTiming {
  /** virtual µs when ping started */
  t0: number;
  /** -c (0: no limit) */
  count: number;
  /** -w in seconds (0: none) */
  deadline: number;
  /** -i in µs */
  intervalUs: number;
  /** -W in µs */
  lingerUs: number;
  /** -O: pinger notes an unanswered previous probe before it sends the next */
  outstanding?: boolean;
  /** -A: the interval adapts to the replies' RTT */
  adaptive?: boolean;
}

/**
 * Runs ping until it would exit. `send` transmits one probe; `inbox` is what the socket queued
 * since it was last read. Answers when the last probe went out and whether ping would wait
 * forever (nothing left to happen and no timer: `-W 0` without an answer).
 */
export function runPingLoop<A>(sim: Simulator, tm: PingTiming, tally: PingTally<A>, send: () => void, inbox: PingMsg<A>[]): { lastSend: number; hung: boolean } {
  const { t0, count, deadline, lingerUs } = tm;
  let intervalUs = tm.intervalUs;
  let alarmAt = deadline ? t0 + deadline * 1_000_000 : Infinity;
  let exitArmed = false;
  let nextSend = t0;
  let lastSend = t0;
  let exiting = false;
  let hung = false;
  for (;;) {
    if (exiting) break;
    if (count && tally.nreceived + tally.nerrors >= count) break;
    if (deadline && tally.nerrors) break;
    const doneSending = () => !!count && tally.ntransmitted >= count && !deadline;
    // update_interval: est = rtt/8 µs, interval = (est + 500) / 1000 ms
    if (tm.adaptive && tally.nreceived) intervalUs = Math.trunc((Math.trunc(tally.rttEwma / 8) + 500) / 1000) * 1000;
    if (!intervalUs) {
      // -i 0: the next probe as soon as the last one is answered, else after MININTERVAL
      const inFlight = (tally.ntransmitted - tally.acked) & 0xffff;
      nextSend = tally.ntransmitted === 0 || (inFlight <= 0x7fff ? inFlight : tally.ntransmitted - tally.nreceived - tally.nerrors) === 0 ? sim.now : lastSend + 10_000;
    }
    if (!doneSending() && sim.now >= nextSend) {
      if (tm.outstanding) tally.noteOutstanding(sim.now);
      send();
      lastSend = sim.now;
      // ping sleeps in recvmsg with SO_RCVTIMEO = interval, a jiffies timer: it wakes late,
      // and iputils' token bucket (preload 1) does not make up for it
      nextSend = sim.now + (intervalUs > 0 ? timerWheelUs(intervalUs) : 10_000);
    }
    if (doneSending() && !exitArmed) {
      exitArmed = true;
      const wait = tally.nreceived ? Math.max(2 * tally.tmax, intervalUs) : lingerUs;
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
      for (const m of inbox) tally.handle(m);
      inbox.length = 0;
    } else if (sim.now >= alarmAt) {
      exiting = true;
    }
  }
  return { lastSend, hung };
}
