/**
 * Connection marks over IPv6 (ip6tables CONNMARK --set-mark / --restore-mark, -m connmark, nft's
 * ct mark set, ct mark and meta mark set ct mark in an ip6 table) against the kernel: each file
 * of test/cases/nf6-connmark/ runs in the simulator and in a kernel sandbox, and every command
 * must agree — exit status, stdout, stderr.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const TOOLS = [
  ['ip6tables', 'iptables'],
  ['nft', 'nftables'],
  ['conntrack', 'conntrack'],
  ['nc', 'netcat-openbsd'],
] as const;

describeReal(
  'connection marks over IPv6, simulator vs kernel',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('nf6-connmark')) {
        it(c.file, async ({ expect }) => {
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          expect(
            r.real.some((s) => /CONNMARK|ct mark/.test(s.command) && s.supported),
            'the case sets no connection mark',
          ).toBe(true);
          expect(r.sim.filter((s) => s.supported === false).map((s) => s.command)).toEqual([]);
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: TOOLS },
);
