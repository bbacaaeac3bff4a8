/**
 * Service reachability in a k8s lab with kube-proxy's rules (issue 16, item 7): k8sLab with
 * NODES nodes × PODS pods and SERVICES Services (ClusterIP 10.96.x.y:80 → three pods' 8080,
 * all listening), and every pod → every Service asked with `probePort` (the event engine:
 * TCP handshake through netfilter and conntrack, one fresh simulator per pair). The lab is
 * built once (not timed). When all pairs would take longer than BUDGET seconds, a sample of
 * SAMPLE pairs spread over the whole matrix is timed and the all-pairs time extrapolated from
 * it (`measured: "sample"`); otherwise all pairs are run (`measured: "all"`).
 *
 *   node --import tsx bench/reach-k8s-services.bench.ts [NODES PODS SERVICES SAMPLE BUDGET]
 */
import { k8sLab } from '../src/lab.js';
import { probePort } from '../sim/reach/l4.js';
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

function run(k: number): string {
  return probePort(lab.model, sources[Math.floor(k / dsts.length)]!, dsts[k % dsts.length]!, 'tcp', 80).answer;
}

// a first estimate decides whether all pairs fit the budget
const probe = Math.min(pairs, 200);
t = performance.now();
for (let i = 0; i < probe; i++) run(Math.floor((i * pairs) / probe));
const estimateMs = ((performance.now() - t) / probe) * pairs;
const all = estimateMs <= budget * 1000;
const n = all ? pairs : Math.min(sample, pairs);
const counts: Record<string, number> = {};
const c0 = process.cpuUsage();
t = performance.now();
for (let i = 0; i < n; i++) {
  const a = run(all ? i : Math.floor((i * pairs) / n));
  counts[a] = (counts[a] ?? 0) + 1;
}
const wallMs = performance.now() - t;
const cpu = process.cpuUsage(c0);
const perPairUs = (wallMs * 1000) / n;
console.log(
  JSON.stringify({
    name: 'reach-k8s-services',
    nodes,
    podsPerNode: pods,
    services: nServices,
    pairs,
    measured: all ? 'all' : 'sample',
    pairsRun: n,
    answers: counts,
    wallMs: round(wallMs),
    cpuMs: round((cpu.user + cpu.system) / 1000),
    perPairUs: round(perPairUs),
    allPairsSeconds: round((perPairUs * pairs) / 1e6),
    targetSeconds: 10,
    buildMs: Math.round(buildMs),
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
