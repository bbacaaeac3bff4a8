/**
 * Address flush and the device's own IPv6 address, tables that do not exist yet, promotion of
 * secondaries, and a veth's operstate judged when linkwatch gets to it. Observed on kernel
 * 6.18 / iproute2 6.1.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

function run(script: string) {
  return new Lab({ seed: 1 }).host('h').sh(script);
}

/** Replaces the interface ids of link-locals, which follow the (random) MACs. */
const ll = (s: string) => s.replace(/fe80::[0-9a-f:]+/g, 'fe80::IID');

describe('ip addr flush', () => {
  it('flushes every family: the link-local goes with its routes (not the multicast one) until the device goes down and up', () => {
    const s = run(
      [
        'ip link add v0 type veth peer name v1',
        'ip addr add 10.0.0.1/24 dev v0',
        'ip link set v0 up',
        'ip link set v1 up',
        'ip addr flush dev v0',
        'ip addr show v0',
        'ip -6 route show table all',
        'ip link set v1 down',
        'ip link set v1 up',
        'ip -6 addr show v0',
        'ip link set v0 down',
        'ip link set v0 up',
        'ip -6 addr show v0',
      ].join('\n'),
    );
    expect(s[5].stdout).not.toContain('inet');
    expect(ll(s[6].stdout)).toBe(
      'fe80::/64 dev v1 proto kernel metric 256 pref medium\nlocal ::1 dev lo table local proto kernel metric 0 pref medium\nlocal fe80::IID dev v1 table local proto kernel metric 0 pref medium\nmulticast ff00::/8 dev v1 table local proto kernel metric 256 pref medium\nmulticast ff00::/8 dev v0 table local proto kernel metric 256 pref medium\n',
    );
    expect(s[9].stdout).toBe('');
    expect(ll(s[12].stdout)).toContain('inet6 fe80::IID/64 scope link');
  });

  it('keeps the other family with -4 / -6, and the link-local with scope global; flushing lo takes ::1 and 127.0.0.1', () => {
    const s = run(
      [
        'ip link add v0 type veth peer name v1',
        'ip link set v0 up',
        'ip link set v1 up',
        'ip addr add 10.0.3.1/24 dev v0',
        'ip -4 addr flush dev v0',
        'ip addr flush dev v0 scope global',
        'ip -6 addr show v0',
        'ip addr flush dev lo',
        'ip addr show lo',
        'ip route show table local',
      ].join('\n'),
    );
    expect(s[6].stdout).toContain('scope link');
    expect(s[8].stdout).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n');
    expect(s[9].stdout).toBe('');
  });
});

describe('tables that do not exist yet', () => {
  it('refuses table local (until a local route was ever added) and default in a new namespace, and numbered tables never used', () => {
    const s = run(
      [
        'ip netns add f',
        'ip -n f route show table local',
        'ip -n f -j route show table local',
        'ip -n f route show table default',
        'ip -n f route flush table local',
        'ip -n f route show table main',
        'ip -n f route add blackhole 1.2.3.4 table 100',
        'ip -n f route del blackhole 1.2.3.4 table 100',
        'ip -n f route show table 100',
        'ip -n f link set lo up',
        'ip -n f link set lo down',
        'ip -n f route show table local',
      ].join('\n'),
    );
    const missing = { exit: 2, stdout: '', stderr: 'Error: ipv4: FIB table does not exist.\nDump terminated\n' };
    expect(s[1]).toMatchObject(missing);
    expect(s[2]).toMatchObject({ ...missing, stdout: '[' });
    expect(s[3]).toMatchObject(missing);
    expect(s[4]).toMatchObject({ exit: 2, stderr: 'Error: ipv4: FIB table does not exist.\nFlush terminated\n' });
    expect(s[5]).toMatchObject({ exit: 0, stdout: '' });
    expect(s[8]).toMatchObject({ exit: 0, stdout: '', stderr: '' });
    expect(s[11].stdout).toContain('local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1');
  });
});

describe('promote_secondaries', () => {
  it('promotes the first secondary of the subnet (after the primary before it), re-sources its routes, drops routes from the old address', () => {
    const s = run(
      [
        'ip link add veth0 type veth peer name veth1',
        'ip link set veth0 up',
        'ip addr add 10.0.0.1/24 dev veth0',
        'ip addr add 10.0.0.2/24 dev veth0',
        'ip addr add 10.0.1.1/24 dev veth0',
        'ip addr add 10.0.0.3/24 dev veth0',
        'sysctl -w net.ipv4.conf.veth0.promote_secondaries=1',
        'ip route add 10.9.0.0/16 dev veth0 src 10.0.0.1',
        'ip addr del 10.0.0.1/24 dev veth0',
        'ip -o -4 addr show veth0',
        'ip route',
        'ip route show table local',
      ].join('\n'),
    );
    expect(s[6].stdout).toBe('net.ipv4.conf.veth0.promote_secondaries = 1\n');
    expect(
      s[9].stdout
        .split('\n')
        .map((l) => /inet (\S+)/.exec(l)?.[1] ?? '')
        .filter(Boolean),
    ).toEqual(['10.0.1.1/24', '10.0.0.2/24', '10.0.0.3/24']);
    expect(s[9].stdout).toContain('inet 10.0.0.3/24 scope global secondary veth0');
    expect(s[10].stdout).toBe('10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.2 linkdown \n10.0.1.0/24 dev veth0 proto kernel scope link src 10.0.1.1 linkdown \n');
    expect(s[11].stdout).toContain('local 10.0.0.3 dev veth0 proto kernel scope host src 10.0.0.2');
  });
});

describe('veth operstate (linkwatch runs its batch later)', () => {
  it('judges a new end by its namespace when it is first seen up: the peer moved away at once leaves it DOWN', () => {
    const s = run(
      [
        'ip netns add tmp',
        'ip link add a2 type veth peer name b2',
        'ip link set b2 netns tmp',
        'ip link set a2 up',
        'ip -br link show a2',
        'ip link add a1 type veth peer name b1',
        'sleep 2',
        'ip link set b1 netns tmp',
        'ip link set a1 up',
        'ip -br link show a1',
        'ip netns add red',
        'ip link add veth-red type veth peer name veth-red-br',
        'ip link set veth-red netns red',
        'ip -n red link set veth-red up',
        'ip -n red -br link show veth-red',
      ].join('\n'),
    );
    expect(s[4].stdout).toMatch(/^a2@if\d+ +DOWN /);
    // after a pause linkwatch had judged a1 while b1 was still beside it
    expect(s[9].stdout).toMatch(/^a1@if\d+ +LOWERLAYERDOWN /);
    // the end that moves is judged as it leaves, by the namespace it leaves
    expect(s[14].stdout).toMatch(/^veth-red@if\d+ +LOWERLAYERDOWN /);
  });
});
