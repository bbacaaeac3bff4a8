/**
 * socat's TCP addresses (TCP-LISTEN, TCP4/6-LISTEN, TCP, TCP4/6 with /dev/null and STDIO,
 * bind=, reuseaddr, ipv6only, -u/-U; socat's errors and statuses), against the kernel: each file
 * of test/cases/socat-tcp/ runs in the simulator and in a kernel sandbox, and every command must
 * agree — exit status, stdout, stderr, and the background listeners' ends.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const TOOLS = [
  ['socat', 'socat'],
  ['ss', 'iproute2'],
] as const;

describeReal(
  'socat over TCP, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('socat-tcp')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some((s) => /\bsocat\s.*TCP[46]?:/i.test(s.command) && s.supported && s.exit === 0),
            'no socat TCP client connects in the case',
          ).toBe(true);
          expect(r.sim.filter((s) => s.supported === false).map((s) => s.command)).toEqual([]);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: TOOLS },
);
