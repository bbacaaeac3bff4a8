/**
 * Link kinds this kernel lacks, and macvlan's refusals; a port moved between bridges; a
 * bridge's ports while it is down; `bridge link` naming a peer by what its index means here.
 * Observed on kernel 6.18 / iproute2 6.1.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';

/** The kernel these answers were observed on. */
function run(script: string, kernel = KERNEL_PROFILES['ci-6.18']) {
  return new Lab({ seed: 1, kernel }).host('h').sh(script);
}

const answers = (script: string) => run(script).map((s) => [s.exit, s.stderr, s.supported]);

describe('kinds absent from this kernel', () => {
  it('gets iproute2 parsing first, then "Unknown device type"', () => {
    expect(
      answers(
        [
          'ip link add gre1 type gre remote 10.0.0.2 local 10.0.0.1',
          'ip link add x type gretap remote 10.0.0.2 local any ikey 1.2.3.4 csum nopmtudisc',
          'ip link add x type ipip mode ipip remote 10.0.0.2 dev lo',
          'ip link add x type sit remote 10.0.0.2 local 10.0.0.1 ttl 64',
          'ip link add x link lo type vlan id 5',
          'ip link add x type vrf table 10',
          'ip link add x type dummy foo',
          'ip link add x type wireguard',
        ].join('\n'),
      ),
    ).toEqual(Array(8).fill([2, 'Error: Unknown device type.\n', true]));
  });

  it("on a kernel that has them (the stock profile) they are not modelled, never another kernel's error", () => {
    const steps = run(
      ['ip link add x type nlmon', 'ip link add x type team', 'ip link add x type gretap remote 10.0.0.2 local 10.0.0.1', 'ip link add lo type dummy', 'ip link add x type gre remote 10.0.0..2'].join(
        '\n',
      ),
      KERNEL_PROFILES['debian-12'],
    );
    expect(steps.map((s) => [s.exit, s.stderr, s.supported, s.modelled])).toEqual([
      [127, 'nettwin: unsupported: ip link add: link type nlmon\n', false, false],
      [127, 'nettwin: unsupported: ip link add: link type team\n', false, false],
      [127, 'nettwin: unsupported: ip link add: link type gretap\n', false, false],
      // the name is looked up before the kind, and iproute2's own checks come first
      [2, 'RTNETLINK answers: File exists\n', true, undefined],
      [1, 'Error: inet address is expected rather than "10.0.0..2".\n', true, undefined],
    ]);
  });

  it('reports the mistakes iproute2 catches itself', () => {
    expect(
      answers(
        [
          'ip link add x type gre remote 10.0.0..2',
          'ip link add x type gre remote 10.0.0.2 dev nosuch',
          'ip link add x type gre remote 10.0.0.2 ttl 300',
          'ip link add x link nosuch type vlan id 5',
          'ip link add x type wireguard foo',
        ].join('\n'),
      ),
    ).toEqual([
      [1, 'Error: inet address is expected rather than "10.0.0..2".\n', true],
      [255, 'Cannot find device "nosuch"\n', true],
      [255, 'Error: argument "300" is wrong: invalid TTL\n\n', true],
      [1, 'Cannot find device "nosuch"\n', true],
      [1, 'Garbage instead of arguments "foo ...". Try "ip link help".\n', true],
    ]);
  });
});

describe('macvlan (modelled: test/real/macvlan.test.ts compares it with the kernel)', () => {
  it('refuses a missing or non-ethernet lower device, and makes one on an Ethernet lower', () => {
    const s = run(
      [
        'ip tuntap add dev tun0 mode tun',
        'ip tuntap add dev tap0 mode tap',
        'ip link add macvlan1 link lo type macvlan mode bridge',
        'ip link add x type macvtap',
        'ip link add x link tun0 type macvlan',
        'ip link add x link tap0 type macvlan mode foo',
        'ip link add x link tap0 type macvlan mode bridge',
      ].join('\n'),
    );
    expect(s.slice(2, 5).map((x) => [x.exit, x.stderr])).toEqual(Array(3).fill([2, 'RTNETLINK answers: Invalid argument\n']));
    expect([s[5].exit, s[5].stderr]).toEqual([1, 'Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "foo"\n']);
    expect([s[6].supported, s[6].exit]).toEqual([true, 0]);
  });
});

describe('bridge ports', () => {
  it('moves a port from one bridge to another; a refused new master still takes it out of the old one', () => {
    const s = run(
      [
        'ip link add br0 type bridge',
        'ip link add br1 type bridge',
        'ip link add v0 type veth peer name v1',
        'ip link set v0 master br0',
        'ip link set v0 master br1',
        'ip -br link show master br1',
        'ip link set v0 master lo',
        'ip -br link show master br1',
        'ip link set br0 master br1',
        'brctl addif br1 br0',
      ].join('\n'),
    );
    expect(s[4].exit).toBe(0);
    expect(s[5].stdout.startsWith('v0@v1 ')).toBe(true);
    expect([s[6].exit, s[6].stderr]).toEqual([2, 'RTNETLINK answers: Operation not supported\n']);
    expect(s[7].stdout).toBe('');
    // br0's last port left: its MAC is zero, not a valid ethernet address
    expect(s[8].stderr).toBe('RTNETLINK answers: Invalid argument\n');
    expect(s[9].stderr).toBe("can't add br0 to bridge br1: Invalid argument\n");
  });

  it('cannot move a bridge to another namespace (netns_local)', () => {
    const s = run('ip netns add x\nip link add br0 type bridge\nip link set br0 netns x\nip link set br0 netns x name foo');
    expect(s.slice(2).map((x) => [x.exit, x.stderr])).toEqual(Array(2).fill([2, 'Error: The interface netns is immutable.\n']));
  });

  it('shows the ports of a bridge that is down as disabled', () => {
    const s = run(
      ['ip link add br1 type bridge', 'ip link add v0 type veth peer name v1', 'ip link set v1 master br1', 'ip link set v0 up', 'ip link set v1 up', 'ip -d link show v1', 'bridge link'].join('\n'),
    );
    expect(s[5].stdout).toContain('bridge_slave state disabled priority 32 ');
    expect(s[5].stdout).toContain('forward_delay_timer    0.00 ');
    expect(s[6].stdout).toContain('master br1 state disabled ');
  });

  it('`bridge link` names a peer elsewhere by whatever has its index here', () => {
    const s = run(
      [
        'ip netns add br',
        'ip netns exec br ip link add br0 type bridge',
        'ip link add pa type veth peer name pb',
        'ip link add pc type veth peer name pd',
        'ip link set pa netns br',
        'ip link set pc netns br',
        'ip netns exec br ip link set pa master br0',
        'ip netns exec br ip link set pc master br0',
        'ip netns exec br bridge link',
        'ip netns exec br ip link add x1 type veth peer name x2',
        'ip netns exec br bridge link',
      ].join('\n'),
    );
    // pa's peer is index 2 (br0 here); pc's is 4 (nothing here, then x2)
    expect(s[8].stdout).toBe(
      '3: pa@br0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n5: pc@if4: <BROADCAST,MULTICAST> mtu 1500 master br0 state disabled priority 32 cost 2 \n',
    );
    expect(s[10].stdout).toContain('5: pc@x2: <BROADCAST,MULTICAST,M-DOWN> ');
  });
});
