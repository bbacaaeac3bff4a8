/**
 * The service-port fast path (sim/reach/l4-fast.ts) against the engine: every pair of a lab
 * asked both ways must get the same answer, errno and endpoint. On a k8s lab with kube-proxy's
 * Services (endpoints in the sources' own nodes, hairpin included), on random small k8s labs
 * with random rules that name pods, their veths (exact and `veth+`), ports and DNATs in nodes
 * and pods, and on the random labs with random rulesets of `nettwin/testing`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { k8sLab } from '../../../../src/lab.js';
import { parseIp4, type Ip4 } from '../../../../src/model/ip.js';
import type { LabModel } from '../../../../src/model/lab-model.js';
import type { Netns } from '../../../../src/model/netns.js';
import { configuredAddresses } from '../../../../src/cli/reach-l4.js';
import type { K8sService } from '../../../../src/presets/k8s-services.js';
import { arbitraries, toScript } from '../../../../src/testing/index.js';
import { Twin } from '../../../../src/twin/twin.js';
import type { L4Proto, PortProbe } from '../../../../sim/reach/l4.js';
import { probePort } from '../../../../sim/reach/l4.js';
import { portReach } from '../../../../sim/reach/port-reach.js';

const text = (p: PortProbe) => JSON.stringify([p.answer, p.errno, p.endpoint && [p.endpoint.ns.path, p.endpoint.addr, p.endpoint.port]]);

/** Pairs where the fast path and a fresh engine run per pair disagree; and the engine runs the fast path made. */
function compare(model: LabModel, sources: readonly Netns[], dsts: readonly Ip4[], proto: L4Proto, port: number): { diffs: string[]; runs: number; pairs: number } {
  const fast = portReach(model, sources, dsts, proto, port);
  const diffs: string[] = [];
  for (let i = 0; i < sources.length; i++)
    for (let j = 0; j < dsts.length; j++) {
      const want = text(probePort(model, sources[i]!, dsts[j]!, proto, port));
      const got = text(fast.at(i, j));
      if (got !== want) diffs.push(`${sources[i]!.path} -> ${dsts[j]} ${proto}/${port}: fast ${got}, engine ${want}`);
    }
  return { diffs, runs: fast.engineRuns, pairs: sources.length * dsts.length };
}

const podAddr = (nodes: number, pods: number, k: number) => `10.244.${(k % nodes) + 1}.${(Math.floor(k / nodes) % pods) + 2}`;

function services(nodes: number, pods: number, n: number, per: number): K8sService[] {
  return Array.from({ length: n }, (_, s) => ({
    name: `svc${s}`,
    clusterIP: `10.96.0.${s + 1}`,
    port: 80,
    targetPort: 8080,
    endpoints: Array.from({ length: per }, (_, e) => podAddr(nodes, pods, s * per + e)),
  }));
}

describe('portReach fast path on a k8s lab with Services', () => {
  it('answers every pod → Service and pod → pod pair as probePort does, sharing runs between twin pods', () => {
    const nodes = 3;
    const pods = 5;
    const svcs = services(nodes, pods, 4, 3);
    const lab = k8sLab({ nodes, podsPerNode: pods, services: svcs });
    // pod5 listens nowhere: a class of its own, answered refused where DNAT lands on it
    for (let n = 1; n <= nodes; n++) lab.twin.run(`node${n}`, Array.from({ length: pods - 1 }, (_, p) => `ip netns exec pod${p + 1} nc -lk 8080 &`).join('\n'));
    const sources = lab.model.namespaces().filter((ns) => ns.name !== null);
    const dsts = [...svcs.map((s) => parseIp4(s.clusterIP)!), parseIp4('10.244.1.2')!, parseIp4('10.244.2.6')!];
    const r = compare(lab.model, sources, dsts, 'tcp', 80);
    expect(r.diffs).toEqual([]);
    const r8080 = compare(lab.model, sources, dsts, 'tcp', 8080);
    expect(r8080.diffs).toEqual([]);
    // each node's listening pods share a run per destination, unless one is an endpoint
    expect(r.runs).toBeLessThan(r.pairs * 0.6);
    const fast = portReach(lab.model, sources, dsts, 'tcp', 80);
    expect(new Set(fast.probes.map((p) => p.answer))).toEqual(new Set(['open', 'refused']));
  });
});

/** A rule for a node or a pod of a small k8s lab, as iptables arguments. */
const ruleArb = (nodes: number, pods: number) =>
  fc.record({
    node: fc.integer({ min: 1, max: nodes }),
    /** 0: the node's own namespace, else that pod */
    pod: fc.integer({ min: 0, max: pods }).map((p) => (p > pods - 1 ? 0 : p)),
    table: fc.constantFrom('filter', 'nat'),
    chain: fc.integer({ min: 0, max: 2 }),
    src: fc.option(fc.record({ k: fc.integer({ min: 0, max: nodes * pods - 1 }), len: fc.constantFrom(32, 31, 30, 24, 16), invert: fc.boolean() }), { nil: null }),
    dst: fc.option(fc.record({ k: fc.integer({ min: 0, max: nodes * pods - 1 }), len: fc.constantFrom(32, 24), invert: fc.boolean() }), { nil: null }),
    iface: fc.option(fc.record({ dir: fc.constantFrom('-i', '-o'), name: fc.constantFrom('veth1', 'veth2', 'veth3', 'veth+', 'cni0', 'eth0', 'eth+'), invert: fc.boolean() }), { nil: null }),
    dport: fc.option(fc.constantFrom(80, 8080, 9000), { nil: null }),
    insert: fc.boolean(),
    target: fc.constantFrom('ACCEPT', 'DROP', 'REJECT', 'RETURN', 'LOG', 'DNAT', 'MARK'),
    to: fc.integer({ min: 0, max: nodes * pods - 1 }),
  });

type RuleDraw = ReturnType<typeof ruleArb> extends fc.Arbitrary<infer R> ? R : never;

function ruleLine(nodes: number, pods: number, r: RuleDraw): { host: string; line: string } {
  const chains = r.table === 'nat' ? ['PREROUTING', 'OUTPUT', 'POSTROUTING'] : ['FORWARD', 'INPUT', 'OUTPUT'];
  const chain = chains[r.chain]!;
  const args = [r.insert ? '-I' : '-A', chain];
  if (r.src) args.push(...(r.src.invert ? ['!'] : []), '-s', `${podAddr(nodes, pods, r.src.k)}/${r.src.len}`);
  if (r.dst) args.push(...(r.dst.invert ? ['!'] : []), '-d', `${podAddr(nodes, pods, r.dst.k)}/${r.dst.len}`);
  const inOk = chain !== 'OUTPUT' && chain !== 'POSTROUTING';
  const outOk = chain !== 'PREROUTING' && chain !== 'INPUT';
  if (r.iface && (r.iface.dir === '-i' ? inOk : outOk)) args.push(...(r.iface.invert ? ['!'] : []), r.iface.dir, r.iface.name);
  if (r.dport !== null) args.push('-p', 'tcp', '--dport', String(r.dport));
  let target = r.target;
  const natOk = r.table === 'nat' && chain !== 'POSTROUTING';
  if (target === 'DNAT' && !natOk) target = 'DROP';
  if (r.table === 'nat' && (target === 'REJECT' || target === 'DROP')) target = 'ACCEPT';
  if (target === 'MARK' && r.table === 'filter') args.push('-j', 'MARK', '--set-mark', '1');
  else if (target === 'MARK') args.push('-j', 'RETURN');
  else if (target === 'DNAT') args.push('-p', 'tcp', '-j', 'DNAT', '--to-destination', `${podAddr(nodes, pods, r.to)}:8080`);
  else args.push('-j', target);
  const ns = r.pod ? `ip netns exec pod${r.pod} ` : '';
  return { host: `node${r.node}`, line: `${ns}iptables -t ${r.table} ${args.join(' ')}` };
}

describe('portReach fast path: the same answers as the engine on random labs and rulesets', () => {
  it('small k8s labs with Services, listeners and random rules (200 labs)', { timeout: 600_000 }, () => {
    let shared = 0;
    let pairs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.constantFrom<[L4Proto, number]>(['tcp', 80], ['tcp', 80], ['tcp', 8080], ['udp', 8080], ['icmp', 0]),
        fc.array(ruleArb(2, 4), { maxLength: 5 }),
        (nodes, pods, nsvc, listen, [proto, port], rules) => {
          const lab = k8sLab({ nodes, podsPerNode: pods, services: services(nodes, pods, nsvc, 2) });
          for (let n = 1; n <= nodes; n++) {
            const lines: string[] = [];
            for (let p = 1; p <= pods; p++) if (listen[(n - 1) * 4 + p - 1]) lines.push(`ip netns exec pod${p} nc -lk 8080 &`, `ip netns exec pod${p} nc -lku 8080 &`);
            lab.twin.run(`node${n}`, lines.join('\n'));
          }
          for (const r of rules) {
            if (r.node > nodes || r.pod > pods) continue;
            const { host, line } = ruleLine(nodes, pods, r);
            lab.twin.run(host, line);
          }
          const sources = lab.model.namespaces().filter((ns) => ns.name !== null);
          const dsts = [...services(nodes, pods, nsvc, 2).map((s) => parseIp4(s.clusterIP)!), parseIp4(podAddr(nodes, pods, 0))!, parseIp4(podAddr(nodes, pods, 1))!];
          const r = compare(lab.model, sources, dsts, proto, port);
          shared += r.pairs - r.runs;
          pairs += r.pairs;
          expect(r.diffs).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 16_7 },
    );
    // the property is about shared answers: a good part of the pairs must have been shared
    expect(shared).toBeGreaterThan(pairs * 0.1);
  });

  it('random labs of nettwin/testing with random rulesets (150 labs)', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(arbitraries.lab({ rules: 6 }), fc.constantFrom<[L4Proto, number]>(['tcp', 80], ['udp', 53], ['icmp', 0]), (desc, [proto, port]) => {
        const twin = new Twin();
        twin.run('host', toScript(desc));
        const sources = twin.model.namespaces();
        const dsts = configuredAddresses(twin.model).slice(0, 6);
        expect(compare(twin.model, sources, dsts, proto, port).diffs).toEqual([]);
      }),
      { numRuns: 150, seed: 16_7 },
    );
  });
});
