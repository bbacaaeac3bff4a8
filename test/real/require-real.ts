/**
 * Gate for tests that need the real kernel (root, Linux, iproute2, ...).
 *
 * - preconditions met                 -> describe(name, fn)
 * - not met, NETTWIN_REQUIRE_REAL=1   -> one failing test listing the problems
 * - not met otherwise                 -> describe.skip (reported as skipped)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkPreconditions } from '../../adapters/linux/sandbox.js';
import { whichIn } from '../../adapters/linux/preconditions.js';
import { SANDBOX_PATH } from '../../adapters/linux/sandbox-bwrap.js';

export const realProblems: readonly string[] = checkPreconditions();
export const realAvailable: boolean = realProblems.length === 0;

/** Why a suite cannot run here: real mode's problems, then the tools it needs that are missing. */
export function suiteProblems(tools: ReadonlyArray<readonly [string, string]> = []): string[] {
  const missing = tools.filter(([cmd]) => !whichIn(SANDBOX_PATH, cmd)).map(([cmd, pkg]) => `missing \`${cmd}\` (install the Debian package ${pkg})`);
  return [...realProblems, ...missing];
}

/**
 * `exclusive`: the suite changes the machine's own named namespaces (the `--persist` test),
 * so it runs only while no other real suite does; the others hold a shared lock, so their
 * before/after snapshots of the machine are not disturbed by it. `tools`: programs the suite
 * runs beyond real mode's own ([command, Debian package]); a missing one is reported like a
 * missing precondition (the suite is not run, and fails under NETTWIN_REQUIRE_REAL=1).
 */
export function describeReal(name: string, fn: () => void, opts: { exclusive?: boolean; tools?: ReadonlyArray<readonly [string, string]> } = {}): void {
  const problems = suiteProblems(opts.tools);
  if (problems.length === 0) {
    describe(name, () => {
      let release: (() => void) | null = null;
      beforeAll(async () => {
        release = await machineLock(opts.exclusive === true);
      }, 900_000);
      afterAll(() => release?.());
      fn();
    });
  } else if (process.env.NETTWIN_REQUIRE_REAL === '1') {
    describe(name, () => {
      it('real-mode preconditions', () => {
        throw new Error(`NETTWIN_REQUIRE_REAL=1 but real mode is not available:\n  - ${problems.join('\n  - ')}`);
      });
    });
  } else {
    describe.skip(`${name} [not run: ${problems.join('; ')}]`, fn);
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

/**
 * Machine-wide, so not under TMPDIR (each test run has its own, test/private-tmp.ts): every
 * checkout's suites share it. Removed by the last holder to leave.
 */
const LOCK_DIR = '/tmp/nettwin-real-test-lock';
const EXCLUSIVE = path.join(LOCK_DIR, 'exclusive');

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid recorded in a lock entry (`shared.PID.N` or exclusive/pid), if that process still runs. */
function holder(entry: string): number | null {
  try {
    const pid = entry === EXCLUSIVE ? Number(fs.readFileSync(path.join(EXCLUSIVE, 'pid'), 'utf8')) : Number(path.basename(entry).split('.')[1]);
    return pid > 0 && pidAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let seq = 0;

/**
 * A machine-wide readers/writer lock between test processes (entries in LOCK_DIR; those of
 * dead processes are ignored and removed). Returns its release.
 */
async function machineLock(exclusive: boolean): Promise<() => void> {
  if (!exclusive) {
    const mine = path.join(LOCK_DIR, `shared.${process.pid}.${seq++}`);
    for (;;) {
      if (fs.existsSync(EXCLUSIVE) && holder(EXCLUSIVE) !== null) {
        await sleep(50);
        continue;
      }
      if (!inLockDir(() => fs.writeFileSync(mine, ''))) continue;
      if (fs.existsSync(EXCLUSIVE) && holder(EXCLUSIVE) !== null) {
        fs.rmSync(mine, { force: true });
        continue;
      }
      return () => leave(mine);
    }
  }
  for (;;) {
    try {
      if (!inLockDir(() => fs.mkdirSync(EXCLUSIVE))) continue;
      fs.writeFileSync(path.join(EXCLUSIVE, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // a holder that died (or has not written its pid yet: give it a moment)
      if (holder(EXCLUSIVE) === null && Date.now() - (fs.statSync(EXCLUSIVE, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 2000) fs.rmSync(EXCLUSIVE, { recursive: true, force: true });
      await sleep(50);
    }
  }
  for (;;) {
    const readers = fs.readdirSync(LOCK_DIR).filter((n) => n.startsWith('shared.'));
    const live = readers.filter((n) => holder(path.join(LOCK_DIR, n)) !== null && Number(n.split('.')[1]) !== process.pid);
    for (const n of readers) if (holder(path.join(LOCK_DIR, n)) === null) fs.rmSync(path.join(LOCK_DIR, n), { force: true });
    if (live.length === 0) break;
    await sleep(50);
  }
  return () => leave(EXCLUSIVE);
}

/**
 * Makes an entry in the lock folder, making the folder first; false when the folder vanished
 * meanwhile (its last holder removed it): try again.
 */
function inLockDir(make: () => void): boolean {
  fs.mkdirSync(LOCK_DIR, { recursive: true, mode: 0o1777 });
  try {
    make();
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** Gives up an entry, and removes the lock folder when it was the last one. */
function leave(entry: string): void {
  fs.rmSync(entry, { recursive: true, force: true });
  try {
    fs.rmdirSync(LOCK_DIR);
  } catch {
    // another holder is in it (or it is gone already)
  }
}
