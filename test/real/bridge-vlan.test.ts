/**
 * Bridge VLAN filtering on this machine's kernel, which is built without
 * CONFIG_BRIDGE_VLAN_FILTERING: test/cases/bridge-vlan/ runs here too (uml-cases.test.ts runs
 * it on UML's 6.1, which has it), and the simulator, modelling this kernel's profile, must
 * answer as the kernel does — `vlan_filtering` refused, `bridge vlan add` refused, nothing
 * listed, and the bridges forwarding every frame as if no VLAN existed.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

const cases = loadCases('bridge-vlan');

describeReal('bridge VLAN filtering absent: simulator vs this kernel', () => {
  it('has its cases', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
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
