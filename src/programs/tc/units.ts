/** tc's units (tc/tc_util.c): times, rates and percentages as tc reads and prints them. */

/** get_time: `100ms`, `1s`, `500us`, `10` (µs); null when it is not one. */
export function parseTimeUs(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)(s|sec|secs|ms|msec|msecs|us|usec|usecs|ns|nsec|nsecs)?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]);
  const unit = m[2] ?? 'us';
  const scale = unit.startsWith('ms') ? 1000 : unit.startsWith('us') ? 1 : unit.startsWith('ns') ? 0.001 : 1_000_000;
  return v * scale;
}

/** %.3g without an exponent for the values tc prints. */
function g3(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** sprint_time: `100ms`, `1.5s`, and whole microseconds below a millisecond (`249us`). */
export function formatTimeUs(us: number): string {
  if (us >= 1_000_000) return `${g3(us / 1_000_000)}s`;
  if (us >= 1000) return `${g3(us / 1000)}ms`;
  return `${Math.floor(us)}us`;
}

/** PSCHED_TICKS2NS(tc_core_time2tick(us)): the kernel keeps a time in 64 ns ticks, rounded down. */
export function inTicksUs(us: number): number {
  return (Math.floor((us * 1000) / 64) * 64) / 1000;
}

const RATE_UNITS: Record<string, number> = {
  bit: 1,
  kbit: 1e3,
  mbit: 1e6,
  gbit: 1e9,
  tbit: 1e12,
  kibit: 1024,
  mibit: 1024 ** 2,
  gibit: 1024 ** 3,
  tibit: 1024 ** 4,
  bps: 8,
  kbps: 8e3,
  mbps: 8e6,
  gbps: 8e9,
  tbps: 8e12,
};

/** get_rate64: bits a second (a bare number is bits); null when it is not a rate. */
export function parseRateBps(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?)([a-zA-Z]*)$/.exec(s);
  if (!m) return null;
  const scale = m[2] === '' ? 1 : RATE_UNITS[m[2]!.toLowerCase()];
  if (scale === undefined) return null;
  return Math.floor((Number(m[1]) * scale) / 8) * 8;
}

/** sprint_rate: `10Mbit`, `1500Kbit`, `64bit`. */
export function formatRate(bps: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let r = bps;
  let i = 0;
  for (; i < units.length - 1; i++) {
    if (r < 1000) break;
    if (r % 1000 !== 0 && r < 1_000_000) break;
    r /= 1000;
  }
  return `${Math.round(r)}${units[i]}bit`;
}

/** get_percent: `20%` or `20`; null when it is not one. */
export function parsePercent(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)%?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]);
  return v > 100 ? null : v;
}
