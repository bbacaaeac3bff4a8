/**
 * The seed against the kernel: its two-node lab as written (the tunnel broken by the kernel's
 * own first packet), both corrected labs (all six step-14 pings succeed in each), and failure
 * variants of them (forwarding off on one node, a bridge down) — each run in the simulator and,
 * sandboxed, on the kernel, where every command, every ping and every background job's end
 * must agree. Also the tunnel corpus (test/cases/tunnels): socat and VXLAN on one host.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { diffSteps, formatDiff } from '../../adapters/linux/diff-steps.js';
import { runLabReal } from '../../adapters/linux/real-lab.js';
import { parseLab } from '../../src/labfile/load.js';
import { runLabSim } from '../../src/labfile/sim-lab.js';
import type { LabSpec } from '../../src/labfile/spec.js';
import type { Step } from '../../src/exec/step.js';
import { loadCases, projectRoot } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const SEED = join(projectRoot, 'examples/seed');

/** A seed lab, with `edit` applied to its text first (a failure variant). */
function seedLab(name: string, edit: (text: string) => string = (t) => t): LabSpec {
  const file = join(SEED, name);
  const text = edit(readFileSync(file, 'utf8'));
  return parseLab(
    text,
    `examples/seed/${name}`,
    (p) => readFileSync(resolve(dirname(file), p), 'utf8'),
    (p) => `examples/seed/${p}`,
  );
}

/** Adds run entries just before step 14's pings. */
function beforePings(lines: string[]): (text: string) => string {
  return (t) => t.replace('  # step 14,', `${lines.map((l) => `  - ${l}`).join('\n')}\n  # step 14,`);
}

/** The six pings of step 14 (the lab's last six steps): target → received. */
function pings(steps: Step[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of steps.filter((x) => x.ping && x.host === 'node1' && x.file.endsWith('.yaml')).slice(-6)) out[s.ping!.to] = s.ping!.received;
  return out;
}

async function compareLab(spec: LabSpec): Promise<{ sim: Step[]; real: Step[]; report: string }> {
  const sim = runLabSim(spec).steps;
  const real = await withSandboxSlot(() => runLabReal(spec));
  const d = diffSteps(sim, real);
  return { sim, real, report: d.length ? formatDiff(d, real.length) : '' };
}

const ALL_SIX = { '172.16.0.2': 2, '172.16.0.3': 2, '172.16.0.1': 2, '192.168.0.26': 2, '172.16.1.1': 2, '172.16.1.2': 2 };

describeReal('the seed: two nodes, simulator vs kernel', () => {
  describe.concurrent('labs', () => {
    it("lab.yaml, as written: every socat dies of its tun's first packet", async ({ expect }) => {
      const r = await compareLab(seedLab('lab.yaml'));
      expect(r.report).toBe('');
      const deaths = r.real.flatMap((s) => s.jobs ?? []);
      expect(deaths.map((j) => [j.host, j.exit])).toEqual([
        ['node1', 1],
        ['node1', 1],
        ['node2', 1],
        ['node2', 1],
      ]);
      for (const j of deaths) expect(j.stderr).toMatch(/E read\(5, 0x[0-9a-f]+, 8192\): Connection refused\n$/);
    });

    it('lab-fixed-routes.yaml: all six pings succeed', async ({ expect }) => {
      const r = await compareLab(seedLab('lab-fixed-routes.yaml'));
      expect(r.report).toBe('');
      expect(pings(r.real)).toEqual(ALL_SIX);
    });

    it('lab-fixed-tunnel.yaml: all six pings succeed, no socat dies', async ({ expect }) => {
      const r = await compareLab(seedLab('lab-fixed-tunnel.yaml'));
      expect(r.report).toBe('');
      expect(pings(r.real)).toEqual(ALL_SIX);
      expect(r.real.flatMap((s) => s.jobs ?? [])).toEqual([]);
    });

    it('lab-fixed-tunnel.yaml with node 1 bringing its tun up before node 2 listens', async ({ expect }) => {
      const r = await compareLab(
        seedLab('lab-fixed-tunnel.yaml', (t) => {
          const lines = t.split('\n');
          const up = lines.findIndex((l) => l.includes('node1: ip link set tundudp up'));
          const [line] = lines.splice(up, 1);
          const node2 = lines.findIndex((l) => l.includes('node2: socat'));
          lines.splice(node2, 0, line);
          return lines.join('\n');
        }),
      );
      expect(r.report).toBe('');
      // node 1's socat dies at once; node 2's tun then solicits into node 1's closed port
      expect(r.real.flatMap((s) => s.jobs ?? []).map((j) => j.host)).toEqual(['node1', 'node2']);
      expect(pings(r.real)['172.16.1.2']).toBe(0);
    });

    it('lab-fixed-routes.yaml with forwarding off on node 2', async ({ expect }) => {
      const r = await compareLab(seedLab('lab-fixed-routes.yaml', beforePings(['node2: sysctl -w net.ipv4.ip_forward=0'])));
      expect(r.report).toBe('');
      expect(pings(r.real)).toEqual({ ...ALL_SIX, '172.16.1.2': 0 });
    });

    it("lab-fixed-tunnel.yaml with node 1's bridge down", async ({ expect }) => {
      const r = await compareLab(seedLab('lab-fixed-tunnel.yaml', beforePings(['node1: ip link set jk-br0 down'])));
      expect(r.report).toBe('');
      expect(pings(r.real)['172.16.0.2']).toBe(2);
      expect(pings(r.real)['172.16.1.2']).toBe(0);
    });
  });
});

describeReal('tunnels: socat and VXLAN, simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('tunnels')) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length).toBeGreaterThan(0);
        expect(r.report).toBe('');
      });
    }
  });
});
