/**
 * Gate for tests that need the real kernel (root, Linux, iproute2, ...).
 *
 * - preconditions met                 -> describe(name, fn)
 * - not met, NETTWIN_REQUIRE_REAL=1   -> one failing test listing the problems
 * - not met otherwise                 -> describe.skip (reported as skipped)
 */
import { execFileSync } from 'node:child_process';
import { describe, it } from 'vitest';
import { checkPreconditions } from '../../adapters/linux/sandbox.js';

export const realProblems: readonly string[] = checkPreconditions();
export const realAvailable: boolean = realProblems.length === 0;

export function describeReal(name: string, fn: () => void): void {
  if (realAvailable) {
    describe(name, fn);
  } else if (process.env.NETTWIN_REQUIRE_REAL === '1') {
    describe(name, () => {
      it('real-mode preconditions', () => {
        throw new Error(
          `NETTWIN_REQUIRE_REAL=1 but real mode is not available:\n  - ${realProblems.join('\n  - ')}`,
        );
      });
    });
  } else {
    describe.skip(`${name} [real mode unavailable: ${realProblems.join('; ')}]`, fn);
  }
}

function run(argv: string[]): string {
  try {
    return execFileSync(argv[0]!, argv.slice(1), {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    return `<${argv.join(' ')} failed: ${e instanceof Error ? e.message : String(e)}>\n`;
  }
}

/**
 * `ip netns list` + `ip -o link` of the machine itself (run directly, outside any sandbox;
 * read-only), so tests can assert that nothing was left behind.
 */
export function snapshotMachine(): string {
  return `# ip netns list\n${run(['ip', 'netns', 'list'])}# ip -o link\n${run(['ip', '-o', 'link'])}`;
}
