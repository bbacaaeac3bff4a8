/**
 * The public corpus (test/cases/corpus/) live against the kernel: each script runs in the
 * simulator and, sandboxed, on the kernel, and they must disagree on exactly the lines pinned
 * in test/cases/corpus/known-disagreements.json (what `npm run corpus` reports as gaps): a new
 * disagreement fails, and so does a fixed one until it is unpinned. Scripts whose kernel answers
 * depend on timing (`# corpus: timing`) are held to their record only (test/unit/corpus.test.ts).
 */
import { describe, it } from 'vitest';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { compareScript } from './compare.js';
import { corpusCases, gapsOf, knownGaps } from '../corpus/corpus.js';

const gaps = knownGaps();

describeReal('public corpus: simulator vs kernel, live', () => {
  describe.concurrent('cases', () => {
    for (const c of corpusCases().filter((c) => !c.timing)) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(gapsOf(r.diffs), r.report).toEqual(gaps[c.file] ?? []);
      });
    }
  });
});
