/**
 * `bridge fdb show` against the kernel: test/cases/bridge-fdb/ holds scripts that list a
 * bridge's forwarding database after traffic — learned entries newest first per port, the
 * ports' own entries, entries added with `master`/`master static`/`self`, what a port going
 * down, leaving or changing MAC does, ageing — and every device's multicast list in the order
 * the kernel joined its groups. Each runs in the simulator and, sandboxed, on the kernel; every
 * command must agree: exit status, stdout, stderr.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

const cases = loadCases('bridge-fdb');

describeReal('bridge fdb show: simulator vs kernel', () => {
  it('has its cases', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });
  describe.concurrent('cases', () => {
    for (const c of cases) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(
          r.sim.filter((s) => s.supported === false).map((s) => s.command),
          'lines the simulator does not model',
        ).toEqual([]);
        expect(r.report).toBe('');
      });
    }
  });
});
