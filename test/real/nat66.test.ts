/**
 * IPv6 NAT (ip6tables -t nat: MASQUERADE, SNAT --to-source, DNAT --to-destination [ADDR]:PORT,
 * REDIRECT; nft snat/dnat/masquerade/redirect in an ip6 table and, after a test of the family,
 * in an inet one)
 * against the kernel: each file of test/cases/nat66/ runs in the simulator and in a kernel
 * sandbox, and every command must agree — exit status, stdout, stderr — the pings and TCP
 * connections through the NAT, the rules' text and counters, conntrack's reply tuples.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const TOOLS = [
  ['ip6tables', 'iptables'],
  ['conntrack', 'conntrack'],
  ['nc', 'netcat-openbsd'],
] as const;

describeReal(
  'NAT66 with ip6tables, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('nat66')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some(
              (s) => /ip6tables .*-t nat .*-j (?:MASQUERADE|SNAT|DNAT|REDIRECT)|nft add rule (?:ip6|inet) .*(?:dnat|snat|masquerade|redirect)/.test(s.command) && s.supported && s.exit === 0,
            ),
            'the case adds no IPv6 NAT rule',
          ).toBe(true);
          expect(
            r.real.some((s) => /\b(?:ping -6|nc)\s/.test(s.command) && s.exit === 0 && s.supported),
            'nothing crosses the NAT',
          ).toBe(true);
          expect(r.sim.filter((s) => s.supported === false).map((s) => s.command)).toEqual([]);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: TOOLS },
);
