/**
 * The README's quick start, as a new user meets it: the working tree's last commit cloned into a
 * fresh temporary folder, the block's first command run there word for word (install from the
 * npm cache when it can, build once, run the seed lab), its output checked and its time
 * printed. The block's second command is `npm test`, the suite this test is part of: it is
 * checked to be that command, not run again from inside itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** The commands of the README's quick-start block (the first ```sh block under "## Quick start"). */
function quickStartCommands(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Quick start'));
  const block = section && /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no ```sh block under "## Quick start"');
  return block[1]!.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

let tmp = '';
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

it('the README quick start: a fresh clone installs, builds once and runs the seed lab; the second command is npm test', () => {
  const commands = quickStartCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  expect(commands).toHaveLength(2);
  expect(commands[1]).toBe('npm test');
  tmp = mkdtempSync(join(tmpdir(), 'nettwin-quickstart-'));
  const clone = join(tmp, 'nettwin');
  const git = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], { encoding: 'utf8' });
  expect(git.stderr).toBe('');
  expect(git.status).toBe(0);
  // the first command's parts, each run as argv (no shell) in the clone; npm may use its cache
  const env = { ...process.env, NO_COLOR: '1', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const parts = commands[0]!.split(' && ').map((c) => c.trim().split(/\s+/));
  const times: string[] = [];
  const t0 = performance.now();
  let last = { status: -1 as number | null, stdout: '', stderr: '' };
  for (const argv of parts) {
    const t = performance.now();
    last = spawnSync(argv[0]!, argv.slice(1), { cwd: clone, encoding: 'utf8', env, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
    times.push(`${argv.slice(0, 3).join(' ')}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    expect(last.status, `${argv.join(' ')}\n${last.stderr}`).toBe(0);
  }
  const total = (performance.now() - t0) / 1000;
  console.log(`quick start on a fresh clone: ${total.toFixed(1)} s (${times.join('; ')})`);
  // the seed lab's own story: the bridge address outside the pods' subnet, the typo, six pings
  expect(last.stdout).toContain('Error: Nexthop has invalid gateway.');
  expect(last.stdout).toContain('172.16.1..2');
  expect(last.stdout).toMatch(/nettwin \(sim\): \d+ commands: \d+ ok, \d+ failed, 0 unsupported\n$/);
}, 900_000);
