/** Runs one script in the simulator (one host) and one lint rule over what it left behind. */
import { Lab } from '../../../src/lab.js';
import type { Finding, LintRule } from '../../../src/lint/rule.js';

export function runRule(rule: LintRule, script: string): Finding[] {
  const lab = new Lab();
  const steps = lab.host('host').sh(script, { file: 't.sh' });
  return rule.check({ steps, model: lab.model, sources: [{ file: 't.sh', text: script, firstLine: 1, host: 'host' }] });
}
