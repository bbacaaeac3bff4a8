/**
 * The labs of lint port-no-listener (test/cases/port-lint/) on the kernel: every command agrees
 * with the simulator, and the client's connection through the DNAT ends as the finding (or its
 * absence) predicts — refused where lint says nothing listens, connected where it is quiet.
 */
import { describe, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { portNoListener } from '../../src/lint/rule-port-no-listener.js';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

describeReal(
  'lint port-no-listener: the kernel refuses where the finding says',
  () => {
    describe.concurrent('labs', () => {
      for (const c of loadCases('port-lint')) {
        it(c.file, async ({ expect }) => {
          const lab = new Lab();
          const steps = lab.host('host').sh(c.text, { file: c.file });
          const found = portNoListener.check({ steps, model: lab.model, sources: [] }).length > 0;
          expect(found).toBe(!c.file.endsWith('-none.sh'));
          const r = await withSandboxSlot(() => compareScript(c.text, c.file));
          const last = r.real.at(-1)!;
          expect(last.command).toMatch(/ nc -z /);
          expect(last.exit).toBe(found ? 1 : 0);
          if (found) expect(last.stderr).toContain('Connection refused');
          expect(r.report).toBe('');
        });
      }
    });
  },
  { tools: [['nc', 'netcat-openbsd']] },
);
