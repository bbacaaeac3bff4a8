/**
 * The labs of the IPv6 lint rules (test/cases/ipv6-lint/) on the kernel: every command agrees
 * with the simulator, and the ping each lab's findings predict ends as predicted (expect.json) —
 * the simulator's side is test/unit/lint/ipv6-labs.test.ts.
 */
import { describe, it } from 'vitest';
import { firstPingExit, IPV6_LINT_LABS } from '../cases/ipv6-lint/labs.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal('IPv6 lint labs: the kernel agrees with what the findings predict', () => {
  describe.concurrent('labs', () => {
    for (const c of IPV6_LINT_LABS) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(firstPingExit(r.real), 'the ping on the kernel').toBe(c.expect.ping);
        expect(r.report).toBe('');
      });
    }
  });
});
