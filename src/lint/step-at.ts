/**
 * Where a finding about the final model points: rules that read the model the script left
 * behind have no step of their own, so they name the line of the command that created or
 * configured the thing (the first successful one mentioning all the given words).
 */
import type { Step } from '../exec/step.js';

function stepMentioning(steps: Step[], host: string, ...words: string[]): Step | undefined {
  return steps.find((s) => s.host === host && s.exit === 0 && words.every((w) => new RegExp(`(^|\\s)${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$|/)`).test(s.command)));
}

/** The file and line of the step that mentions every word; line 0 when none does. */
export function at(steps: Step[], host: string, words: string[]): { file: string; line: number } {
  const s = stepMentioning(steps, host, ...words);
  return { file: s?.file ?? '', line: s?.line ?? 0 };
}
