/**
 * IPv6 multipath routes (`ip -6 route add … nexthop via A nexthop via B`: siblings, each hop a
 * route of its own): each script under test/cases/routes-multipath6/ runs in the simulator and,
 * sandboxed, on the kernel; every command and every ping must agree. The only lines the
 * simulator may leave to the kernel are those whose answer depends on the sibling the kernel's
 * flow hash picks (its seed is random per boot), and exactly the lines listed here: a hash that
 * went unnoticed, or one noticed where the siblings cannot differ, fails.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

/** The lines, per script, whose packets (or `ip -6 route get`) took a sibling by the kernel's hash. */
const HASHED: Record<string, number[]> = {
  'forwarding.sh': [29, 30, 31],
  'hash-seed.sh': [23],
};

describeReal('IPv6 multipath routes — simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('routes-multipath6')) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        const unmodelled = r.sim.filter((s) => !s.supported || s.modelled === 'partial');
        const hashed = unmodelled.filter((s) => /the kernel's flow hash picks a hop of the multipath route/.test(s.stderr));
        const other = unmodelled.filter((s) => !hashed.includes(s)).map((s) => `${s.line}: ${s.command} (${s.stderr.trim()})`);
        expect(other, 'lines the simulator does not fully model').toEqual([]);
        expect(
          hashed.map((s) => s.line),
          'lines left to the kernel because its hash picks the sibling',
        ).toEqual(HASHED[c.file.split('/').pop()!] ?? []);
        expect(r.report).toBe('');
      });
    }
  });
});
