/**
 * The forwarding corpus against the kernel: every rule the simulator claims (same-subnet veth,
 * bridges, routers with and without forwarding, TTL, lo down, rp_filter, accept_local, …) as a
 * script whose pings run in the simulator and, sandboxed, on the kernel. Every command and every
 * ping must agree: exit status, the counts, and ping's output with its timings masked.
 * test/cases/tutorials/ holds whole tutorial-style scripts that mix pings with listings.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

describeReal(
  'forwarding: pings, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of [...loadCases('forwarding'), ...loadCases('tutorials')]) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some((s) => s.ping),
            'the case pings nothing',
          ).toBe(true);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: [['tracepath', 'iputils-tracepath']] },
);
