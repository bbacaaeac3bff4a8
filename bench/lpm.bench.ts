/**
 * LPM benchmark: fixed workload, seeded PRNG.
 *
 *   npx tsx bench/lpm.bench.ts
 *
 * Builds a table of 1,000,000 distinct random prefixes (plus a default route) whose lengths follow
 * a real-table-like mix, then times 2e7 lookups of uniformly random addresses. Repeats 5 times
 * (fresh build each time) and prints one JSON line:
 *   { name, routes, lookupsPerSec (median), min, max, buildMs (median), ... }
 * Extra fields: lookupLen throughput, memory of the large table, per-instance cost and lookup
 * throughput of a small (namespace-sized) table.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { Lpm } from '../sim/lpm.js';

const ROUTES = 1_000_000;
const LOOKUPS = 20_000_000;
const RUNS = 5;
const SEED = 0x5eed1234;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Length mix, per mille. Roughly a 2020s global table (about 60% /24, the rest mostly /16-/23),
 * with a few percent of very short and of host-ish routes as a simulator FIB also carries.
 */
const LEN_WEIGHTS: [number, number][] = [
  [8, 1],
  [9, 1],
  [10, 1],
  [11, 2],
  [12, 3],
  [13, 3],
  [14, 4],
  [15, 5], // /8-/15: 2%
  [16, 25],
  [17, 15],
  [18, 25],
  [19, 40],
  [20, 50],
  [21, 55],
  [22, 90],
  [23, 50], // /16-/23: 35%
  [24, 590], // /24: 59%
  [25, 6],
  [26, 6],
  [27, 5],
  [28, 5],
  [29, 5],
  [30, 5],
  [31, 2],
  [32, 6], // /25-/32: 4%
];
const LEN_TABLE: number[] = LEN_WEIGHTS.flatMap(([len, w]) => new Array<number>(w).fill(len));

function maskOf(len: number): number {
  return len === 0 ? 0 : -1 << (32 - len);
}

/** The route list: [prefix, len] pairs, distinct, in random order; value = index. */
function makeRoutes(): { prefixes: Uint32Array; lens: Uint8Array } {
  const rnd = prng(SEED);
  const seen = new Set<number>();
  const prefixes = new Uint32Array(ROUTES);
  const lens = new Uint8Array(ROUTES);
  prefixes[0] = 0;
  lens[0] = 0;
  seen.add(0);
  let n = 1;
  while (n < ROUTES) {
    const len = LEN_TABLE[rnd() % LEN_TABLE.length]!;
    const p = (rnd() & maskOf(len)) >>> 0;
    const key = p * 64 + len;
    if (seen.has(key)) continue;
    seen.add(key);
    prefixes[n] = p;
    lens[n] = len;
    n++;
  }
  return { prefixes, lens };
}

function build(r: { prefixes: Uint32Array; lens: Uint8Array }): Lpm<number> {
  const t = new Lpm<number>();
  const { prefixes, lens } = r;
  for (let i = 0; i < prefixes.length; i++) t.insert(prefixes[i]!, lens[i]!, i);
  return t;
}

function timeLookups(t: Lpm<number>, addrs: Uint32Array): { perSec: number; acc: number } {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < addrs.length; i++) {
    const v = t.lookup(addrs[i]!);
    if (v !== undefined) acc = (acc + v) | 0;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  return { perSec: (addrs.length / ns) * 1e9, acc };
}

function timeLookupLen(t: Lpm<number>, addrs: Uint32Array): number {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < addrs.length; i++) acc += t.lookupLen(addrs[i]!);
  const ns = Number(process.hrtime.bigint() - t0);
  if (acc === 42) console.error('');
  return (addrs.length / ns) * 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function memNow(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Cost of namespace-sized tables: 10,000 tables of 6 routes each. */
function smallTables(): { bytesPerTable: number; lookupsPerSec: number } {
  const N = 10_000;
  const make = (i: number): Lpm<number> => {
    const t = new Lpm<number>();
    t.insert(0, 0, 1); // default via gateway
    t.insert(0x0a000000 + (i << 8), 24, 2); // connected /24
    t.insert(0x0a000001 + (i << 8), 32, 3); // local address
    t.insert(0x7f000000, 8, 4); // loopback
    t.insert(0xac100000, 12, 5);
    t.insert(0xc0a80000 + (i & 0xff00), 24, 6);
    return t;
  };
  const keep: Lpm<number>[] = [];
  const before = memNow();
  for (let i = 0; i < N; i++) keep.push(make(i));
  const bytesPerTable = (memNow() - before) / N;

  const t = keep[7]!;
  const rnd = prng(SEED + 1);
  const addrs = new Uint32Array(1 << 20);
  for (let i = 0; i < addrs.length; i++) {
    // Half local traffic (10.0.7.0/24 etc.), half random.
    addrs[i] = i & 1 ? rnd() : (0x0a000700 | (rnd() & 0x1ff)) >>> 0;
  }
  let best = 0;
  for (let r = 0; r < 5; r++) best = Math.max(best, timeLookups(t, addrs).perSec);
  keep.length = 0;
  return { bytesPerTable, lookupsPerSec: best };
}

function main(): void {
  const routes = makeRoutes();
  const rnd = prng(SEED ^ 0xabcdef);
  const addrs = new Uint32Array(LOOKUPS);
  for (let i = 0; i < LOOKUPS; i++) addrs[i] = rnd();

  const rates: number[] = [];
  const lenRates: number[] = [];
  const builds: number[] = [];
  let checksum = 0;
  let size = 0;
  let memBytes = 0;
  let stats = new Lpm<number>().stats();
  let t: Lpm<number> | null = null;
  for (let run = 0; run < RUNS; run++) {
    t = null; // let the previous table go before measuring
    const before = memNow();
    const t0 = process.hrtime.bigint();
    t = build(routes);
    builds.push(Number(process.hrtime.bigint() - t0) / 1e6);
    memBytes = memNow() - before;
    size = t.size;
    stats = t.stats();
    const r = timeLookups(t, addrs);
    rates.push(r.perSec);
    checksum = r.acc;
    lenRates.push(timeLookupLen(t, addrs));
  }

  // Incremental updates on the large table: remove and re-insert 100k routes.
  t = build(routes);
  const K = 100_000;
  const u0 = process.hrtime.bigint();
  for (let i = 1; i <= K; i++) t.remove(routes.prefixes[i]!, routes.lens[i]!);
  for (let i = 1; i <= K; i++) t.insert(routes.prefixes[i]!, routes.lens[i]!, i);
  const updateNsPerOp = Number(process.hrtime.bigint() - u0) / (2 * K);
  if (t.size !== size) throw new Error('update round trip changed the size');

  t = null;
  const small = smallTables();

  console.log(
    JSON.stringify({
      name: 'lpm',
      routes: size,
      lookupsPerSec: round(median(rates)),
      min: round(Math.min(...rates)),
      max: round(Math.max(...rates)),
      buildMs: round(median(builds), 1),
      lookups: LOOKUPS,
      runs: RUNS,
      lookupLenPerSec: round(median(lenRates)),
      updateNsPerOp: round(updateNsPerOp),
      memoryMiB: round(memBytes / 2 ** 20, 1),
      tableMiB: round(stats.tableBytes / 2 ** 20, 1),
      tbl8Blocks: stats.blocks,
      smallTableBytes: round(small.bytesPerTable),
      smallLookupsPerSec: round(small.lookupsPerSec),
      checksum,
    }),
  );
}

main();
