/**
 * Virtual time, in integer microseconds since the simulator was made. Only the event queue moves
 * it; nothing in the simulator reads the wall clock (STYLE: time is passed in, as in smoltcp).
 */
export class Clock {
  private t = 0;

  /** Current virtual time in µs. */
  get now(): number {
    return this.t;
  }

  /** Moves time forward to `t` (never backward). */
  advanceTo(t: number): void {
    if (t > this.t) this.t = t;
  }
}

export const US_PER_MS = 1000;
export const US_PER_S = 1_000_000;
