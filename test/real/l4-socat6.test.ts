/**
 * socat over IPv6 (UDP6:, UDP6-LISTEN:, UDP: and UDP-LISTEN: with a bracketed IPv6 host or
 * pf=ip6, bind=[…]:PORT, socat's errors in AF=10 form) carrying a tun tunnel, against the
 * kernel: each file of test/cases/l4-socat6/ runs in the simulator and in a kernel sandbox, and
 * every command must agree — exit status, stdout, stderr.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const TOOLS = [['socat', 'socat']] as const;

describeReal(
  'socat over IPv6, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('l4-socat6')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some((s) => /\bsocat\s/.test(s.command) && /\[[0-9a-f:]+\]|UDP6|pf=ip6/i.test(s.command) && s.supported && s.exit === 0),
            'the case starts no socat on an IPv6 address',
          ).toBe(true);
          expect(
            r.real.some((s) => /\bping\s/.test(s.command) && s.exit === 0 && s.supported),
            'no ping crosses the tunnel',
          ).toBe(true);
          expect(r.sim.filter((s) => s.supported === false).map((s) => s.command)).toEqual([]);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: TOOLS },
);
