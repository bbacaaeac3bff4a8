/**
 * net-tools against the kernel: test/cases/net-tools/ holds scripts that run `route` and
 * `ifconfig` (Debian's net-tools 2.10) in a namespace. Each runs in the simulator and, sandboxed, on the kernel; every
 * command must agree (exit status, stdout, stderr), and none may be left unmodelled.
 */
import * as fs from 'node:fs';
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

const cases = loadCases('net-tools');

describeReal('net-tools (route): simulator vs kernel', () => {
  it('has its cases, and the tool they run is installed (net-tools)', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync('/usr/sbin/route'), '/usr/sbin/route (Debian package net-tools)').toBe(true);
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
