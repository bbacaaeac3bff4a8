/**
 * TCP and the programs that listen and connect (nc, curl, python3 -m http.server) against the
 * kernel: each file of test/cases/l4/ runs in the simulator and in a kernel sandbox, and every
 * command must agree — exit status, stdout, stderr.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const TOOLS = [
  ['nc', 'netcat-openbsd'],
  ['curl', 'curl'],
  ['python3', 'python3'],
] as const;

describeReal(
  'L4: nc, curl and http.server over TCP, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('l4')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some((s) => /\b(?:nc|curl)\s/.test(s.command) && s.supported),
            'the case runs no nc or curl line',
          ).toBe(true);
          expect(r.sim.filter((s) => s.supported === false).map((s) => s.command)).toEqual([]);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: TOOLS },
);
