/**
 * The shell front end around namespaces: `ip -all netns exec` and a `> /proc/sys/…` redirect
 * on a command run in a namespace. Observed with bash, iproute2 6.1 and kernel 6.18.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { classify } from '../../../src/exec/invocation.js';

function run(script: string) {
  return new Lab({ seed: 1 }).host('h').sh(script);
}

describe('ip -all netns exec', () => {
  it('is one invocation: the command, wrapped once for every namespace', () => {
    expect(classify([{ argv: ['ip', '-all', 'netns', 'exec', 'ip', 'link', 'set', 'lo', 'up'], stdoutTo: null }], false)).toEqual({
      kind: 'program',
      program: 'ip',
      argv: ['link', 'set', 'lo', 'up'],
      wrappers: [{ kind: 'netns-exec-all', argv: ['ip', '-all', 'netns', 'exec'] }],
      background: false,
    });
    expect(classify([{ argv: ['ip', '--all', 'netns', 'exec', 'ping', '-c1', '10.0.0.1'], stdoutTo: null }], false).kind).toBe('unsupported');
  });

  it('runs the command in every namespace, newest first, announcing each on stdout; ip exits 0 whatever they return', () => {
    const s = run(
      [
        'ip -all netns exec ip link show',
        'ip netns add ns1',
        'ip netns add ns2',
        'ip -all netns exec ip link set lo up',
        'ip -all netns exec ip -br link show lo',
        'ip --all netns exec ip link show nosuch',
      ].join('\n'),
    );
    expect(s[0]).toMatchObject({ exit: 0, stdout: '', stderr: '' });
    expect(s[3]).toMatchObject({ exit: 0, stdout: '\nnetns: ns2\n\nnetns: ns1\n', stderr: '' });
    const lo = 'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n';
    expect(s[4].stdout).toBe(`\nnetns: ns2\n${lo}\nnetns: ns1\n${lo}`);
    expect(s[5]).toMatchObject({ exit: 0, stdout: '\nnetns: ns2\n\nnetns: ns1\n', stderr: 'Device "nosuch" does not exist.\nDevice "nosuch" does not exist.\n' });
  });
});

describe('ip netns exec NS echo V > /proc/sys/…', () => {
  it('writes the value of the namespace the shell runs in (the host), since the shell opens the file', () => {
    const s = run(
      [
        'ip netns add ns1',
        'ip netns exec ns1 echo 1 > /proc/sys/net/ipv4/ip_forward',
        'sysctl net.ipv4.ip_forward',
        'ip netns exec ns1 sysctl net.ipv4.ip_forward',
        'echo 1 | ip netns exec ns1 tee /proc/sys/net/ipv4/conf/all/rp_filter',
        'ip netns exec ns1 sysctl net.ipv4.conf.all.rp_filter',
        'sysctl net.ipv4.conf.all.rp_filter',
      ].join('\n'),
    );
    expect(s[1]).toMatchObject({ exit: 0, stdout: '', stderr: '' });
    expect(s[2].stdout).toBe('net.ipv4.ip_forward = 1\n');
    expect(s[3].stdout).toBe('net.ipv4.ip_forward = 0\n');
    // tee opens the file itself, where it runs
    expect(s[4].stdout).toBe('1\n');
    expect(s[5].stdout).toBe('net.ipv4.conf.all.rp_filter = 1\n');
    expect(s[6].stdout).toBe('net.ipv4.conf.all.rp_filter = 0\n');
  });

  it('fails on the file first, then on the namespace, then on the value', () => {
    const s = run(
      [
        'ip netns exec nosuch echo 1 > /proc/sys/net/ipv4/ipforward',
        'ip netns exec nosuch echo 1 > /proc/sys/net/ipv4/ip_forward',
        'ip netns add ns1',
        'ip netns exec ns1 echo abc > /proc/sys/net/ipv4/ip_forward',
        'echo abc > /proc/sys/net/ipv4/ip_forward',
        'echo 1 > /proc/sys/net/ipv4/conf/all/mc_forwarding',
        'echo 1 > /proc/sys/net/ipv4/tcp_syncookies',
      ].join('\n'),
    );
    expect(s.slice(0, 2).map((x) => [x.exit, x.stderr])).toEqual([
      [1, 'bash: /proc/sys/net/ipv4/ipforward: No such file or directory\n'],
      [255, 'Cannot open network namespace "nosuch": No such file or directory\n'],
    ]);
    expect(s.slice(3, 6).map((x) => [x.exit, x.stderr])).toEqual([
      [1, 'echo: write error: Invalid argument\n'],
      [1, 'bash: echo: write error: Invalid argument\n'],
      [1, 'bash: /proc/sys/net/ipv4/conf/all/mc_forwarding: Permission denied\n'],
    ]);
    expect(s[6].supported).toBe(false);
  });
});
