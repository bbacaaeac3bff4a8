/**
 * The labs of the netfilter lint rules with what each predicts: the findings (rule and line)
 * and the exit status of the lab's ping. Shared by the simulator's test (test/unit/lint) and
 * the kernel's (test/real/netfilter-lint.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The lint rules about netfilter. */
export const NF_LINT_RULES = ['shadowed-rule', 'masquerade-no-egress', 'dnat-no-forward-accept', 'bridge-nf', 'forward-drop', 'nat-no-forwarding'];

interface Expect {
  findings: [string, number][];
  ping: number;
}

const EXPECT: Record<string, Expect> = JSON.parse(fs.readFileSync(path.join(here, 'expect.json'), 'utf8'));

export const LINT_LABS = Object.entries(EXPECT).map(([name, expect]) => {
  const file = `test/cases/netfilter-lint/${name}.sh`;
  return { name, file, text: fs.readFileSync(path.join(here, `${name}.sh`), 'utf8'), expect };
});

/** The exit status of the last ping step. */
export function lastPingExit(steps: { command: string; exit: number }[]): number | undefined {
  return steps.filter((s) => /(?:^|\s)ping\s/.test(s.command)).at(-1)?.exit;
}
