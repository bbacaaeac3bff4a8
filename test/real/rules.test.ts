/**
 * Policy routing rules beyond from/to (`not`, `fwmark`, `tos`, `goto`, `nop`, delete by
 * selector or action, `flush`) and routing by firewall mark through netfilter (mangle MARK in
 * PREROUTING and OUTPUT, ip_route_me_harder): each script under test/cases/rules/ run in the
 * simulator and, sandboxed, on the kernel; every command and every ping must agree, and no line
 * may be "not modelled" or "partial".
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

describeReal('ip rule selectors and fwmark routing — simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('rules')) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        const unmodelled = r.sim
          .filter((s) => !s.supported || s.modelled === 'partial')
          .map((s) => `${s.line}: ${s.command} (${s.modelled === 'partial' ? `partial: ${s.ignored?.join(', ')}` : s.stderr.trim()})`);
        expect(unmodelled, 'lines the simulator does not fully model').toEqual([]);
        expect(r.report).toBe('');
      });
    }
  });
});
