/**
 * Router advertisements against the kernel: each script in test/cases/ipv6-ra/ sends RAs with
 * ipv6toolkit's ra6 (radvd is not modelled; ra6 is modelled as the RA it injects) and runs in
 * the simulator and, sandboxed, on the kernel; every command must agree.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal(
  'ipv6 router advertisements: simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('ipv6-ra')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
          expect(
            r.sim.filter((s) => s.command.includes(' ra6 ') && !s.supported).map((s) => s.command),
            'ra6 lines the simulator did not model',
          ).toEqual([]);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: [['ra6', 'ipv6toolkit']] },
);
