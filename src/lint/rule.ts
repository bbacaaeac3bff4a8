/**
 * Lint: mistakes found before anything runs on a machine. The script (or lab) is run in the
 * simulator first; each rule then reads the steps and the resulting model and reports findings
 * with the line, what is wrong and a suggested fix. Rules are small and tested one by one.
 */
import type { LabModel } from '../model/lab-model.js';
import type { Step } from '../exec/step.js';

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  host: string;
  message: string;
  fix: string;
}

export interface LintInput {
  steps: Step[];
  model: LabModel;
  /** the raw text of each file, for rules that look at variable values */
  sources: { file: string; text: string; firstLine: number; host: string }[];
  /** what a lab file's intents expect to reach (reach and all-reach, as pairs): a route they need is an error */
  expect?: { from: string; to: number; file: string; line: number }[];
}

export interface LintRule {
  id: string;
  description: string;
  check(input: LintInput): Finding[];
}
