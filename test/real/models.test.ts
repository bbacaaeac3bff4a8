/**
 * The kernel behaviours issue #15 asked the simulator to model instead of flagging — proxy ARP
 * (and `ip neigh add proxy`), multicast VXLAN, MTU and fragmentation with the PMTU cache, learned
 * bridge FDB entries, `via 0.0.0.0` — and public tutorials that use them, each a script under
 * test/cases/models/ run in the simulator and, sandboxed, on the kernel: every command and every
 * ping must agree, and no line may be "not modelled" or "partial" (the model claims them all).
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

describeReal('models: proxy ARP, multicast VXLAN, MTU/PMTU, learned FDB, via 0.0.0.0 — simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('models')) {
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
