/**
 * Hostile lab files and CLI inputs in real mode (root, the kernel): refused exactly as in the
 * simulator, before any sandbox opens, within seconds, with no content of the file in any
 * output; and `destroy` given hostile state files deletes nothing. The machine's namespaces and
 * links are the same afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { machineNamespaces } from '../../adapters/linux/persist.js';
import { describeReal, snapshotMachine } from '../real/require-real.js';
import { cli, ensureBuilt, expectNoSecret, expectRefused, hostileTree, SECRET, setupLab } from './built-cli.js';

describeReal('hostile inputs, real mode', () => {
  let t: ReturnType<typeof hostileTree>;
  let before = '';
  beforeAll(() => {
    ensureBuilt();
    before = snapshotMachine();
    t = hostileTree();
  }, 180_000);
  afterAll(() => {
    t?.cleanup();
    expect(snapshotMachine()).toBe(before);
  });

  it('hostile setup paths are refused by run --real, diff and verify --real, before a sandbox opens', () => {
    for (const setup of ['../secret.txt', '/etc/shadow', '/proc/self/environ', '/dev/zero', '/dev/urandom', 'fifo.sh', 'link-out.sh', 'binary.sh', 'big.sh']) {
      const lab = setupLab(t.lab, setup);
      for (const args of [
        ['run', lab, '--real'],
        ['run', lab, '--real', '--json'],
        ['diff', lab],
        ['verify', lab, '--real'],
      ]) {
        const r = cli(args, { timeoutMs: 20_000 });
        expectRefused(r, /lab\.yaml:4: setup script /, `${args.join(' ')} (setup ${setup})`);
      }
    }
  }, 300_000);

  it('with --allow-outside, devices, FIFOs and /proc are still refused in real mode', () => {
    for (const setup of ['/dev/zero', 'fifo.sh', '/proc/self/environ', 'big.sh']) {
      const lab = setupLab(t.lab, setup);
      expectRefused(cli(['run', lab, '--real', '--allow-outside'], { timeoutMs: 20_000 }), /lab\.yaml:4: setup script /, setup);
      expectRefused(cli(['diff', lab, '--allow-outside'], { timeoutMs: 20_000 }), /lab\.yaml:4: setup script /, setup);
    }
  }, 120_000);

  it('a FIFO, a device or a binary file as the script is refused by run --real and diff', () => {
    for (const f of ['fifo.sh', 'zero.sh', 'binary.sh', 'big.sh']) {
      for (const args of [
        ['run', path.join(t.lab, f), '--real'],
        ['diff', path.join(t.lab, f)],
      ]) {
        expectRefused(cli(args, { timeoutMs: 20_000 }), /^nettwin: cannot read /, args.join(' '));
      }
    }
  }, 120_000);

  it('a NIC named ".." is refused at load with its line, in real mode too', () => {
    const f = path.join(t.lab, 'dotdot.yaml');
    fs.writeFileSync(f, 'hosts:\n  a:\n    nics:\n      "..": 10.0.0.1/24\n');
    for (const args of [
      ['run', f, '--real'],
      ['diff', f],
      ['verify', f, '--real'],
    ]) {
      expectRefused(cli(args, { timeoutMs: 20_000 }), /dotdot\.yaml:4: NIC name "\.\." is not a valid name/, args.join(' '));
    }
  });

  it('verify --real on a lab without intents: the error on stderr, exit 2, no sandbox', () => {
    const f = path.join(t.lab, 'none.yaml');
    fs.writeFileSync(f, 'hosts:\n  h: {}\n');
    const r = cli(['verify', f, '--real'], { timeoutMs: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/none\.yaml: no intents to check/);
  });

  it('a good lab with a setup script inside its folder still runs on the kernel', () => {
    const r = cli(['run', setupLab(t.lab, 'ok.sh'), '--real', '--json'], { timeoutMs: 120_000 });
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('nettwin: warning'))).toEqual([]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).steps.map((s: { exit: number }) => s.exit)).toEqual([0]);
    expectNoSecret(r);
  }, 180_000);
});

describeReal(
  'destroy and --persist with hostile state files (the machine itself)',
  () => {
    let t: ReturnType<typeof hostileTree>;
    let before = '';
    let namesBefore: string[] = [];
    /** a namespace of someone else's, named as a run's would be */
    const squatter = 'nt7-beef-0';
    beforeAll(() => {
      ensureBuilt();
      before = snapshotMachine();
      namesBefore = machineNamespaces();
      t = hostileTree();
      execFileSync('ip', ['netns', 'add', squatter]);
    }, 180_000);
    afterAll(() => {
      spawnSync('ip', ['netns', 'del', squatter]);
      for (const n of machineNamespaces()) if (!namesBefore.includes(n) && /^nt[0-9]-[0-9a-f]{4}-/.test(n)) spawnSync('ip', ['netns', 'del', n]);
      t?.cleanup();
      expect(snapshotMachine()).toBe(before);
    });

    const run = (over: Record<string, unknown>) => ({ id: 'beef', prefix: 'nt7-beef-', created: '2026-01-01T00:00:00.000Z', pid: 1, namespaces: [squatter], mapping: { host: squatter }, ...over });
    const state = (name: string, body: unknown) => {
      const f = path.join(t.root, name);
      fs.writeFileSync(f, typeof body === 'string' ? body : JSON.stringify(body));
      return f;
    };

    it.each<[string, () => string, RegExp]>([
      ['/etc/passwd', () => '/etc/passwd', /not a nettwin state file \(not JSON\)/],
      ['a directory', () => t.lab, /a directory, not a file/],
      ['a binary file', () => path.join(t.lab, 'binary.sh'), /a binary file/],
      ['a FIFO', () => path.join(t.lab, 'fifo.sh'), /a FIFO \(named pipe\), not a regular file/],
      ['/dev/zero', () => '/dev/zero', /a character device, not a regular file/],
      ['/proc/self/environ', () => '/proc/self/environ', /a file of the kernel's proc file system/],
      ['a 100 MB file', () => path.join(t.lab, 'big.sh'), /larger than 64 MiB/],
      ['the secret file', () => t.secret, /not a nettwin state file \(not JSON\)/],
      ['JSON that is not a state', () => state('other.json', { hello: SECRET }), /no "version": 1 and "runs" list/],
      ['an empty prefix', () => state('empty-prefix.json', { version: 1, runs: [run({ prefix: '' })] }), /runs\[0\]\.prefix "" is not a nettwin run prefix/],
      [
        'names outside the prefix',
        () => state('outside.json', { version: 1, runs: [run({ namespaces: [squatter, 'default'] })] }),
        /runs\[0\]\.namespaces holds "default", which is not a name of run nt7-beef-/,
      ],
      ['a name with a slash', () => state('slash.json', { version: 1, runs: [run({ namespaces: ['nt7-beef-/../x'] })] }), /which is not a name of run/],
      ['a prefix not matching the id', () => state('id.json', { version: 1, runs: [run({ id: 'dead' })] }), /prefix "nt7-beef-" is not a nettwin run prefix/],
      ['two runs with one prefix', () => state('twice.json', { version: 1, runs: [run({}), run({})] }), /two runs have the prefix nt7-beef-/],
    ])('destroy --state %s: exit 2, one line, nothing deleted', (_, file, why) => {
      const names = machineNamespaces();
      const r = cli(['destroy', '--state', file()]);
      expectRefused(r, /^nettwin destroy: state file .*; nothing was removed\n$/, _);
      expect(r.stderr).toMatch(why);
      expect(machineNamespaces()).toEqual(names);
    });

    it('a hand-made state naming a namespace it did not make deletes nothing (exit 1), with or without an inode', () => {
      const id = execFileSync('stat', ['-L', '-c', '%d %i %Z', `/run/netns/${squatter}`], { encoding: 'utf8' })
        .trim()
        .split(' ');
      for (const inodes of [undefined, { [squatter]: { dev: id[0], ino: String(Number(id[1]) + 1), ctime: `${id[2]}000000000` } }, { [squatter]: { dev: id[0], ino: id[1], ctime: '1' } }]) {
        const f = state('squat.json', { version: 1, runs: [run({ inodes })] });
        const r = cli(['destroy', '--state', f]);
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/lab beef \(nt7-beef-\*\): removed 0 namespace\(s\)/);
        expect(r.stdout).toMatch(inodes ? /could not remove nt7-beef-0: not the namespace run nt7-beef- made/ : /could not remove nt7-beef-0: nothing proves run nt7-beef- made it/);
        expect(machineNamespaces()).toContain(squatter);
        // the run stays recorded: nothing of it was removed
        expect(JSON.parse(fs.readFileSync(f, 'utf8')).runs).toHaveLength(1);
      }
    });

    it("run --persist refuses a state file that is not nettwin's, and overwrites nothing", () => {
      const copy = state('passwd-copy', `root:x:0:0:${SECRET}:/root:/bin/bash\n`);
      const r = cli(['run', 'examples/seed/node1.sh', '--real', '--persist', '--state', copy], { timeoutMs: 60_000 });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/state file .*passwd-copy: not a nettwin state file \(not JSON\)/);
      expectNoSecret(r);
      expect(fs.readFileSync(copy, 'utf8')).toBe(`root:x:0:0:${SECRET}:/root:/bin/bash\n`);
      expect(machineNamespaces().filter((n) => !namesBefore.includes(n))).toEqual([squatter]);
    });

    it('run --persist --state under /proc or /sys is refused before anything is made', () => {
      for (const s of ['/proc/nope/state.json', '/sys/nope/state.json', '/proc/self/environ']) {
        const r = cli(['run', 'examples/seed/node1.sh', '--real', '--persist', '--state', s], { timeoutMs: 20_000 });
        expectRefused(r, /^nettwin run: --state .*: under \/(proc|sys)/, s);
      }
      expect(machineNamespaces().filter((n) => !namesBefore.includes(n))).toEqual([squatter]);
    });
  },
  { exclusive: true },
);
