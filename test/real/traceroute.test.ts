/**
 * traceroute against the kernel: each file in test/cases/traceroute/ runs in the simulator and in
 * a kernel sandbox, and every command must agree — exit status, stdout (round trips masked),
 * stderr. Which of the simultaneous probes routers answer is their ICMP rate limit's decision,
 * so these cases are the simulator's token buckets held against the kernel's.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal(
  'traceroute: probes, hops and rate limits, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('traceroute')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some((s) => s.command.includes('traceroute') && s.stdout.includes(' ms')),
            'no traceroute answered',
          ).toBe(true);
          expect(r.report).toBe('');
          expect(r.diffs).toHaveLength(0);
          // each case sleeps between runs so that the routers' ICMP buckets are full again
        }, 300_000);
      }
    });
  },
  { tools: [['traceroute', 'traceroute']] },
);
