/**
 * The IPv6 corpus against the kernel: addresses (DAD, lifetimes, flags, link states), routes,
 * rules, neighbours, sysctls and pings over IPv6 — each script in test/cases/ipv6/ runs in the
 * simulator and, sandboxed, on the kernel, and every command must agree (exit status, stdout,
 * stderr; random link-local ids, MACs, DAD's `tentative` and lifetimes' seconds masked).
 * test/cases/tutorials-ipv6/ holds IPv6 scripts adapted from public tutorials (source in each header).
 * Both modes run a command that shows IPv6 state only once DAD is over (src/exec/dad-wait.ts).
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal('ipv6: simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of [...loadCases('ipv6'), ...loadCases('tutorials-ipv6')]) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(r.report).toBe('');
      });
    }
  });
});
