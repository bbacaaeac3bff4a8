/**
 * The sandbox cannot touch the machine's files even when a check in front of it is wrong: every
 * case here goes straight to `Sandbox.exec`, past nettwin's own argv and path checks, and tries
 * from inside (the sandbox root, a lab host, and `ip netns exec` in a lab host) what the path
 * traversal of issue #13 did: write a file anywhere, read a secret, write a kernel setting.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox, type ExecResult } from '../../adapters/linux/sandbox.js';
import { describeReal, snapshotMachine } from '../real/require-real.js';

/** A way into the sandbox: which sandbox, which host, and what wraps the command there. */
interface Place {
  name: string;
  sb: () => Sandbox;
  host: string;
  wrap: string[];
}

const token = () => `nettwin-secret-${randomBytes(12).toString('hex')}`;

describeReal('the sandbox cannot touch the machine’s files (real kernel)', () => {
  let single: Sandbox;
  let lab: Sandbox;
  let tmp = '';
  let rootSecret = '';
  let before = '';
  const secret = token();
  /** every path a case tried to create on the machine: removed at the end should one appear (the test has failed then) */
  const tried: string[] = [];
  const places: Place[] = [
    { name: 'sandbox root', sb: () => single, host: 'h', wrap: [] },
    { name: 'lab host', sb: () => lab, host: 'a', wrap: [] },
    { name: 'ip netns exec in a lab host', sb: () => lab, host: 'a', wrap: ['ip', 'netns', 'exec', 'NS1'] },
  ];
  const run = (p: Place, argv: string[], input?: string): Promise<ExecResult> => p.sb().exec(p.host, [...p.wrap, ...argv], input === undefined ? {} : { input });

  beforeAll(async () => {
    before = snapshotMachine();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-sbxsec-'));
    fs.writeFileSync(path.join(tmp, 'secret'), `${secret}\n`, { mode: 0o600 });
    rootSecret = path.join('/root', `${token()}.txt`);
    fs.writeFileSync(rootSecret, `${secret}\n`, { mode: 0o600 });
    [single, lab] = await Promise.all([Sandbox.open({ hosts: ['h'] }), Sandbox.open({ hosts: ['a', 'b'] })]);
    expect((await lab.exec('a', ['ip', 'netns', 'add', 'NS1'])).exit).toBe(0);
  });

  afterAll(async () => {
    await Promise.all([single?.close(), lab?.close()]);
    fs.rmSync(tmp, { recursive: true, force: true });
    if (rootSecret) fs.rmSync(rootSecret, { force: true });
    for (const t of tried) fs.rmSync(path.normalize(t), { recursive: true, force: true });
    expect(snapshotMachine()).toBe(before);
  });

  it('writes to the machine’s folders fail, and no canary appears on the machine', async () => {
    const hostsBefore = fs.readFileSync('/etc/hosts', 'utf8');
    for (const p of places) {
      const tag = randomBytes(6).toString('hex');
      // the machine's temporary folder: inside, /tmp is the sandbox's own tmpfs, where the
      // folder does not exist (mkdir -p may make it there); nothing may appear on the machine
      const inTmp = [path.join(tmp, `canary-${tag}`), `/proc/sys/net/ipv4/../../../..${tmp}/canary2-${tag}`];
      // the machine's other folders: read-only or absent inside, every write fails
      const elsewhere = [
        `/etc/nettwin-canary-${tag}`,
        `/usr/bin/nettwin-canary-${tag}`,
        `/usr/lib/nettwin-canary-${tag}`,
        `/work/nettwin-canary-${tag}`,
        `/root/nettwin-canary-${tag}`,
        `/var/nettwin-canary-${tag}`,
        `/nettwin-canary-${tag}`,
        // issue #13's traversal, as the kernel resolves it
        `/proc/sys/net/ipv4/../../../../etc/nettwin-canary2-${tag}`,
      ];
      tried.push(...elsewhere, ...elsewhere.map((c) => `${c}.d`));
      for (const c of [...inTmp, ...elsewhere]) {
        for (const argv of [
          ['tee', c],
          ['tee', '-a', c],
          ['mkdir', '-p', `${c}.d`],
          ['cp', '/usr/bin/true', c],
        ]) {
          const r = await run(p, argv, 'nettwin-canary\n');
          if (elsewhere.includes(c)) expect(r.exit, `${p.name}: ${argv.join(' ')} succeeded`).not.toBe(0);
        }
        expect(fs.existsSync(path.normalize(c)), `${p.name}: ${c} appeared on the machine`).toBe(false);
        expect(fs.existsSync(`${path.normalize(c)}.d`), `${p.name}: ${c}.d appeared on the machine`).toBe(false);
      }
      expect(fs.readdirSync(tmp).sort()).toEqual(['secret']);
      // the machine's own files cannot be overwritten either (inside, /etc/hosts is made up and read-only)
      expect((await run(p, ['tee', '/etc/hosts'], '6.6.6.6 nettwin-canary\n')).stderr).toMatch(/Read-only file system/);
      expect((await run(p, ['tee', '/usr/bin/true'], 'x')).exit).not.toBe(0);
    }
    expect(fs.readFileSync('/etc/hosts', 'utf8')).toBe(hostsBefore);
    expect(fs.statSync('/usr/bin/true').size).toBeGreaterThan(1);
  });

  it('what the sandbox may write (/tmp, /run, /dev/shm) is private: none of it reaches the machine', async () => {
    for (const p of places) {
      const name = `nettwin-canary-${randomBytes(6).toString('hex')}`;
      for (const dir of ['/tmp', '/run', '/dev/shm']) {
        tried.push(`${dir}/${name}`);
        expect(await run(p, ['tee', `${dir}/${name}`], 'x\n'), `${p.name}: ${dir}`).toEqual({ exit: 0, stdout: 'x\n', stderr: '' });
        expect(fs.existsSync(`${dir}/${name}`), `${p.name}: ${dir}/${name} appeared on the machine`).toBe(false);
      }
      // and it is bounded: /tmp is a tmpfs of 64 MiB, not the machine's disk or memory
      const df = await run(p, ['df', '-k', '--output=fstype,size', '/tmp']);
      expect(df.stdout.split('\n')[1]?.trim().split(/\s+/)).toEqual(['tmpfs', String(64 * 1024)]);
    }
  });

  it('the machine’s secrets cannot be read: a mode-600 file in a temporary folder and in /root, /etc/shadow', async () => {
    const targets = [
      path.join(tmp, 'secret'),
      rootSecret,
      '/etc/shadow',
      `/proc/sys/net/ipv4/../../../..${tmp}/secret`,
      `/proc/sys/net/ipv4/../../../..${rootSecret}`,
      '/proc/sys/net/ipv4/../../../../etc/shadow',
    ];
    for (const p of places) {
      for (const t of targets) {
        for (const argv of [
          ['cat', t],
          ['base64', t],
          ['sysctl', '-n', t],
        ]) {
          const r = await run(p, argv);
          expect(r.stdout + r.stderr, `${p.name}: ${argv.join(' ')}`).not.toContain(secret);
          expect(r.stdout + r.stderr, `${p.name}: ${argv.join(' ')}`).not.toMatch(/^root:[^:]*:\d+:/m);
        }
        expect((await run(p, ['cat', t])).stderr, `${p.name}: cat ${t}`).toMatch(/No such file or directory/);
      }
      for (const dir of ['/root', '/home', '/work', '/var/lib', '/opt']) {
        expect((await run(p, ['ls', dir])).exit, `${p.name}: ls ${dir}`).not.toBe(0);
      }
      // /etc holds a handful of files, and users are made up: root and nobody, not the machine's
      const etc = (await run(p, ['ls', '-A', '/etc'])).stdout.split('\n').filter(Boolean);
      expect(
        etc.every((f) => ['alternatives', 'ethertypes', 'group', 'hosts', 'iproute2', 'ld.so.cache', 'nsswitch.conf', 'passwd', 'protocols', 'services'].includes(f)),
        etc.join(' '),
      ).toBe(true);
      const users = (await run(p, ['cat', '/etc/passwd'])).stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]);
      expect(users).toEqual(['root', 'nobody']);
      const top = (await run(p, ['ls', '-A', '/'])).stdout.split('\n').filter(Boolean);
      // (a Node binary outside /usr is bound alone, with only the folders leading to it)
      const nodeTop = fs.realpathSync(process.execPath).split('/')[1];
      for (const hidden of ['root', 'home', 'work', 'opt', 'boot', 'mnt', 'srv', 'media']) if (hidden !== nodeTop) expect(top, p.name).not.toContain(hidden);
    }
  });

  it('the kernel’s global settings are read-only: only /proc/sys/net and the devices’ sysfs take writes', async () => {
    const hostname = fs.readFileSync('/proc/sys/kernel/hostname', 'utf8');
    // files the machine's root can write, and that the sandbox must not
    const global = ['/proc/sys/kernel/hostname', '/proc/sys/kernel/core_pattern', '/proc/sys/vm/drop_caches', '/proc/sys/fs/file-max'];
    const sysGlobal = ['/sys/kernel/uevent_helper', '/sys/kernel/profiling', '/sys/bus/platform/drivers_probe', '/sys/power/state', '/sys/kernel/mm/ksm/run'];
    const writableOnMachine = (f: string) => {
      try {
        fs.accessSync(f, fs.constants.W_OK);
        return true;
      } catch {
        return false;
      }
    };
    const checked = [...global, ...sysGlobal].filter(writableOnMachine);
    expect(checked.length).toBeGreaterThanOrEqual(2);
    for (const p of places.slice(0, 2)) {
      for (const f of checked) expect((await run(p, ['test', '-w', f])).exit, `${p.name}: ${f} is writable`).toBe(1);
      // issue #13: the machine's hostname through the net sysctl folder
      const r = await run(p, ['tee', '/proc/sys/net/ipv4/../../kernel/hostname'], 'pwned\n');
      expect(r.stderr).toMatch(/Read-only file system/);
      // what real mode needs still works
      expect(await run(p, ['sysctl', '-w', 'net.ipv4.ip_forward=1'])).toEqual({ exit: 0, stdout: 'net.ipv4.ip_forward = 1\n', stderr: '' });
      expect((await run(p, ['ip', 'link', 'add', 'sbxsec0', 'type', 'bridge'])).exit).toBe(0);
      expect(await run(p, ['tee', '/sys/class/net/sbxsec0/mtu'], '1400\n')).toEqual({ exit: 0, stdout: '1400\n', stderr: '' });
      expect((await run(p, ['ip', '-o', 'link', 'show', 'sbxsec0'])).stdout).toContain('mtu 1400');
      expect((await run(p, ['ip', 'link', 'del', 'sbxsec0'])).exit).toBe(0);
    }
    expect(fs.readFileSync('/proc/sys/kernel/hostname', 'utf8')).toBe(hostname);
  });

  it('no device nodes to reach the machine’s disks, and no capability to make one', async () => {
    for (const p of places) {
      const dev = (await run(p, ['ls', '-A', '/dev'])).stdout.split('\n').filter(Boolean).sort();
      expect(
        dev.every((d) => ['core', 'fd', 'full', 'net', 'null', 'ptmx', 'pts', 'random', 'shm', 'stderr', 'stdin', 'stdout', 'tty', 'urandom', 'zero'].includes(d)),
        dev.join(' '),
      ).toBe(true);
      const mknod = await run(p, ['mknod', '/tmp/disk', 'b', '8', '0']);
      expect(mknod.stderr).toMatch(/Operation not permitted/);
      const status = (await run(p, ['cat', '/proc/self/status'])).stdout;
      expect(status).toMatch(/^NoNewPrivs:\s+1$/m);
      // CAP_SYS_ADMIN 21, CAP_SYS_CHROOT 18, CAP_NET_RAW 13, CAP_NET_ADMIN 12, CAP_NET_BIND_SERVICE 10, CAP_SETUID 7, CAP_SETGID 6
      const want = [21, 18, 13, 12, 10, 7, 6].reduce((m, b) => m | (1n << BigInt(b)), 0n);
      expect(BigInt(`0x${/^CapEff:\s+([0-9a-f]+)$/m.exec(status)![1]}`)).toBe(want);
    }
  });
});
