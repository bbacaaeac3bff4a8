/**
 * The built CLI (`node dist/cli/main.js`) as a user or an attacker runs it, with a time limit:
 * a hostile input that hangs the CLI fails the test instead of hanging the suite. dist/cli is
 * rebuilt first when it is older than the sources. A secret token (in a file outside every
 * lab folder, and in the CLI's environment) must never appear in what the CLI prints.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'vitest';

export const ROOT = path.join(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli/main.js');

/** Newest mtime of the .ts files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  if (!fs.existsSync(CLI)) return true;
  const sources = Math.max(...['src', 'sim', 'adapters'].map((d) => newest(path.join(ROOT, d))), fs.statSync(path.join(ROOT, 'tsup.config.ts')).mtimeMs);
  return sources > fs.statSync(CLI).mtimeMs;
}

/** Builds dist when it is older than the sources; one test process at a time builds. */
export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = path.join(os.tmpdir(), 'nettwin-build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 3 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (stale()) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The token no output may contain. */
export const SECRET = `nettwin-secret-${randomBytes(8).toString('hex')}`;

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** wall time, ms */
  ms: number;
}

/** Runs the built CLI; killed (and reported with signal SIGKILL) after `timeoutMs`. */
export function cli(args: string[], opts: { cwd?: string; timeoutMs?: number; input?: string } = {}): CliRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 15_000,
    killSignal: 'SIGKILL',
    input: opts.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', NETTWIN_TEST_SECRET: SECRET },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0 };
}

/**
 * Asserts a refusal: the CLI ended by itself (no hang), exit 2, nothing on stdout, one line on
 * stderr matching `why`, no stack trace, and the secret nowhere.
 */
export function expectRefused(r: CliRun, why: RegExp, what = ''): void {
  expect(r.signal, `${what}: killed, it hung`).toBeNull();
  expect(r.stderr, what).toMatch(why);
  expect(r.stderr.split('\n').filter(Boolean), `${what}: one line`).toHaveLength(1);
  expect(r.stderr, what).not.toMatch(/\n\s+at /);
  expect(r.status, what).toBe(2);
  expect(r.stdout, what).toBe('');
  expectNoSecret(r, what);
}

export function expectNoSecret(r: CliRun, what = ''): void {
  expect(r.stdout.includes(SECRET), `${what}: secret on stdout`).toBe(false);
  expect(r.stderr.includes(SECRET), `${what}: secret on stderr`).toBe(false);
}

/**
 * A scratch tree: `root/secret.txt` (the secret, outside the lab folder) and `root/lab/` (the
 * lab folder) with hostile files in it.
 */
export function hostileTree(): { root: string; lab: string; secret: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-hostile-'));
  fs.chmodSync(root, 0o755);
  const lab = path.join(root, 'lab');
  fs.mkdirSync(lab);
  const secret = path.join(root, 'secret.txt');
  fs.writeFileSync(secret, `ip link set ${SECRET} up\n${SECRET}\n`);
  fs.writeFileSync(path.join(lab, 'ok.sh'), 'ip netns add NS1\n');
  execFileSync('mkfifo', [path.join(lab, 'fifo.sh')]);
  fs.symlinkSync(secret, path.join(lab, 'link-out.sh'));
  fs.symlinkSync('/dev/zero', path.join(lab, 'zero.sh'));
  fs.writeFileSync(path.join(lab, 'binary.sh'), Buffer.from(`ip link\n\0${SECRET}\n`));
  fs.writeFileSync(path.join(lab, 'latin1.sh'), Buffer.concat([Buffer.from(`# ${SECRET} `), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]));
  fs.writeFileSync(path.join(lab, 'long-line.sh'), `ip link\n# ${SECRET} ${'x'.repeat(70 * 1024)}\n`);
  const big = fs.openSync(path.join(lab, 'big.sh'), 'w');
  fs.writeSync(big, `${SECRET}\n`);
  fs.ftruncateSync(big, 100 * 1024 * 1024); // sparse: 100 MB that take no disk
  fs.closeSync(big);
  fs.mkdirSync(path.join(lab, 'dir.sh'));
  return { root, lab, secret, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Writes a lab file with one host whose setup is `setup` (given as YAML text). */
export function setupLab(dir: string, setup: string, name = 'lab.yaml'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `hosts:\n  h1:\n    nics: { eth0: 10.0.0.1/24 }\n    setup: ${setup}\nexpect:\n  - reach: { from: h1, to: 10.0.0.1 }\n`);
  return file;
}
