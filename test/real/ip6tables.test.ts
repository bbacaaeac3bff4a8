/**
 * ip6tables against the kernel: rules written, listed and refused by every name of the tool
 * (nf_tables and legacy, -save, -restore), and IPv6 packets through a router's and a host's
 * filter chains — FORWARD, INPUT, OUTPUT, each REJECT answer — with their counters. Each file
 * of test/cases/ip6tables/ runs in the simulator and in a kernel sandbox, and every command
 * must agree: exit status, stdout, stderr, pings.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal('ip6tables: scripts, simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('ip6tables')) {
      // an `# open:` header line marks a known disagreement: expected to fail until it is fixed
      const test = /^# open:/m.test(c.text) ? it.fails : it;
      test(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(
          r.real.some((s) => /^(?:\S+\s+)*ip6tables(?:-\S+)?\s/.test(s.command) && s.supported),
          'the case runs no ip6tables command',
        ).toBe(true);
        expect(r.report).toBe('');
      });
    }
  });
});
