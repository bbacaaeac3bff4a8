/**
 * tc against this machine's kernel, which has no netem (test/cases/tc): the refusals and the
 * default qdiscs, command by command. netem itself is compared on UML's 6.1
 * (test/real/uml-cases.test.ts: test/cases/netem line by line, test/cases/netem-tolerance
 * within tolerances).
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const cases = loadCases('tc');

describeReal('tc: simulator vs kernel (no netem here)', () => {
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
