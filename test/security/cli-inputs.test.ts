/**
 * Hostile files and paths given to the built CLI itself: a FIFO, a device, a directory, a
 * binary or oversized file as the script or lab file, and output paths under /proc, /sys, /dev
 * or on a FIFO. Each ends within seconds with exit 2 and one line naming the problem, prints no
 * content of the file, and writes nothing where it was refused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, ensureBuilt, expectRefused, hostileTree } from './built-cli.js';

let t: ReturnType<typeof hostileTree>;
beforeAll(() => {
  ensureBuilt();
  t = hostileTree();
  execFileSync('mkfifo', [path.join(t.lab, 'fifo.yaml')]);
  fs.symlinkSync('/dev/zero', path.join(t.lab, 'zero.yaml'));
  fs.writeFileSync(path.join(t.lab, 'binary.yaml'), Buffer.from('hosts:\n  h: {}\n\0\n'));
  fs.symlinkSync('/proc', path.join(t.root, 'to-proc'));
}, 180_000);
afterAll(() => t?.cleanup());

const lab = (f: string) => path.join(t.lab, f);

describe('the file given is not a regular text file', () => {
  it.each<[string, RegExp]>([
    ['fifo.sh', /a FIFO \(named pipe\), not a regular file/],
    ['zero.sh', /a character device, not a regular file/],
    ['dir.sh', /a directory, not a file/],
    ['binary.sh', /a binary file \(it contains NUL bytes\), not text/],
    ['latin1.sh', /not UTF-8 text/],
    ['long-line.sh', /line 2 is longer than 65536 bytes/],
    ['big.sh', /larger than 8 MiB \(104857600 bytes\)/],
    ['nope.sh', /no such file/],
  ])(
    '%s as a script, in every subcommand',
    (f, why) => {
      for (const args of [
        ['run', lab(f)],
        ['run', lab(f), '--json'],
        ['lint', lab(f)],
        ['graph', lab(f)],
        ['reach', lab(f)],
        ['explain', lab(f), '--from', 'host', '--to', '10.0.0.1'],
      ]) {
        const r = cli(args);
        expectRefused(r, new RegExp(`^nettwin: cannot read ${lab(f).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `), args.join(' '));
        expect(r.stderr).toMatch(why);
      }
    },
    120_000,
  );

  it.each<[string, RegExp]>([
    ['/dev/zero', /a character device, not a regular file/],
    ['/dev/urandom', /a character device, not a regular file/],
    ['/proc/self/environ', /a file of the kernel's proc file system, not a script/],
    ['/proc/self/status', /a file of the kernel's proc file system, not a script/],
  ])('%s as a script', (f, why) => {
    const r = cli(['run', f]);
    expectRefused(r, why, f);
  });

  it.each<[string, RegExp]>([
    ['fifo.yaml', /fifo\.yaml: a FIFO \(named pipe\), not a regular file/],
    ['zero.yaml', /zero\.yaml: a character device, not a regular file/],
    ['binary.yaml', /binary\.yaml: a binary file/],
  ])(
    '%s as a lab file, in every subcommand',
    (f, why) => {
      for (const args of [
        ['run', lab(f)],
        ['lint', lab(f)],
        ['graph', lab(f)],
        ['reach', lab(f)],
        ['verify', lab(f)],
        ['explain', lab(f), '--from', 'h', '--to', '10.0.0.1'],
      ]) {
        expectRefused(cli(args), why, args.join(' '));
      }
    },
    120_000,
  );
});

describe('output paths', () => {
  const KERNEL = /under \/(proc|sys|dev)\b.*which belongs to the kernel/;

  it.each(['/proc/nope', '/proc/self/nope/deeper', '/sys/nope', '/sys/class/net/nope/x', '/dev/nope', '/dev/shm/nettwin-nope'])('gen --out %s', (out) => {
    const r = cli(['gen', '--seed', '1', '--count', '2', '--out', out], { timeoutMs: 10_000 });
    expectRefused(r, KERNEL, out);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('gen --out through a symbolic link into /proc, and onto a file', () => {
    expectRefused(cli(['gen', '--seed', '1', '--count', '2', '--out', path.join(t.root, 'to-proc', 'nope')]), /through a symbolic link/);
    expectRefused(cli(['gen', '--seed', '1', '--count', '2', '--out', path.join(t.lab, 'ok.sh', 'x')]), /is not a directory/);
    expectRefused(cli(['gen', '--seed', '1', '--count', '2', '--out', path.join(t.lab, 'ok.sh')]), /not a directory/);
  });

  it('gen does not write into a FIFO or follow one that sits where a script goes', () => {
    const out = path.join(t.root, 'gen-fifo');
    fs.mkdirSync(out);
    execFileSync('mkfifo', [path.join(out, '002.sh')]);
    const r = cli(['gen', '--seed', '1', '--count', '3', '--out', out]);
    expectRefused(r, /002\.sh: a FIFO \(named pipe\), not a regular file/);
  });

  it('gen writes a fresh nested folder one level at a time', () => {
    const out = path.join(t.root, 'a', 'b', 'c');
    const r = cli(['gen', '--seed', '3', '--count', '2', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['001.sh', '002.sh']);
  });

  it.each(['/proc/nope', '/sys/nope', '/dev/nope', '/proc/self'])('run --pcap %s', (dir) => {
    for (const f of ['examples/seed/node1.sh', 'examples/seed/lab.yaml']) {
      const r = cli(['run', f, '--pcap', dir], { timeoutMs: 10_000 });
      expectRefused(r, new RegExp(`^nettwin run: --pcap ${dir}: under /(proc|sys|dev), which belongs to the kernel`), `${f} ${dir}`);
    }
  });

  it('run --pcap through a symbolic link into /proc', () => {
    expectRefused(cli(['run', 'examples/seed/lab.yaml', '--pcap', path.join(t.root, 'to-proc', 'caps')]), /through a symbolic link/);
  });

  it.each(['/proc/self/attr/current', '/proc/sys/kernel/hostname', '/sys/nope.xml', '/dev/null'])('verify --junit %s', (junit) => {
    const before = junit.startsWith('/proc/sys') ? fs.readFileSync(junit, 'utf8') : null;
    const r = cli(['verify', 'examples/seed/verify.yaml', '--junit', junit]);
    expectRefused(r, /^nettwin verify: --junit .*: under \/(proc|sys|dev)/, junit);
    if (before !== null) expect(fs.readFileSync(junit, 'utf8')).toBe(before);
  });

  it('verify --junit onto a FIFO is refused without blocking', () => {
    const fifo = path.join(t.root, 'junit.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = cli(['verify', 'examples/seed/verify.yaml', '--junit', fifo]);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/junit\.fifo: a FIFO \(named pipe\), not a regular file/);
  });
});

describe('errors go to stderr', () => {
  it('verify on a lab without intents says so on stderr, exit 2', () => {
    const f = path.join(t.lab, 'none.yaml');
    fs.writeFileSync(f, 'hosts:\n  h: {}\n');
    const r = cli(['verify', f]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/none\.yaml: no intents to check/);
  });
});

describe('a reader that goes away', () => {
  it('ends the CLI quietly with the status of SIGPIPE, no stack trace', () => {
    const f = path.join(t.lab, 'many.sh');
    fs.writeFileSync(f, 'ip link show\n'.repeat(20_000));
    // `nettwin run many.sh | head -c 1`, without a shell: the reader closes after one byte
    const r = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" run "$2" | head -c 1 >/dev/null', process.execPath, CLI, f], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(141);
    expect(r.stderr).toBe('');
  }, 90_000);
});
