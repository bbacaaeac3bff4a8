/**
 * The probing tools against the kernel: test/cases/probes/ holds scripts that run arping
 * (iputils) in namespaces. Each runs in the simulator and, sandboxed, on the kernel; every
 * command must agree (exit status, stdout, stderr; arping's round-trip times and random MACs
 * masked), and none may be left unmodelled.
 */
import * as fs from 'node:fs';
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

const cases = loadCases('probes');

describeReal('probes (arping): simulator vs kernel', () => {
  it('has its cases, and the tools they run are installed (iputils-arping)', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync('/usr/bin/arping'), '/usr/bin/arping (Debian package iputils-arping)').toBe(true);
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
