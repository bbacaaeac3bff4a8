/**
 * vitest's global setup: the whole run gets its own temporary folder (TMPDIR, which os.tmpdir()
 * and the tools the tests start read), and at the end that folder must be empty. A test that
 * leaves a file or folder behind fails the run, named by what it left; the folder is removed
 * either way, so nothing of a run stays in /tmp. It is world-writable and sticky, as /tmp is,
 * because some tests run nettwin as an unprivileged user.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): () => void {
  const base = process.env.TMPDIR && process.env.TMPDIR !== '' ? process.env.TMPDIR : '/tmp';
  const dir = mkdtempSync(join(base, 'nettwin-test-'));
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  return () => {
    // tsx's compile cache (tsx-UID) is shared by the CLI runs of the whole run, not left by a test
    const left = readdirSync(dir).filter((n) => !/^tsx-\d+$/.test(n));
    rmSync(dir, { recursive: true, force: true });
    if (left.length === 0) return;
    // an error thrown here is printed but leaves the exit status 0: set it
    process.stderr.write(`\nFAIL: tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary folder: ${left.join(', ')}\n`);
    process.exitCode = 1;
  };
}
