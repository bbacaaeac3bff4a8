/**
 * The path check (src/model/kernel-path.ts) and the argv decision built on it
 * (src/exec/kernel-argv.ts), without a kernel: what is allowed, what is refused and with
 * which words, and how lines using them are classified. paths-kernel.test.ts holds the
 * allowlist against a real kernel's /proc/sys/net and /sys/class/net.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { lint } from '../../src/lint/index.js';
import { classifySysctl, sysctlTarget } from '../../src/ops/apply-sysctl.js';
import { argvVerdict } from '../../src/exec/kernel-argv.js';
import { checkKernelPath, isInterfaceName, sysctlDisplayName, sysctlKeyPath, sysctlSegments } from '../../src/model/kernel-path.js';
import { realArgvProblem } from '../../adapters/linux/guard.js';

const why = (p: string) => {
  const c = checkKernelPath(p);
  return c.ok ? null : c.why;
};

describe('checkKernelPath', () => {
  it('accepts the network sysctls by family and shape, and the sysfs attributes of a device', () => {
    for (const p of [
      '/proc/sys/net/ipv4/ip_forward',
      '/proc/sys/net/ipv4/conf/all/rp_filter',
      '/proc/sys/net/ipv4/conf/default/arp_ignore',
      '/proc/sys/net/ipv4/conf/eth0.100/rp_filter',
      '/proc/sys/net/ipv4/neigh/veth0/gc_stale_time',
      '/proc/sys/net/ipv4/route/flush',
      '/proc/sys/net/ipv6/conf/all/forwarding',
      '/proc/sys/net/ipv6/icmp/ratelimit',
      '/proc/sys/net/core/somaxconn',
      '/proc/sys/net/bridge/bridge-nf-call-iptables',
      '/proc/sys/net/netfilter/nf_log/2',
      '/proc/sys/net/unix/max_dgram_qlen',
      '/proc/sys/net/ipv4/ipforward', // no such file on this kernel: the kernel says so, harmlessly
    ]) {
      expect(checkKernelPath(p), p).toMatchObject({ ok: true, file: { kind: 'sysctl', path: p } });
    }
    expect(checkKernelPath('/proc/sys/net/ipv4/conf/eth0.100/rp_filter')).toMatchObject({ file: { segments: ['net', 'ipv4', 'conf', 'eth0.100', 'rp_filter'] } });
    expect(checkKernelPath('/sys/class/net/veth0/mtu')).toEqual({ ok: true, file: { kind: 'sysfs-net', path: '/sys/class/net/veth0/mtu', ifname: 'veth0', attr: 'mtu', writable: true } });
    expect(checkKernelPath('/sys/class/net/lo/address')).toMatchObject({ ok: true, file: { writable: false } });
    expect(checkKernelPath('/run/netns/NS1')).toMatchObject({ ok: true, file: { kind: 'netns', name: 'NS1' } });
    expect(checkKernelPath('/var/run/netns/NS1')).toMatchObject({ ok: true, file: { kind: 'netns', name: 'NS1' } });
  });

  it('refuses traversal in every allowed form, with the segment that is wrong', () => {
    expect(why('/proc/sys/net/ipv4/../../../../tmp/x/canary')).toBe('a ".." segment');
    expect(why('/proc/sys/net/ipv4/../../kernel/hostname')).toBe('a ".." segment');
    expect(why('/proc/sys/net/ipv4/conf/../../../../etc/shadow')).toBe('a ".." segment');
    expect(why('/proc/sys/net/ipv4/conf/all/rp_filter/../../../../etc/passwd')).toBe('a ".." segment');
    expect(why('/sys/class/net/lo/../../../../etc/passwd')).toBe('a ".." segment');
    expect(why('/run/netns/../../etc/passwd')).toBe('a ".." segment');
    expect(why('/proc/sys/net/./ipv4/ip_forward')).toBe('a "." segment');
    expect(why('//proc/sys/net/ipv4/ip_forward')).toBe('an empty segment');
    expect(why('/proc/sys/net/ipv4//ip_forward')).toBe('an empty segment');
    expect(why('/proc/sys/net/ipv4/ip_forward/')).toBe('an empty segment');
    expect(why('proc/sys/net/ipv4/ip_forward')).toBe('not an absolute path');
    expect(why('~/x')).toBe('not an absolute path');
    expect(why('/proc/sys/net/ipv4/ip_forward\0/x')).toBe('a NUL byte');
    expect(why('/proc/sys/net/ipv4/conf/*/rp_filter')).toBe('a glob character');
  });

  it('refuses every file outside the allowlist, directories and links included', () => {
    for (const p of [
      '/etc/passwd',
      '/etc/shadow',
      '/proc/self/environ',
      '/proc/1/root/etc/shadow',
      '/proc/sys/kernel/hostname',
      '/proc/sys/vm/drop_caches',
      '/proc/sys/net/mptcp/enabled',
      '/proc/sys/fs/x',
      '/tmp/x',
      '/dev/zero',
    ]) {
      expect(why(p), p).toMatch(
        /^only \/proc\/sys\/net\/\{ipv4,ipv6,core,bridge,netfilter,unix\} sysctl files, \/sys\/class\/net\/IF\/ATTR, \/proc\/net\/\{dev,route,arp\} and \/run\/netns\/NAME are allowed$/,
      );
    }
    expect(why('/')).toBe('an empty segment');
    expect(why('/proc/sys/net/ipv4/conf')).toBe('/proc/sys/net/ipv4/conf is a directory');
    expect(why('/proc/sys/net/ipv4/conf/all')).toMatch(/IFNAME\/KEY$/);
    expect(why('/proc/sys/net/ipv4/conf/a:b/rp_filter')).toBe('"a:b" is not an interface name');
    expect(why('/proc/sys/net/ipv4/conf/all/rp.filter')).toBe('"rp.filter" is not a sysctl name');
    expect(why('/proc/sys/net/__proto__/x')).toMatch(/^only/);
    // links and directories of a device: never followed
    for (const a of ['master', 'device', 'subsystem', 'upper_br0', 'lower_eth0', 'brport', 'statistics', 'uevent']) expect(why(`/sys/class/net/v0/${a}`), a).toMatch(/is not an attribute file/);
    expect(why('/sys/class/net/a_very_long_name_x/mtu')).toMatch(/is not an interface name/);
    expect(why('/sys/class/net/v0/statistics/rx_bytes')).toMatch(/^only/);
    expect(why('/run/netns/a/b')).toMatch(/^only/);
  });

  it('takes interface names as the kernel does, narrowed to printable ASCII', () => {
    expect(['eth0', 'eth0.100', 'veth-a_1', 'all', 'default', 'x'.repeat(15)].every(isInterfaceName)).toBe(true);
    expect(['', '.', '..', 'a/b', 'a:b', 'a b', 'x'.repeat(16), 'é'].some(isInterfaceName)).toBe(false);
  });
});

describe('sysctl keys (procps 4.0.2 sysctl.c slashdot)', () => {
  it('opens the file procps would open, and prints the name procps prints', () => {
    expect(sysctlKeyPath('net.ipv4.ip_forward')).toBe('/proc/sys/net/ipv4/ip_forward');
    expect(sysctlKeyPath('net/ipv4/conf/eth0.100/rp_filter')).toBe('/proc/sys/net/ipv4/conf/eth0.100/rp_filter');
    expect(sysctlKeyPath('net.ipv4.conf.eth0/100.rp_filter')).toBe('/proc/sys/net/ipv4/conf/eth0.100/rp_filter');
    // the tricks: a doubled slash in dotted form is "..", a dot-first key swaps all
    expect(sysctlKeyPath('net.ipv4.//.//.kernel.hostname')).toBe('/proc/sys/net/ipv4/../../kernel/hostname');
    expect(sysctlKeyPath('net/ipv4/../../kernel/hostname')).toBe('/proc/sys/net/ipv4/../../kernel/hostname');
    expect(sysctlKeyPath('net.ipv4/ip_forward')).toBe('/proc/sys/net/ipv4.ip_forward');
    expect(sysctlDisplayName('net/ipv4/conf/eth0.100/rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter');
    expect(sysctlDisplayName('net.ipv4.ip_forward')).toBe('net.ipv4.ip_forward');
    expect(sysctlSegments('net.ipv4.conf.eth0/100.rp_filter')).toEqual(['net', 'ipv4', 'conf', 'eth0.100', 'rp_filter']);
    for (const k of ['net.ipv4.//.//.kernel.hostname', 'net/ipv4/../../kernel/hostname', 'net.ipv4..ip_forward', '.net.ipv4.ip_forward', 'kernel.hostname', 'net.ipv4/ip_forward', '']) {
      expect(sysctlSegments(k), k).toBeNull();
    }
  });

  it('the model reads the same keys in both forms, a dotted interface name included', () => {
    expect(sysctlTarget('net.ipv4.conf.eth0/100.rp_filter')).toEqual({ kind: 'conf', scope: 'eth0.100', key: 'rp_filter' });
    expect(sysctlTarget('net/ipv4/conf/eth0.100/rp_filter')).toEqual({ kind: 'conf', scope: 'eth0.100', key: 'rp_filter' });
    expect(classifySysctl('net.ipv4.//.//.kernel.hostname')).toBe('unmodelled');
    const h = new Lab({ seed: 1 }).host('h');
    const s = h.sh('ip link add eth0.100 type bridge\nsysctl -w net.ipv4.conf.eth0/100.rp_filter=2\nsysctl net/ipv4/conf/eth0.100/rp_filter\ncat /proc/sys/net/ipv4/conf/eth0.100/rp_filter');
    expect(s.map((x) => x.stdout)).toEqual(['', 'net.ipv4.conf.eth0/100.rp_filter = 2\n', 'net.ipv4.conf.eth0/100.rp_filter = 2\n', '2\n']);
  });
});

describe('argvVerdict', () => {
  it('keeps names no device can have off the kernel, and refuses files where a tool opens one', () => {
    expect(argvVerdict('ip', ['netns', 'add', '../../x'])?.kind).toBe('off-kernel');
    expect(argvVerdict('ip', ['netns', 'exec', '../x', 'true'])?.kind).toBe('off-kernel');
    expect(argvVerdict('ip', ['link', 'add', 'a/b', 'type', 'veth'])?.kind).toBe('off-kernel');
    expect(argvVerdict('ip', ['n', 'e', 'NS1', 'touch', '/tmp/x'])?.kind).toBe('off-kernel');
    expect(argvVerdict('ip', ['addr', 'add', '10.0.0.1/24', 'dev', '..'])?.kind).toBe('off-kernel');
    expect(argvVerdict('ping', ['-c', '1', '-I', '/path', '10.0.0.1'])?.kind).toBe('off-kernel');
    expect(argvVerdict('ping', ['-c1', '-I/path', '10.0.0.1'])?.kind).toBe('off-kernel');
    expect(argvVerdict('brctl', ['addbr', 'a/b'])?.kind).toBe('off-kernel');
    expect(argvVerdict('ip', ['-n', '../x', 'link'])).toEqual({ kind: 'refuse', why: 'path check refused ../x: ip -n takes a namespace name' });
    expect(argvVerdict('bridge', ['--netns', '..', 'fdb'])?.kind).toBe('refuse');
    expect(argvVerdict('ip', ['link', 'set', 'v0', 'netns', '/proc/1/ns/net'])?.kind).toBe('refuse');
    expect(argvVerdict('ip', ['link', 'set', 'v0', 'netns', '/run/netns/../../proc/1/ns/net'])?.why).toMatch(/a "\.\." segment/);
    expect(argvVerdict('ip', ['link', 'set', 'dev', 'v0', 'xdp', 'obj', '/tmp/prog.o'])?.kind).toBe('refuse');
    expect(argvVerdict('ip', ['addr', 'add', '10.0.0.1/24', 'dev', 'v0', 'label', 'v0/x'])?.kind).toBe('refuse');
    expect(argvVerdict('brctl', ['stp', '../../../../tmp/x', 'on'])?.kind).toBe('refuse');
    expect(argvVerdict('ping', ['-c', '1', '../etc/hosts'])?.kind).toBe('refuse');
    expect(argvVerdict('ip', ['link', 'add', 'a\0b'])).toEqual({ kind: 'refuse', why: 'a NUL byte in an argument' });
    // what scripts need runs
    expect(argvVerdict('ip', ['link', 'set', 'v1', 'netns', '/run/netns/NS1'])).toBeNull();
    expect(argvVerdict('ip', ['-n', 'NS1', 'addr', 'add', '10.0.0.1/24', 'dev', 'v0'])).toBeNull();
    expect(argvVerdict('ip', ['route', 'add', '172.16.1.0/24/24', 'via', '10.0.0.1'])).toBeNull();
    expect(argvVerdict('ping', ['-c', '1', '-I', 'veth0', '10.0.0.1'])).toBeNull();
  });

  it('refuses sysctl keys by the file procps would open', () => {
    for (const k of [
      'net/ipv4/../../kernel/hostname',
      'net.ipv4.//.//.kernel.hostname',
      'net.ipv4.conf.all.//.//.//.//.etc.shadow',
      'net/./ipv4/ip_forward',
      'net//ipv4/ip_forward',
      'kernel.hostname=x',
      'net.ipv4/ip_forward',
    ]) {
      expect(argvVerdict('sysctl', ['-w', k])?.why, k).toMatch(/^path check refused \/proc\/sys\//);
    }
    expect(argvVerdict('sysctl', ['net.ipv4.//.//.kernel.hostname'])?.why).toBe(
      'path check refused /proc/sys/net/ipv4/../../kernel/hostname (sysctl key net.ipv4.//.//.kernel.hostname): a ".." segment',
    );
    // a key the model does not hold is a file of the sandbox's own namespace: real mode asks the kernel
    expect(argvVerdict('sysctl', ['net.core.somaxconn'])).toBeNull();
    expect(argvVerdict('sysctl', ['-p', '/etc/shadow'])?.why).toBe('sysctl option -p');
    expect(argvVerdict('sysctl', ['-w', 'net.ipv4.ip_forward=1'])).toBeNull();
    expect(argvVerdict('sysctl', ['net.ipv4.ipforward'])).toBeNull();
    expect(argvVerdict('sysctl', ['-w'])).toBeNull();
  });

  it('is what real mode’s guard asks before argv', () => {
    expect(realArgvProblem('ip', ['link', 'add', 'a/b'])).toBe(argvVerdict('ip', ['link', 'add', 'a/b'])!.why);
    expect(realArgvProblem('sysctl', ['net/ipv4/../../kernel/hostname'])).toMatch(/a "\.\." segment/);
    expect(realArgvProblem('touch', ['/tmp/x'])).toBe('command touch');
  });
});

describe('lint', () => {
  it('flags every line the path check refuses, as an error at its line', () => {
    const lab = new Lab({ seed: 1 });
    const text =
      'echo pwned | tee /proc/sys/net/ipv4/../../../../tmp/x/canary\nsysctl -w net.ipv4.ip_forward=1\nip netns exec NS1 cat /proc/sys/net/ipv4/../../../../etc/shadow\nsysctl net.ipv4.//.//.kernel.hostname\n';
    const steps = lab.host('h').sh(text);
    const findings = lint({ steps, model: lab.model, sources: [{ file: 'x.sh', text, firstLine: 1, host: 'h' }] }).filter((f) => f.rule === 'refused-path');
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [1, 'error'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(findings[0].message).toMatch(/^path check refused \/proc\/sys\/net\/ipv4\/\.\.\/\.\.\/\.\.\/\.\.\/tmp\/x\/canary: a "\.\." segment: nettwin runs this line in neither mode/);
  });
});
