/**
 * k8sLab's IPv6 half on the kernel: the commands k8sLab({ ipFamilies: ['IPv4', 'IPv6'] }) runs
 * on each node (src/presets/k8s-ipv6.ts) added to the `nettwin gen --topo k8s,3,2` lab (the
 * same nodes, cni0 bridges and pods), with a `ping -6` from one pod to every other pod: `diff`
 * finds the simulator and the kernel in agreement on every command, and every ping -6 gets its
 * reply on the kernel (-W 3: the machine running the tests may be loaded).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { parseTopology, topologyLab } from '../../src/labfile/topologies.js';
import { k8sIpv6Setup, podNet6 } from '../../src/presets/k8s-ipv6.js';
import { projectRoot } from './cases.js';
import { describeReal } from './require-real.js';

const NODES = 3;
const PODS = 2;

function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The gen --topo lab with each node's IPv6 commands and the IPv6 pings first in its run list. */
function dualStackLab(): string {
  const text = topologyLab(parseTopology(`k8s,${NODES},${PODS}`));
  const at = text.indexOf('\nrun:\n');
  if (at < 0) throw new Error('the k8s topology has no run list');
  const run: string[] = [];
  for (let i = 1; i <= NODES; i++) for (const l of k8sIpv6Setup(i, NODES, PODS)) run.push(`  - node${i}: ${l}`);
  for (let i = 1; i <= NODES; i++) for (let p = 1; p <= PODS; p++) if (i > 1 || p > 1) run.push(`  - node1: ip netns exec pod1 ping -6 -c 1 -W 3 ${podNet6(i)}${(p + 1).toString(16)}`);
  return `${text.slice(0, at)}\nrun:\n${run.join('\n')}\n${text.slice(at + '\nrun:\n'.length)}`;
}

describeReal('k8sLab dual stack on the kernel', () => {
  it(`k8s,${NODES},${PODS} with k8sLab's IPv6 commands: diff agrees, every ping -6 answers`, () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-k8s6-'));
    try {
      const file = path.join(tmp, 'k8s-dual.yaml');
      fs.writeFileSync(file, dualStackLab());
      const real = cli(['run', file, '--real', '--json']);
      expect(real.status, real.stderr).toBe(0);
      const steps = (JSON.parse(real.stdout) as { steps: { command: string; exit: number; stdout: string }[] }).steps;
      const pings6 = steps.filter((s) => /ping -6 -c 1/.test(s.command));
      expect(pings6).toHaveLength(NODES * PODS - 1);
      for (const p of pings6) expect(`${p.command}: exit ${p.exit}`, p.stdout).toBe(`${p.command}: exit 0`);
      expect(steps.filter((s) => s.exit !== 0).map((s) => s.command)).toEqual([]);
      const d = cli(['diff', file]);
      expect(d.status, `${d.stdout}\n${d.stderr}`).toBe(0);
      expect(d.stdout).toMatch(/no disagreement/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 600_000);
});
