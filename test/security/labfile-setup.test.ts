/**
 * Hostile `setup:` paths in lab files, through the built CLI in the simulator: every subcommand
 * that loads a lab file refuses them with exit 2 and one line `FILE:LINE: …` naming the
 * problem, within seconds, without a word of the file's content (a secret token stands for it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, expectNoSecret, expectRefused, hostileTree, setupLab } from './built-cli.js';

let t: ReturnType<typeof hostileTree>;
beforeAll(() => {
  ensureBuilt();
  t = hostileTree();
}, 180_000);
afterAll(() => t?.cleanup());

const LINE = /lab\.yaml:4: setup script /;

/** [setup as written in the lab file, what the refusal says] without --allow-outside. */
const REFUSED: [string, RegExp][] = [
  ['../../../../etc/passwd', /is outside the lab file's folder \(.*--allow-outside/],
  ['../secret.txt', /is outside the lab file's folder/],
  ['/etc/shadow', /is an absolute path/],
  ['/proc/self/environ', /is an absolute path/],
  ['/dev/zero', /is an absolute path/],
  ['/dev/urandom', /is an absolute path/],
  ['link-out.sh', /leads outside the lab file's folder through a symbolic link/],
  ['zero.sh', /leads outside the lab file's folder through a symbolic link/],
  ['fifo.sh', /: a FIFO \(named pipe\), not a regular file$/],
  ['binary.sh', /: a binary file \(it contains NUL bytes\), not text$/],
  ['latin1.sh', /: not UTF-8 text/],
  ['long-line.sh', /: line 2 is longer than 65536 bytes$/],
  ['big.sh', /: larger than 8 MiB \(104857600 bytes\)$/],
  ['dir.sh', /: a directory, not a file$/],
  ['nope.sh', /does not exist \(paths are relative to the lab file\)$/],
  ['""', /is empty$/],
];

describe('setup paths that stay refused', () => {
  it.each(REFUSED)('run: setup %s', (setup, why) => {
    const lab = setupLab(t.lab, setup);
    const r = cli(['run', lab]);
    expectRefused(r, LINE, setup);
    expect(r.stderr.trimEnd()).toMatch(why);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('every subcommand that loads a lab file refuses the same way', () => {
    for (const setup of ['../secret.txt', '/dev/zero', 'fifo.sh', 'link-out.sh', 'big.sh']) {
      const lab = setupLab(t.lab, setup);
      for (const args of [
        ['run', lab, '--json'],
        ['lint', lab],
        ['lint', lab, '--json'],
        ['graph', lab],
        ['reach', lab],
        ['verify', lab],
        ['verify', lab, '--json'],
        ['explain', lab, '--from', 'h1', '--to', '10.0.0.1'],
        ['run', lab, '--pcap', path.join(t.root, 'caps')],
      ]) {
        expectRefused(cli(args), LINE, `${args.join(' ')} (setup ${setup})`);
      }
    }
    // the refused --pcap run made no folder
    expect(fs.existsSync(path.join(t.root, 'caps'))).toBe(false);
  }, 300_000);
});

describe('--allow-outside', () => {
  it('lets a setup script outside the folder be read, and only a regular text file', () => {
    const outside = path.join(t.root, 'outside.sh');
    fs.writeFileSync(outside, 'ip netns add OUT\nip netns list\n');
    for (const setup of ['../outside.sh', outside]) {
      const lab = setupLab(t.lab, setup);
      expectRefused(cli(['run', lab]), LINE, setup);
      const r = cli(['run', lab, '--allow-outside', '--json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).steps.map((s: { stdout: string }) => s.stdout)).toEqual(['', 'OUT\n']);
    }
  });

  it.each<[string, RegExp]>([
    ['/dev/zero', /: a character device, not a regular file$/],
    ['/dev/urandom', /: a character device, not a regular file$/],
    ['zero.sh', /: a character device, not a regular file$/],
    ['/proc/self/environ', /: a file of the kernel's proc file system, not a script$/],
    ['/proc/self/status', /: a file of the kernel's proc file system, not a script$/],
    ['/sys/class/net/lo/mtu', /: a file of the kernel's sysfs file system, not a script$/],
    ['fifo.sh', /: a FIFO \(named pipe\), not a regular file$/],
    ['big.sh', /: larger than 8 MiB/],
    ['/etc', /: a directory, not a file$/],
  ])('still refuses setup %s', (setup, why) => {
    const lab = setupLab(t.lab, setup);
    for (const cmd of ['run', 'verify']) {
      const r = cli([cmd, lab, '--allow-outside']);
      expectRefused(r, LINE, `${cmd} ${setup}`);
      expect(r.stderr.trimEnd()).toMatch(why);
    }
  });

  it('is refused for a script, which has no setup paths', () => {
    const script = path.join(t.lab, 'ok.sh');
    for (const cmd of ['run', 'lint', 'graph', 'reach', 'diff']) {
      expectRefused(cli([cmd, script, '--allow-outside']), new RegExp(`^nettwin ${cmd}: --allow-outside is for lab files .*\\(see nettwin ${cmd} --help\\)\\n$`), cmd);
    }
  }, 120_000);
});

describe('a setup script inside the folder still works', () => {
  it('relative, in a subfolder, and through a symbolic link that stays inside', () => {
    fs.mkdirSync(path.join(t.lab, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(t.lab, 'sub', 'in.sh'), 'ip netns add IN\n');
    fs.symlinkSync('sub/in.sh', path.join(t.lab, 'in-link.sh'));
    for (const setup of ['ok.sh', 'sub/in.sh', './sub/../sub/in.sh', 'in-link.sh']) {
      const r = cli(['run', setupLab(t.lab, setup), '--json']);
      expect(r.stderr, setup).toBe('');
      expect(r.status, setup).toBe(0);
      expectNoSecret(r);
    }
  });
});
