/**
 * k8sLab's Services against the kernel: the cluster as one script (k8sServicesScript: three
 * nodes, a Service `web` of three endpoints with a NodePort, kube-proxy's iptables-mode rules on
 * every node, nc listening in the endpoints) runs in the simulator and in a kernel sandbox and
 * every command agrees, connects to the ClusterIP and the NodePort included; reach --proto tcp
 * to the ClusterIP answers from one of the endpoints, as each kernel nc says. The script is
 * examples/k8s-service/cluster.sh, kept equal to what the generator writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { k8sServicesScript } from '../../src/presets/k8s-services-script.js';
import { compareScript } from './compare.js';
import { projectRoot } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const WEB = { name: 'web', clusterIP: '10.96.0.10', port: 80, targetPort: 8080, nodePort: 30080, endpoints: ['10.244.1.2', '10.244.2.2', '10.244.3.2'] };
const PROBES: [string, string, number][] = [
  ['n1p2', '10.96.0.10', 80],
  ['n2p2', '10.96.0.10', 80],
  ['n3p2', '10.96.0.10', 80],
  ['n1p2', '10.96.0.10', 81],
  ['n1p2', '192.168.1.3', 30080],
  ['n2p2', '192.168.1.1', 30080],
  ['n1p2', '192.168.1.3', 30081],
];

describeReal(
  'k8sLab Services (kube-proxy iptables mode) against the kernel',
  () => {
    it('examples/k8s-service/cluster.sh: every command agrees, and reach to the ClusterIP answers from an endpoint', { timeout: 600_000 }, async ({ expect }) => {
      const script = k8sServicesScript({ nodes: 3, podsPerNode: 2, services: [WEB] });
      expect(fs.readFileSync(path.join(projectRoot, 'examples/k8s-service/cluster.sh'), 'utf8')).toBe(script);
      const lab = new Lab();
      const setup = lab.host('host').sh(script);
      expect(setup.filter((s) => s.exit !== 0 || s.supported === false).map((s) => s.command)).toEqual([]);
      const sim = PROBES.map(([from, to, port]) => lab.reachPort(`host/${from}`, to, 'tcp', port));
      const first = sim[0]!;
      expect(first.answer).toBe('open');
      expect(['host/n1p1', 'host/n2p1', 'host/n3p1']).toContain(first.endpoint?.ns.path);
      const lines = PROBES.map(([from, to, port]) => `ip netns exec ${from} nc -z -v -w 1 ${to} ${port}`);
      const text = `${script}sleep 0.2\n${lines.join('\n')}\nip netns exec n1 iptables -t nat -S KUBE-SERVICES\n`;
      const r = await withSandboxSlot(() => compareScript(text, 'examples/k8s-service/cluster.sh'));
      expect(r.report).toBe('');
      const real = r.real.filter((s) => lines.includes(s.command));
      expect(real.map((s) => s.command)).toEqual(lines);
      expect(real.map((s) => s.exit === 0)).toEqual(sim.map((p) => p.answer === 'open'));
      expect(real.map((s) => s.exit)).toEqual([0, 0, 0, 1, 0, 0, 1]);
    });
  },
  {
    tools: [
      ['nc', 'netcat-openbsd'],
      ['iptables', 'iptables'],
    ],
  },
);
