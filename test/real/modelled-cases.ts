/**
 * The suite of a folder of case files the simulator claims whole: each script runs in the
 * simulator and, sandboxed, on the kernel; every command and every ping must agree, and no line
 * may be "not modelled" or "partial".
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';

/** Registers one concurrent test per case file of test/cases/`folder`/ (inside a describeReal). */
export function modelledCases(folder: string): void {
  describe.concurrent('cases', () => {
    for (const c of loadCases(folder)) {
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
}
