/**
 * The command line in real mode: `nettwin diff` on the seed agrees with the kernel, lines that
 * are not modelled are reported and never run, and a machine where real mode is not possible
 * gets a plain message and exit status 2 (no stack trace).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { which } from '../../adapters/linux/preconditions.js';
import { projectRoot } from './cases.js';
import { readableCli } from './readable-cli.js';
import { describeReal, snapshotMachine } from './require-real.js';

/** Runs the CLI from the sources, or `main` (a built one) from its own folder. */
function cli(args: string[], prefix: string[] = [], main?: string): { status: number; stdout: string; stderr: string } {
  const argv = [...prefix, process.execPath, ...(main ? [main] : ['--import', 'tsx', 'src/cli/main.ts']), ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: main ? path.dirname(main) : projectRoot, encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: os.tmpdir(), NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describeReal('nettwin CLI, real mode', () => {
  let before = '';
  let tmp = '';
  beforeAll(() => {
    before = snapshotMachine();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-cli-'));
    fs.chmodSync(tmp, 0o755);
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(snapshotMachine()).toBe(before);
  });

  it('`nettwin diff examples/seed/node1.sh` finds no disagreement', () => {
    const r = cli(['diff', 'examples/seed/node1.sh']);
    expect(r.stdout).toMatch(/^no disagreement: \d+ commands agree\n$/);
    expect(r.status).toBe(0);
  });

  it('`run --real` reports lines it does not model and never runs them', () => {
    const marker = path.join(tmp, 'nettwin-should-not-exist');
    const script = path.join(tmp, 'mixed.sh');
    fs.writeFileSync(script, `ip netns add NS1\ntouch ${marker}\nrm -rf ${tmp}\nwget -q http://192.0.2.1/\nip netns list\n`);
    const r = cli(['run', script, '--real', '--json']);
    expect(r.status).toBe(0);
    const steps = JSON.parse(r.stdout).steps as { command: string; supported: boolean; stdout: string }[];
    expect(steps.filter((s) => !s.supported).map((s) => s.command.split(' ')[0])).toEqual(['touch', 'rm', 'wget']);
    expect(steps[steps.length - 1].stdout).toBe('NS1\n');
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(script)).toBe(true);
    const text = cli(['run', script, '--real']);
    expect(text.stdout).toContain(`nettwin: not modelled, skipped: touch ${marker}`);
  });

  it('without root, real mode says why and exits 2, without a stack trace', async () => {
    // setpriv is util-linux's, as nsenter and unshare (real mode's own tools) are
    expect(which('setpriv'), 'setpriv (util-linux) runs nettwin as an unprivileged user').not.toBeNull();
    const script = path.join(tmp, 'one.sh');
    fs.writeFileSync(script, 'ip netns add NS1\n');
    fs.chmodSync(script, 0o644);
    // that user may not be able to read this checkout (a clone under /root or in mktemp -d)
    const main = await readableCli(tmp);
    const nobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'];
    for (const args of [['run', script, '--real'], ['diff', script], ['destroy'], ['run', script, '--persist'], ['ls'], ['exec', 'seed', 'node1', '--', 'ip', 'link']]) {
      const r = cli(args, nobody, main);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^nettwin: real mode is not possible on this machine:\n {2}- not root \(effective uid 65534\)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
