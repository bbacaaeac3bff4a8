/**
 * `nettwin gen --topo` labs on the kernel: each generated lab runs in both modes — `run --real`
 * gets a reply to every ping of its run list, and `diff` finds the simulator and the kernel in
 * agreement on every command (switches made of bridges, a k8s-style cluster on a three-port
 * switch with routes between the nodes' pod subnets).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from './cases.js';
import { describeReal } from './require-real.js';

function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describeReal(
  'gen --topo labs in both modes',
  () => {
    let tmp = '';
    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-topo-'));
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    for (const topo of ['single,3', 'linear,3', 'tree,2,2', 'k8s,3,2']) {
      it(topo, () => {
        const file = path.join(tmp, `${topo.replaceAll(',', '-')}.yaml`);
        const g = cli(['gen', '--topo', topo, '--out', file]);
        expect(g.status, g.stderr).toBe(0);
        const runs = { sim: cli(['run', file, '--json']), real: cli(['run', file, '--real', '--json']) };
        for (const [mode, r] of Object.entries(runs)) {
          expect(r.status, `${mode}: ${r.stderr}`).toBe(0);
          const steps = (JSON.parse(r.stdout) as { steps: { command: string; exit: number; stdout: string }[] }).steps;
          const pings = steps.filter((s) => /\bping -c 1\b/.test(s.command));
          expect(pings.length, mode).toBeGreaterThan(0);
          for (const p of pings) expect(`${mode}: ${p.command}: exit ${p.exit}`, p.stdout).toBe(`${mode}: ${p.command}: exit 0`);
          expect(
            steps.every((s) => s.exit === 0),
            `${mode}: every command succeeds`,
          ).toBe(true);
        }
        const d = cli(['diff', file]);
        expect(d.status, `${d.stdout}\n${d.stderr}`).toBe(0);
        expect(d.stdout).toMatch(/no disagreement/);
      }, 600_000);
    }
  },
  {},
);
