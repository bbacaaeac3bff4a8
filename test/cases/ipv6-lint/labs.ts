/**
 * The labs of the IPv6 lint rules with what each predicts: the findings (rule and line) and the
 * exit status of the lab's ping from its first namespace (the first ping of the file). Shared by
 * the simulator's test (test/unit/lint/ipv6-labs.test.ts) and the kernel's
 * (test/real/ipv6-lint.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The lint rules about IPv6. */
export const IPV6_LINT_RULES = ['no-return-route6', 'link-local-gateway', 'gateway-not-onlink', 'link-local-scope'];

interface Expect {
  findings: [string, number][];
  ping: number;
}

const EXPECT: Record<string, Expect> = JSON.parse(fs.readFileSync(path.join(here, 'expect.json'), 'utf8'));

export const IPV6_LINT_LABS = Object.entries(EXPECT).map(([name, expect]) => {
  const file = `test/cases/ipv6-lint/${name}.sh`;
  return { name, file, text: fs.readFileSync(path.join(here, `${name}.sh`), 'utf8'), expect };
});

/** The exit status of the first ping step. */
export function firstPingExit(steps: { command: string; exit: number }[]): number | undefined {
  return steps.find((s) => /(?:^|\s)ping\s/.test(s.command))?.exit;
}
