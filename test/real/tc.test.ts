/**
 * tc against this machine's kernel (test/cases/tc), command by command: tbf and htb roots, htb
 * classes and u32 filters with the counters of pings through them, and the refusals of what
 * this kernel lacks (netem, flower) with the default qdiscs. netem and flower are compared on
 * UML's 6.1 (test/real/uml-cases.test.ts: test/cases/netem, test/cases/tc-uml line by line,
 * test/cases/netem-tolerance within tolerances); shaping within tolerances here
 * (test/real/tc-shaping.test.ts).
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const cases = loadCases('tc');

describeReal('tc: simulator vs kernel (tbf, htb, u32; no netem or flower here)', () => {
  describe.concurrent('cases', () => {
    for (const c of cases) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(
          r.sim.filter((s) => s.supported === false).map((s) => s.command),
          'lines the simulator does not model',
        ).toEqual([]);
        expect(r.report).toBe('');
      });
    }
  });
});
