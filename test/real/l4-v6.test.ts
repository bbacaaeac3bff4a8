/**
 * TCP over IPv6 with the programs that listen and connect (nc -6, curl to a bracketed address,
 * python3 -m http.server --bind ::, ss's IPv6 sockets, ip6tables and conntrack on those flows)
 * against the kernel: each file of test/cases/l4-v6/ runs in the simulator and in a kernel
 * sandbox, and every command must agree — exit status, stdout, stderr.
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
  ['ip6tables', 'iptables'],
  ['conntrack', 'conntrack'],
] as const;

describeReal(
  'L4 over IPv6: nc, curl and http.server over TCP, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('l4-v6')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some((s) => /\b(?:nc|curl)\s/.test(s.command) && /\[?[0-9a-f]*:[0-9a-f:]*:/.test(s.command) && s.supported),
            'the case runs no nc or curl line to an IPv6 address',
          ).toBe(true);
          expect(r.sim.filter((s) => s.supported === false).map((s) => s.command)).toEqual([]);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: TOOLS },
);
