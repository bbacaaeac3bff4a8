/**
 * The shell corpus against the kernel: scripts that loop, call functions, pipe into text tools,
 * redirect per line and read the kernel's files (/sys/class/net, /proc/net, /proc/sys through
 * `bash -c` in a namespace). Each file in test/cases/shell/ runs in the simulator and in a kernel
 * sandbox, and every command must agree: exit status, stdout, stderr.
 */
import { describe, it } from 'vitest';
import { loadCases, type Case } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

type CompareModule = typeof import('./compare.js');

let compareModule: Promise<CompareModule> | undefined;

/**
 * Imported on first use: while the simulator is being built, a module that does not load yet
 * fails every case with its error, instead of hiding the whole corpus behind one file error.
 */
function loadCompare(): Promise<CompareModule> {
  return (compareModule ??= import('./compare.js'));
}

const cases: Case[] = [...loadCases('shell')];

describeReal('shell: scripts as people write them (loops, functions, pipes, redirections, kernel files), simulator vs kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of cases) {
      it(c.file, async ({ expect }) => {
        const { compareScript } = await loadCompare();
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        // the report lists each disagreeing command with the kernel's and the simulator's text
        expect(r.report).toBe('');
        expect(r.diffs).toHaveLength(0);
      });
    }
  });
});
