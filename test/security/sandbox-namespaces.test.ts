/**
 * The sandbox has its own hostname, IPC, processes, network devices and named namespaces: each
 * property is tried from inside with `Sandbox.exec` (past nettwin's own checks) and looked at
 * from the machine. Also: the agent refuses to run in a weaker sandbox, and real mode says
 * plainly when bubblewrap is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPreconditions, PreconditionError, requireRealMode, type HostFacts } from '../../adapters/linux/preconditions.js';
import { AGENT_SOURCE } from '../../adapters/linux/sandbox-agent.js';
import { SANDBOX_HOSTNAME } from '../../adapters/linux/sandbox-bwrap.js';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { describeReal, snapshotMachine } from '../real/require-real.js';

const facts = (over: Partial<HostFacts>): HostFacts => ({ platform: 'linux', euid: 0, which: (c) => `/usr/bin/${c}`, exists: () => true, ...over });

describe('real mode needs bubblewrap (no kernel)', () => {
  it('without bwrap, real mode does not run, and says which package to install', () => {
    const problems = checkPreconditions(facts({ which: (c) => (c === 'bwrap' ? null : `/usr/bin/${c}`) }));
    expect(problems).toEqual(['missing `bwrap` (install the Debian package bubblewrap): real mode runs only inside a bubblewrap sandbox']);
    expect(() => requireRealMode(facts({ which: (c) => (c === 'bwrap' ? null : `/usr/bin/${c}`) }))).toThrow(PreconditionError);
  });

  it('a tool the sandbox cannot see (outside /usr/sbin, /usr/bin, /sbin, /bin) is named with where it is', () => {
    const problems = checkPreconditions(facts({ which: (c) => `/opt/x/${c}`, whichInSandbox: (c) => (c === 'ip' ? null : `/usr/bin/${c}`) }));
    expect(problems).toEqual(['`ip` is /opt/x/ip, outside what the sandbox sees (/usr/sbin, /usr/bin, /sbin, /bin): install the Debian package iproute2']);
  });
});

const KINDS = ['net', 'mnt', 'uts', 'ipc', 'pid', 'cgroup'] as const;
const machineNs = (k: string) => fs.readlinkSync(`/proc/self/ns/${k}`);

describeReal('the sandbox has namespaces of its own (real kernel)', () => {
  let lab: Sandbox;
  let before = '';
  beforeAll(async () => {
    before = snapshotMachine();
    lab = await Sandbox.open({ hosts: ['a', 'b'] });
  });
  afterAll(async () => {
    await lab?.close();
    expect(snapshotMachine()).toBe(before);
  });

  it('every kind of namespace differs from the machine’s, in the sandbox root, a lab host and ip netns exec', async () => {
    const one = await Sandbox.open({ hosts: ['h'] });
    try {
      expect((await lab.exec('a', ['ip', 'netns', 'add', 'NSN'])).exit).toBe(0);
      for (const [sb, host, wrap] of [
        [one, 'h', []],
        [lab, 'a', []],
        [lab, 'a', ['ip', 'netns', 'exec', 'NSN']],
      ] as const) {
        for (const k of KINDS) {
          const r = await sb.exec(host, [...wrap, 'readlink', `/proc/self/ns/${k}`]);
          expect(r.exit).toBe(0);
          expect(r.stdout.trim(), `${k} namespace`).not.toBe(machineNs(k));
        }
      }
    } finally {
      await one.close();
    }
  });

  it('hostname: fixed inside, and setting it changes only the sandbox', async () => {
    const machine = fs.readFileSync('/proc/sys/kernel/hostname', 'utf8');
    const sb = await Sandbox.open({ hosts: ['h'] });
    try {
      expect(await sb.exec('h', ['hostname'])).toEqual({ exit: 0, stdout: `${SANDBOX_HOSTNAME}\n`, stderr: '' });
      expect((await sb.exec('h', ['cat', '/proc/sys/kernel/hostname'])).stdout).toBe(`${SANDBOX_HOSTNAME}\n`);
      const evil = `pwn-${randomBytes(4).toString('hex')}`;
      expect((await sb.exec('h', ['hostname', evil])).exit).toBe(0);
      expect((await sb.exec('h', ['hostname'])).stdout).toBe(`${evil}\n`);
      expect((await sb.exec('h', ['tee', '/proc/sys/kernel/hostname'], { input: `${evil}2\n` })).stderr).toMatch(/Read-only file system/);
      expect(fs.readFileSync('/proc/sys/kernel/hostname', 'utf8')).toBe(machine);
      expect(execFileSync('hostname', { encoding: 'utf8' })).toBe(machine);
    } finally {
      await sb.close();
      // had the test failed that way, the machine gets its name back
      if (fs.readFileSync('/proc/sys/kernel/hostname', 'utf8') !== machine) fs.writeFileSync('/proc/sys/kernel/hostname', machine);
    }
  });

  it('IPC: the machine’s SysV shared memory and POSIX shm are invisible inside, and the sandbox’s never reach the machine', async () => {
    const made = /(\d+)\s*$/.exec(execFileSync('ipcmk', ['-M', '4096'], { encoding: 'utf8' }).trim());
    const shmId = made![1]!;
    const posix = `/dev/shm/nettwin-sbxsec-${randomBytes(6).toString('hex')}`;
    fs.writeFileSync(posix, 'machine');
    try {
      expect(execFileSync('ipcs', ['-m'], { encoding: 'utf8' })).toMatch(new RegExp(`\\s${shmId}\\s`));
      for (const host of ['a', 'b']) {
        const ipcs = await lab.exec(host, ['ipcs', '-m']);
        expect(ipcs.exit).toBe(0);
        expect(ipcs.stdout).not.toMatch(new RegExp(`\\s${shmId}\\s`));
        expect((await lab.exec(host, ['ls', '-A', '/dev/shm'])).stdout).not.toContain(posix.slice('/dev/shm/'.length));
      }
      const inside = await lab.exec('a', ['ipcmk', '-M', '4096']);
      expect(inside.exit).toBe(0);
      // ipcmk chose a random key: the machine has no segment with it
      const insideId = /(\d+)\s*$/.exec(inside.stdout.trim())![1]!;
      const line = (await lab.exec('b', ['ipcs', '-m'])).stdout.split('\n').find((l) => l.split(/\s+/)[1] === insideId);
      const key = line?.split(/\s+/)[0];
      expect(key).toMatch(/^0x[0-9a-f]+$/);
      expect(
        execFileSync('ipcs', ['-m'], { encoding: 'utf8' })
          .split('\n')
          .map((l) => l.split(/\s+/)[0]),
      ).not.toContain(key);
    } finally {
      spawnSync('ipcrm', ['-m', shmId]);
      fs.rmSync(posix, { force: true });
    }
  });

  it('processes: only the sandbox’s own are visible, and the agent is PID 1', async () => {
    const machineCount = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).length;
    for (const host of ['a', 'b']) {
      const comms = (await lab.exec(host, ['ps', '-e', '-o', 'comm='])).stdout
        .split('\n')
        .filter(Boolean)
        .map((c) => c.trim());
      expect(new Set(comms), comms.join(' ')).toEqual(new Set(['node', 'sleep', 'ps']));
      const pids = (await lab.exec(host, ['ls', '/proc'])).stdout.split('\n').filter((e) => /^\d+$/.test(e));
      expect(pids.length).toBeLessThan(10);
      expect(pids.length).toBeLessThan(machineCount);
      expect((await lab.exec(host, ['cat', '/proc/1/cmdline'])).stdout).toContain('--input-type=module');
      // the test runner (on the machine) cannot be signalled by its number: that PID is not the runner inside
      expect((await lab.exec(host, ['kill', '-0', String(process.pid)])).exit).not.toBe(0);
    }
  });

  it('/sys/class/net shows only the host’s own devices, and the machine’s /run/netns is untouched', async () => {
    const machineLinks = fs.readdirSync('/sys/class/net').filter((n) => n !== 'lo');
    const machineNetns = fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns').sort() : null;
    expect((await lab.exec('a', ['ip', 'link', 'add', 'sbx-a0', 'type', 'bridge'])).exit).toBe(0);
    expect((await lab.exec('b', ['ip', 'netns', 'add', 'sbx-ns-b'])).exit).toBe(0);
    const inA = (await lab.exec('a', ['ls', '/sys/class/net'])).stdout.split('\n').filter(Boolean);
    const inB = (await lab.exec('b', ['ls', '/sys/class/net'])).stdout.split('\n').filter(Boolean);
    expect(inA.sort()).toEqual(['lo', 'sbx-a0']);
    expect(inB).toEqual(['lo']);
    for (const l of machineLinks) expect(inA).not.toContain(l);
    expect((await lab.exec('b', ['ip', 'netns', 'list'])).stdout).toBe('sbx-ns-b\n');
    expect(fs.existsSync('/sys/class/net/sbx-a0')).toBe(false);
    expect(fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns').sort() : null).toEqual(machineNetns);
  });
});

describeReal('the agent refuses a weaker sandbox (real kernel)', () => {
  it('run in the old unshare sandbox (machine’s root writable, shared hostname), it exits 70 and says why', () => {
    const r = spawnSync(
      'unshare',
      ['--net', '--mount', '--pid', '--fork', '--kill-child', '--mount-proc', '--propagation', 'private', '--', process.execPath, '--input-type=module', '-e', AGENT_SOURCE],
      {
        input: '',
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(/refusing to run: \/ is writable/);
  });
});
