/**
 * The IPv6 lint rules over the labs of test/cases/ipv6-lint/: each has a lab that triggers it
 * and one that does not, and the ping outcome the findings predict (expect.json) is the
 * simulator's — test/real/ipv6-lint.test.ts runs the same labs on the kernel.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { lint } from '../../../src/lint/index.js';
import { firstPingExit, IPV6_LINT_LABS, IPV6_LINT_RULES } from '../../cases/ipv6-lint/labs.js';

describe('IPv6 lint rules on their labs', () => {
  for (const c of IPV6_LINT_LABS) {
    it(c.file, () => {
      const lab = new Lab();
      const steps = lab.host('host').sh(c.text, { file: c.file });
      // only the lab's ping and the lines its findings are about may fail
      const flagged = new Set(c.expect.findings.map(([, line]) => line));
      expect(steps.filter((s) => s.exit !== 0 && !s.command.includes('ping') && !flagged.has(s.line)).map((s) => s.command)).toEqual([]);
      const found = lint({ steps, model: lab.model, sources: [{ file: c.file, text: c.text, firstLine: 1, host: 'host' }] }).filter((f) => IPV6_LINT_RULES.includes(f.rule));
      expect(found.map((f) => [f.rule, f.line])).toEqual(c.expect.findings);
      for (const f of found) expect(f.message.length > 0 && f.fix.length > 0).toBe(true);
      expect(firstPingExit(steps)).toBe(c.expect.ping);
    });
  }
});
