/**
 * One route change, then one source against every destination again: on the k8s lab
 * (default 100 × 100, after a full all-pairs pass), node1's route to node2's pods is deleted
 * and put back alternately, and after each change `row(pod)` is asked for a pod of node1.
 * Prints the wall µs of change detection + recomputation + the row (median, min, max), after
 * 10 untimed changes (JIT warm-up, and the lazy path's first fill of the reply columns).
 *
 *   node --import tsx bench/reach-incremental.bench.ts [NODES PODS CHANGES]
 */
import { k8sLab } from '../src/presets/k8s.js';
import { reachability } from '../sim/reach/index.js';
import { stats } from './labs.js';

const nodes = Number(process.argv[2] ?? 100);
const pods = Number(process.argv[3] ?? 100);
const changes = Number(process.argv[4] ?? 21);
const lab = k8sLab({ nodes, podsPerNode: pods });
const r = reachability(lab.model);
r.matrix();
const row = r.sources.findIndex((ns) => ns.path === 'node1/pod1');
const node1 = lab.host('node1');
const times: number[] = [];
let lastCount = 0;
const WARMUP = 10;
for (let i = 0; i < changes + WARMUP; i++) {
  node1.sh(i % 2 === 0 ? 'ip route del 10.244.2.0/24' : 'ip route add 10.244.2.0/24 via 192.168.1.2 dev eth0');
  const t = performance.now();
  const out = r.row(row);
  if (i >= WARMUP) times.push((performance.now() - t) * 1000);
  lastCount = out.reduce((a, b) => a + b, 0);
}
console.log(JSON.stringify({ name: 'reach-incremental', nodes, podsPerNode: pods, destinations: r.destinations.length, changes, rowUs: stats(times), lastRowReachable: lastCount }));
