/**
 * The forwarding engine's cost per packet: fixed workload, no wall clock in the simulation.
 *
 *   npx tsx bench/ping-engine.bench.ts [PROBES]
 *
 * Three routers' worth of hops (A → R1 → R2 → B), built through the model's Ops, then one ping
 * of PROBES probes (default 20 000, 10 ms apart on the virtual clock), timed 5 times. Prints one
 * JSON line: { name, probes, usPerProbe (median), min, max }.
 */
import { LabModel } from '../src/model/lab-model.js';
import { apply } from '../src/ops/apply.js';
import * as build from '../src/ops/build.js';
import { parseIp4 } from '../src/model/ip.js';
import { ping } from '../sim/ping.js';
import { Simulator } from '../sim/simulator.js';

const PROBES = Number(process.argv[2] ?? 20_000);
const RUNS = 5;

function lab(): { sim: Simulator; from: ReturnType<LabModel['addHost']>['root'] } {
  const model = new LabModel();
  const h = model.addHost('h');
  const root = { ns: h.root };
  for (const n of ['A', 'R1', 'R2', 'B']) apply(root, { op: 'netns.add', name: n });
  const ns = (n: string) => ({ ns: h.namespaces.get(n)! });
  apply(ns('A'), build.veth('va', 'r1a', 'R1'));
  apply(ns('R1'), build.veth('r1b', 'r2a', 'R2'));
  apply(ns('R2'), build.veth('r2b', 'vb', 'B'));
  const addr: [string, string, string][] = [
    ['A', 'va', '192.0.2.1/24'],
    ['R1', 'r1a', '192.0.2.254/24'],
    ['R1', 'r1b', '203.0.113.1/24'],
    ['R2', 'r2a', '203.0.113.2/24'],
    ['R2', 'r2b', '198.51.100.254/24'],
    ['B', 'vb', '198.51.100.1/24'],
  ];
  for (const [n, dev, cidr] of addr) {
    apply(ns(n), build.addr(dev, cidr));
    apply(ns(n), build.linkSet(dev, { up: true }));
  }
  apply(ns('A'), build.route('0.0.0.0/0', { via: '192.0.2.254' }));
  apply(ns('B'), build.route('0.0.0.0/0', { via: '198.51.100.254' }));
  for (const r of ['R1', 'R2']) apply(ns(r), { op: 'sysctl.set', key: 'net.ipv4.ip_forward', value: '1' });
  apply(ns('R1'), build.route('198.51.100.0/24', { via: '203.0.113.2', dev: 'r1b' }));
  apply(ns('R2'), build.route('192.0.2.0/24', { via: '203.0.113.1', dev: 'r2a' }));
  return { sim: new Simulator(model), from: h.namespaces.get('A')! };
}

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const { sim, from } = lab();
  const dst = parseIp4('198.51.100.1')!;
  if (ping(sim, from, dst, { count: 1 }).received !== 1) throw new Error('the bench lab does not answer');
  const t0 = performance.now();
  const r = ping(sim, from, dst, { count: PROBES, interval: 0.01 });
  const us = ((performance.now() - t0) * 1000) / PROBES;
  if (r.received !== PROBES) throw new Error(`${r.received} of ${PROBES} replies`);
  times.push(us);
}
times.sort((a, b) => a - b);
const round = (x: number) => Math.round(x * 100) / 100;
process.stdout.write(`${JSON.stringify({ name: 'ping-engine', probes: PROBES, usPerProbe: round(times[Math.floor(RUNS / 2)]!), min: round(times[0]!), max: round(times[RUNS - 1]!) })}\n`);
