/**
 * The labs of the netfilter lint rules (test/cases/netfilter-lint/) on the kernel: every
 * command agrees with the simulator (rule listings with their counters included, so a rule
 * lint calls shadowed counts nothing on the kernel either), and the ping each lab's findings
 * predict ends as predicted (expect.json) — the simulator's side of it is
 * test/unit/lint/netfilter-labs.test.ts.
 */
import { describe, it } from 'vitest';
import { LINT_LABS, lastPingExit } from '../cases/netfilter-lint/labs.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal(
  'netfilter lint labs: the kernel agrees with what the findings predict',
  () => {
    describe.concurrent('labs', () => {
      for (const c of LINT_LABS) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(r.real.filter((s) => /\biptables\s/.test(s.command) && !s.supported)).toEqual([]);
          expect(lastPingExit(r.real), 'the ping on the kernel').toBe(c.expect.ping);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: [['iptables', 'iptables']] },
);
