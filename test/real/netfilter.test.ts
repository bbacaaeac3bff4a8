/**
 * The netfilter corpus against the kernel: iptables (both backends), iptables-save/-restore,
 * nft and conntrack scripts — rules written, listed every way, refused, and packets through
 * filter and NAT with their counters. Each file of test/cases/netfilter/ runs in the simulator
 * and in a kernel sandbox, and every command must agree: exit status, stdout, stderr, pings.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal('netfilter: iptables, nft and conntrack scripts, simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('netfilter')) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(
          r.real.some((s) => /^(?:\S+\s+)*(?:iptables|nft|conntrack|iptables-\S+)\s/.test(s.command) && s.supported),
          'the case runs no netfilter command',
        ).toBe(true);
        expect(r.report).toBe('');
      });
    }
  });
});
