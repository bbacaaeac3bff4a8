/**
 * The discrete-event queue: a binary min-heap ordered by (time, insertion order), so events at the
 * same instant run in the order they were scheduled and every run is reproducible.
 */
import type { Clock } from './clock.js';

export type EventFn = () => void;

interface Entry {
  time: number;
  seq: number;
  fn: EventFn;
}

export class EventQueue {
  private heap: Entry[] = [];
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest pending event, or Infinity. */
  peekTime(): number {
    return this.heap.length ? this.heap[0]!.time : Infinity;
  }

  /** Runs `fn` at virtual time `time` (µs; clamped to now). */
  at(time: number, fn: EventFn): void {
    this.push({ time: Math.max(time, this.clock.now), seq: this.seq++, fn });
  }

  /**
   * A run of events due at the same instant held in one entry: `step` runs one or more of them
   * and returns true while some remain, which puts the entry back with its own place in the
   * order — so the rest still run before anything the first ones scheduled, and `runUntil`'s
   * `stop()` is asked after each step as after separate events.
   */
  batch(delay: number, step: () => boolean): void {
    const e: Entry = { time: this.clock.now + delay, seq: this.seq++, fn: () => (step() ? this.push(e) : undefined) };
    this.push(e);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(e, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  /** Runs `fn` after `delay` µs. */
  after(delay: number, fn: EventFn): void {
    this.at(this.clock.now + delay, fn);
  }

  /**
   * Runs events due at or before `until`, advancing the clock to each; stops early, right after
   * an event, when `stop()` says so. Returns true if it stopped early. The clock ends at `until`
   * unless it stopped early.
   */
  runUntil(until: number, stop?: () => boolean): boolean {
    const h = this.heap;
    while (h.length && h[0]!.time <= until) {
      const e = this.pop();
      this.clock.advanceTo(e.time);
      e.fn();
      if (stop && stop()) return true;
    }
    this.clock.advanceTo(until);
    return false;
  }

  /** Drops every pending event. */
  clear(): void {
    this.heap = [];
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(h[r]!, h[l]!) ? r : l;
        if (!less(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
