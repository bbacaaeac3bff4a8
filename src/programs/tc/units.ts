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

/** get_size: bytes from `1540`, `10k`, `10kb`, `32kbit`, `1mb`, `1mbit`, `1g`; null when it is not one. */
export function parseSize(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([a-zA-Z]*)$/.exec(s);
  if (!m) return null;
  const scale: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, kbit: 128, mbit: 131072, gbit: 134217728 };
  const f = scale[m[2]!.toLowerCase()];
  if (f === undefined) return null;
  const v = Number(m[1]) * f;
  // get_size refuses what does not fit an unsigned int
  if (v >= 2 ** 32) return null;
  return Math.floor(v);
}

/** get_size_and_cell: a size with an optional `/CELL` (a power of two). */
export function parseSizeCell(s: string): number | null {
  const [size, cell, ...more] = s.split('/');
  if (more.length) return null;
  if (cell !== undefined && !/^\d+$/.test(cell)) return null;
  if (cell !== undefined && !Array.from({ length: 32 }, (_, i) => 2 ** i).includes(Number(cell))) return null;
  return parseSize(size!);
}

/** sprint_size: `4Kb`, `1540b`, `2Mb` (within 16 bytes of a KiB, 1 KiB of a MiB). */
export function formatSize(bytes: number): string {
  const sz = Math.trunc(bytes) >>> 0;
  const mega = 1024 * 1024;
  if (sz >= mega && Math.abs(mega * Math.round(sz / mega) - sz) < 1024) return `${Math.round(sz / mega)}Mb`;
  if (sz >= 1024 && Math.abs(1024 * Math.round(sz / 1024) - sz) < 16) return `${Math.round(sz / 1024)}Kb`;
  return `${sz}b`;
}

/** tc_core's tick: /proc/net/psched's 1000/64 (a 64 ns tick), as tc reads it. */
const TICK_IN_USEC = 1000 / 64;

/** tc_calc_xmittime: the ticks `size` bytes take at `rate` bytes a second (unsigned truncations as tc's). */
export function xmitTicks(rateBytes: number, size: number): number {
  const us = Math.trunc((1_000_000 * size) / rateBytes) >>> 0;
  return Math.trunc(us * TICK_IN_USEC) >>> 0;
}

/** tc_core_tick2time. */
export function tickToUs(ticks: number): number {
  return Math.trunc(ticks / TICK_IN_USEC);
}

/** tc_calc_xmitsize: bytes sent in `ticks` at `rate`. */
export function xmitSize(rateBytes: number, ticks: number): number {
  return (rateBytes * tickToUs(ticks)) / 1_000_000;
}
