/**
 * macvlan against the kernel: test/cases/macvlan/ holds scripts on a veth lower device (the
 * container pattern: macvlans moved into namespaces, the lower's far end standing for the
 * wire), in every mode, with and without a reflecting switch (a bridge port in hairpin mode),
 * and public tutorials adapted as they were written. Each runs in the simulator and, sandboxed,
 * on the kernel; every command and every ping must agree: exit status, stdout, stderr.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

const cases = loadCases('macvlan');

describeReal('macvlan: simulator vs kernel', () => {
  it('has its cases, three of them public tutorials', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => c.name.startsWith('tutorial-') && /^# Adapted from https?:\/\//m.test(c.text)).length).toBeGreaterThanOrEqual(3);
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
