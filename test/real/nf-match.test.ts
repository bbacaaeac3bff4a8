/**
 * Rate limits and the tests of one packet field against the kernel: iptables' limit (on both
 * backends: nf_tables' token bucket and xt_limit's credits per jiffy), iprange, mac, length,
 * ttl and pkttype; nft's limit, tcp flags, meta pkttype, th, ip ttl, ip6 hoplimit, meta length,
 * ether saddr and address ranges — listings, refusals, counters, and the pings and TCP
 * connections they pass or stop. Each file of test/cases/nf-match/ runs in the simulator and in
 * a kernel sandbox, and every command must agree.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal('netfilter rate limits and field tests: scripts, simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('nf-match')) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(
          r.real.some((s) => /^(?:\S+\s+)*(?:nft|iptables(?:-legacy)?)\s/.test(s.command) && s.supported),
          'the case runs no iptables or nft command',
        ).toBe(true);
        // a command the simulator skips would end the comparison there
        expect(r.sim.filter((s) => !s.supported).map((s) => s.command)).toEqual([]);
        expect(r.report).toBe('');
      });
    }
  });
});
