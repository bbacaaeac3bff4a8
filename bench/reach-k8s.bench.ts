/**
 * All pairs of the k8s lab (src/presets/k8s.ts, host-gw): 100 nodes × 100 pods by default
 * (10 100 sources × 10 200 destinations, about 10^8 pairs, 10^8 of them pod to pod).
 * Times `reachability(lab).matrix()` in process (the lab is built once, not timed), and
 * prints wall ms (median, min, max), CPU ms, pairs per second, heap and RSS.
 *
 *   node --import tsx bench/reach-k8s.bench.ts [NODES PODS RUNS]
 */
import { k8sLab } from '../src/lab.js';
import { reachability } from '../sim/reach/index.js';
import { stats } from './labs.js';

const nodes = Number(process.argv[2] ?? 100);
const pods = Number(process.argv[3] ?? 100);
const runs = Number(process.argv[4] ?? 3);
let t = performance.now();
const lab = k8sLab({ nodes, podsPerNode: pods });
const buildMs = performance.now() - t;
const wall: number[] = [];
const cpu: number[] = [];
let pairs = 0;
let reachable = 0;
let engine = 0;
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  t = performance.now();
  const r = reachability(lab.model, { track: false });
  r.matrix();
  wall.push(performance.now() - t);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  pairs = r.sources.length * r.destinations.length;
  reachable = r.reachableCount;
  engine = r.engineChecked;
}
const w = stats(wall);
console.log(
  JSON.stringify({
    name: 'reach-k8s',
    nodes,
    podsPerNode: pods,
    pairs,
    podPairs: (nodes * pods) ** 2,
    reachable,
    engineChecked: engine,
    wallMs: w,
    cpuMs: stats(cpu),
    pairsPerSec: Math.round(pairs / (w.median / 1000)),
    buildMs: Math.round(buildMs),
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
