/**
 * `nettwin verify --real` gives the same verdicts as the simulation, on the kernel in a sandbox:
 * the corrected seed lab (all hold), the seed as the blog wrote it (the same six fail), a
 * deliberate routing loop (found in the kernel's own forwarding state), and a lab of NICs without
 * addresses whose intents name namespaces by globs, short names and `all`, and a dual-stack lab
 * whose intents ping IPv6 addresses and namespaces (`family: 6`) with `ping -6`.
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadLabFile } from '../../src/labfile/load.js';
import { verifyLabSim } from '../../src/verify/verify-file.js';
import { verifyLabReal } from '../../adapters/linux/verify-real.js';
import { projectRoot } from './cases.js';
import { describeReal, snapshotMachine } from './require-real.js';

const LABS = [
  'examples/seed/verify.yaml',
  'examples/seed/verify-broken.yaml',
  'test/unit/verify/fixtures/loop.yaml',
  'test/unit/labfile/fixtures/bare-nics.yaml',
  'test/unit/verify/fixtures/dual-stack.yaml',
];

describeReal('verify --real', () => {
  let before = '';
  beforeAll(() => {
    before = snapshotMachine();
  });
  afterAll(() => {
    expect(snapshotMachine()).toBe(before);
  });

  for (const file of LABS) {
    it(`${file}: the kernel gives the simulation's verdicts`, async () => {
      const spec = loadLabFile(join(projectRoot, file));
      const sim = verifyLabSim(spec);
      const real = await verifyLabReal(spec);
      expect(real.problems).toEqual([]);
      expect(real.mode).toBe('real');
      const verdicts = (r: typeof sim) => r.verdicts.map((v) => `${v.name}: ${v.holds ? 'holds' : 'fails'}`);
      expect(verdicts(real)).toEqual(verdicts(sim));
    }, 120_000);
  }

  it('the kernel: the via path from the routers that answer, the loop with its namespaces', async () => {
    const real = await verifyLabReal(loadLabFile(join(projectRoot, 'test/unit/verify/fixtures/loop.yaml')));
    expect(real.verdicts[1]!.summary).toBe('path h/S -> h/A -> h/B');
    const loop = real.verdicts[3]!;
    expect(loop.holds).toBe(false);
    expect(loop.why[0]).toMatch(/^(h\/A -> h\/B -> h\/A|h\/B -> h\/A -> h\/B) for /);
    expect(loop.why).toContain('  h/A: default via 10.0.0.2 dev ab');
  }, 120_000);

  it('`nettwin verify --real` exits 1 on the broken seed and says why', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'verify', 'examples/seed/verify-broken.yaml', '--real'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, HOME: os.tmpdir(), NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAILS  line 16  reach node1/NS1 -> 172.16.1.2\n       ping 172.16.1.2 from node1/NS1 on the kernel: ping: connect: Network is unreachable\n');
    expect(r.stdout).toMatch(/6 of 9 intents fail \(on the kernel, \d+ ms\)/);
  }, 180_000);
});
