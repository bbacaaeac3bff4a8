/**
 * nft's ip6 and inet tables against the kernel: chains of both families on every hook, rules
 * that test one family (`ip …`, `ip6 …`, `icmpv6 type`, `meta nfproto`) or either (`tcp
 * dport`), IPv4 and IPv6 packets walking the inet chains in priority order with the ip6 ones,
 * rejects of both families, and the listings with their counters. Each file of
 * test/cases/nft-inet/ runs in the simulator and in a kernel sandbox, and every command must
 * agree: exit status, stdout, stderr, pings.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal('nft ip6 and inet tables: scripts, simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('nft-inet')) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(
          r.real.some((s) => /^(?:\S+\s+)*nft\s/.test(s.command) && s.supported),
          'the case runs no nft command',
        ).toBe(true);
        // a command the simulator skips would end the comparison there
        expect(r.sim.filter((s) => !s.supported).map((s) => s.command)).toEqual([]);
        expect(r.report).toBe('');
      });
    }
  });
});
