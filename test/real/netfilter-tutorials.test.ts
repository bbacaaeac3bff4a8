/**
 * Scripts adapted from public tutorials about netfilter (test/cases/netfilter-tutorials/, each
 * with its source, author and changes in its header) against the kernel: every command of each
 * runs in the simulator and in a kernel sandbox and must agree — exit status, stdout, stderr,
 * pings.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal('netfilter tutorials adapted from public sources, simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('netfilter-tutorials')) {
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
