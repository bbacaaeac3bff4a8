/**
 * One route change, then one source against every destination again: on the k8s lab
 * (default 100 × 100), node1's route to node2's pods is deleted and put back alternately, and
 * after each change `row(pod)` is asked for a pod of node1. Two ways:
 * - after a full all-pairs pass (`matrix()`): `rowUs` times the row alone (change detection,
 *   recomputation and the row), `changeAndRowUs` the change (`sh('ip route …')`) and the row
 *   together;
 * - on a fresh `reachability` whose `matrix()` was never asked, the row asked once before the
 *   changes: `rowOnlyUs` (the row alone) and `rowOnlyChangeAndRowUs`.
 * Each prints median, min, max, after 10 untimed changes (JIT warm-up, and the lazy path's
 * first fill of the reply columns).
 *
 *   node --import tsx bench/reach-incremental.bench.ts [NODES PODS CHANGES]
 */
import { k8sLab } from '../src/lab.js';
import { reachability, type Reachability } from '../sim/reach/index.js';
import { stats } from './labs.js';

const nodes = Number(process.argv[2] ?? 100);
const pods = Number(process.argv[3] ?? 100);
const changes = Number(process.argv[4] ?? 21);
const lab = k8sLab({ nodes, podsPerNode: pods });
const node1 = lab.host('node1');
const WARMUP = 10;
let flip = 0;

/** Changes and rows on `r`: the row's µs, and the change's and row's µs together. */
function run(r: Reachability, row: number): { row: number[]; both: number[]; reachable: number } {
  const rowUs: number[] = [];
  const both: number[] = [];
  let reachable = 0;
  for (let i = 0; i < changes + WARMUP; i++) {
    const t0 = performance.now();
    node1.sh(flip++ % 2 === 0 ? 'ip route del 10.244.2.0/24' : 'ip route add 10.244.2.0/24 via 192.168.1.2 dev eth0');
    const t1 = performance.now();
    const out = r.row(row);
    const t2 = performance.now();
    if (i >= WARMUP) {
      rowUs.push((t2 - t1) * 1000);
      both.push((t2 - t0) * 1000);
    }
    reachable = out.reduce((a, b) => a + b, 0);
  }
  return { row: rowUs, both, reachable };
}

const r = reachability(lab.model);
r.matrix();
const row = r.sources.findIndex((ns) => ns.path === 'node1/pod1');
const withMatrix = run(r, row);

const fresh = reachability(lab.model);
fresh.row(row);
const rowOnly = run(fresh, row);

console.log(
  JSON.stringify({
    name: 'reach-incremental',
    nodes,
    podsPerNode: pods,
    destinations: r.destinations.length,
    changes,
    rowUs: stats(withMatrix.row),
    changeAndRowUs: stats(withMatrix.both),
    rowOnlyUs: stats(rowOnly.row),
    rowOnlyChangeAndRowUs: stats(rowOnly.both),
    lastRowReachable: withMatrix.reachable,
  }),
);
