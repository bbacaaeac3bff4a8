/**
 * Service reachability in a k8s lab with kube-proxy's rules (issue 16, item 7): k8sLab with
 * NODES nodes × PODS pods and SERVICES Services (ClusterIP 10.96.x.y:80 → three pods' 8080,
 * all listening), and every pod → every Service asked with `portReach` (`nettwin reach
 * --proto tcp --port 80`): the fast path runs the event engine (TCP handshake through
 * netfilter and conntrack, one fresh simulator per run) once per class of twin pods and
 * destination (sim/reach/l4-fast.ts). The lab is built once (not timed). When the fast path
 * would take longer than BUDGET seconds (estimated from its first destinations), only the
 * first destinations are timed and the all-pairs time extrapolated (`measured: "sample"`);
 * otherwise all pairs are run (`measured: "all"`). SAMPLE pairs are also asked one by one of
 * `probePort` (`engineUsPerPair`: what every pair cost before the fast path).
 *
 *   node --import tsx bench/reach-k8s-services.bench.ts [NODES PODS SERVICES SAMPLE BUDGET]
 */
import { k8sLab } from '../src/lab.js';
import { probePort } from '../sim/reach/l4.js';
import { portReach } from '../sim/reach/port-reach.js';
import { parseIp4 } from '../src/model/ip.js';
import type { K8sService } from '../src/presets/k8s-services.js';
import { round } from './labs.js';

const nodes = Number(process.argv[2] ?? 100);
const pods = Number(process.argv[3] ?? 100);
const nServices = Number(process.argv[4] ?? 1000);
const sample = Number(process.argv[5] ?? 2000);
const budget = Number(process.argv[6] ?? 60);

const podAddr = (k: number) => `10.244.${(k % nodes) + 1}.${(Math.floor(k / nodes) % pods) + 2}`;
const services: K8sService[] = [];
for (let s = 0; s < nServices; s++) {
  services.push({ name: `svc${s}`, clusterIP: `10.96.${s >> 8}.${(s & 255) + 1}`, port: 80, targetPort: 8080, endpoints: [0, 1, 2].map((e) => podAddr(s * 3 + e)) });
}
let t = performance.now();
const lab = k8sLab({ nodes, podsPerNode: pods, services });
for (let n = 1; n <= nodes; n++) lab.twin.run(`node${n}`, Array.from({ length: pods }, (_, p) => `ip netns exec pod${p + 1} nc -lk 8080 &`).join('\n'));
const buildMs = performance.now() - t;
const sources = lab.model.namespaces().filter((ns) => ns.name !== null);
const dsts = services.map((s) => parseIp4(s.clusterIP)!);
const pairs = sources.length * dsts.length;

// the engine, pair by pair, on a sample spread over the matrix
const n = Math.min(sample, pairs);
t = performance.now();
for (let i = 0; i < n; i++) {
  const k = Math.floor((i * pairs) / n);
  probePort(lab.model, sources[Math.floor(k / dsts.length)]!, dsts[k % dsts.length]!, 'tcp', 80);
}
const engineUsPerPair = ((performance.now() - t) * 1000) / Math.max(1, n);

// the fast path on a few destinations decides whether all of them fit the budget
const first = Math.min(dsts.length, 10);
t = performance.now();
portReach(lab.model, sources, dsts.slice(0, first), 'tcp', 80);
const estimateMs = ((performance.now() - t) / first) * dsts.length;
const all = estimateMs <= budget * 1000;
const used = all ? dsts : dsts.slice(0, Math.max(first, Math.floor((dsts.length * budget * 1000) / estimateMs)));
const c0 = process.cpuUsage();
t = performance.now();
const r = portReach(lab.model, sources, used, 'tcp', 80);
const wallMs = performance.now() - t;
const cpu = process.cpuUsage(c0);
const counts: Record<string, number> = {};
for (const p of r.probes) counts[p.answer] = (counts[p.answer] ?? 0) + 1;
const run = sources.length * used.length;
const perPairUs = (wallMs * 1000) / run;
console.log(
  JSON.stringify({
    name: 'reach-k8s-services',
    nodes,
    podsPerNode: pods,
    services: nServices,
    pairs,
    measured: all ? 'all' : 'sample',
    pairsRun: run,
    engineRuns: r.engineRuns,
    answers: counts,
    wallMs: round(wallMs),
    cpuMs: round((cpu.user + cpu.system) / 1000),
    perPairUs: round(perPairUs),
    allPairsSeconds: round((perPairUs * pairs) / 1e6),
    targetSeconds: 10,
    engineUsPerPair: round(engineUsPerPair),
    engineAllPairsSeconds: round((engineUsPerPair * pairs) / 1e6),
    buildMs: Math.round(buildMs),
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
