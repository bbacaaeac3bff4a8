/**
 * The path check's allowlist (src/model/kernel-path.ts) against the kernel: every sysctl file
 * of the allowed families in a sandbox's /proc/sys/net is accepted and every directory refused;
 * /proc/sys/net holds no symlink; each allowed attribute of /sys/class/net/IF is a regular file
 * with the writability the list gives it, and the device's links and directories are refused.
 * Read-only: `find` and `stat` in a throwaway sandbox.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { Lab } from '../../src/lab.js';
import { checkKernelPath, SYSFS_NET_ATTRS } from '../../src/model/kernel-path.js';
import { describeReal, snapshotMachine } from '../real/require-real.js';

const FAMILIES = ['ipv4', 'ipv6', 'core', 'bridge', 'netfilter', 'unix'];

describeReal('the path allowlist is the kernel’s', () => {
  let sb: Sandbox;
  let before = '';
  beforeAll(async () => {
    before = snapshotMachine();
    sb = await Sandbox.open({ hosts: ['h'] });
    for (const argv of [
      ['ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v0.100'],
      ['ip', 'link', 'add', 'br0', 'type', 'bridge'],
      ['ip', 'link', 'set', 'v0', 'master', 'br0'],
    ]) {
      expect((await sb.exec('h', argv)).exit, argv.join(' ')).toBe(0);
    }
  });
  afterAll(async () => {
    await sb?.close();
    expect(snapshotMachine()).toBe(before);
  });

  it('accepts every sysctl file of the allowed families, refuses their directories, and meets no symlink', async () => {
    const present = (await sb.exec('h', ['ls', '/proc/sys/net'])).stdout.split('\n').filter((f) => FAMILIES.includes(f));
    expect(present).toEqual(expect.arrayContaining(['ipv4', 'ipv6', 'core', 'unix']));
    const dirs = present.map((f) => `/proc/sys/net/${f}`);
    const files = (await sb.exec('h', ['find', ...dirs, '-type', 'f'])).stdout.split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(500);
    expect(files).toContain('/proc/sys/net/ipv4/conf/v0.100/rp_filter');
    expect(files.filter((f) => !checkKernelPath(f).ok)).toEqual([]);
    const subdirs = (await sb.exec('h', ['find', ...dirs, '-type', 'd'])).stdout.split('\n').filter(Boolean);
    expect(subdirs.length).toBeGreaterThan(10);
    expect(subdirs.filter((d) => checkKernelPath(d).ok)).toEqual([]);
    expect((await sb.exec('h', ['find', '/proc/sys/net', '-type', 'l'])).stdout).toBe('');
  });

  it('allows only regular attribute files of a device, writable exactly where the kernel lets root write', async () => {
    const r = await sb.exec('h', ['find', '/sys/class/net/v0/', '-mindepth', '1', '-maxdepth', '1', '-printf', '%f %y %m\\n']);
    const entries = new Map(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.split(' ')[0], l.split(' ').slice(1)] as const),
    );
    expect(entries.get('master')?.[0]).toBe('l');
    for (const [attr, writable] of SYSFS_NET_ATTRS) {
      expect(entries.get(attr), attr).toEqual(['f', writable ? '644' : '444']);
      expect(checkKernelPath(`/sys/class/net/v0/${attr}`).ok).toBe(true);
    }
    const notFiles = [...entries].filter(([, [type]]) => type !== 'f').map(([name]) => name);
    expect(notFiles).toEqual(expect.arrayContaining(['master', 'subsystem', 'brport', 'statistics']));
    for (const name of notFiles) expect(checkKernelPath(`/sys/class/net/v0/${name}`).ok, name).toBe(false);
  });

  it("a dotted interface name: both of procps's key forms and the file, named and printed as procps does", async () => {
    const text = [
      'ip link add eth0.100 type bridge',
      'sysctl -w net.ipv4.conf.eth0/100.rp_filter=2',
      'sysctl net/ipv4/conf/eth0.100/rp_filter',
      'sysctl -n net.ipv4.conf.eth0/100.rp_filter',
      'cat /proc/sys/net/ipv4/conf/eth0.100/rp_filter',
      'echo 1 | tee /proc/sys/net/ipv4/conf/eth0.100/arp_ignore',
      'sysctl -w net/ipv4/conf/eth0.100/tag=99999999999',
      'sysctl net.ipv4.conf.eth0/101.rp_filter',
      'sysctl -w net/ipv4/conf/eth0.100/mc_forwarding=1',
    ].join('\n');
    const view = (s: { command: string; exit: number; stdout: string; stderr: string; supported: boolean }) => [s.command, s.exit, s.stdout, s.stderr, s.supported];
    const sim = new Lab({ seed: 1 }).host('h').sh(text).map(view);
    expect(sim[1]).toEqual(['sysctl -w net.ipv4.conf.eth0/100.rp_filter=2', 0, 'net.ipv4.conf.eth0/100.rp_filter = 2\n', '', true]);
    expect((await runScriptInSandbox(text, { file: 'dotted.sh', host: 'h' })).map(view)).toEqual(sim);
  }, 60_000);
});
