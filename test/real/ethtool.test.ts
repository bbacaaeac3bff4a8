/**
 * ethtool and `ip maddr` against the kernel: test/cases/ethtool/ runs `ethtool DEV`, `-i`, `-k`
 * and `-K` (Debian's ethtool 6.1) on each kind of device, test/cases/maddr/ lists multicast
 * memberships. Each script runs in the simulator and, sandboxed, on the kernel; every command
 * must agree (exit status, stdout, stderr), and none may be left unmodelled.
 */
import * as fs from 'node:fs';
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

const cases = [...loadCases('ethtool'), ...loadCases('maddr')];

describeReal('ethtool and ip maddr: simulator vs kernel', () => {
  it('has its cases, and ethtool is installed (Debian package ethtool)', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
    expect(fs.existsSync('/usr/sbin/ethtool'), '/usr/sbin/ethtool (Debian package ethtool)').toBe(true);
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
