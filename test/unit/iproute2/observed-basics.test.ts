/**
 * argument errors, global options, a bridge with a namespace and its teardown.
 * Every expectation below was observed on iproute2 6.1 / kernel 6.18 in the sandbox
 * (test/tools/sbx, a fresh network namespace per sequence). Steps without an expectation
 * are show commands (the renderers' tests cover them) or follow from an unsupported step.
 */
import { describe, it } from 'vitest';
import { replay, type Step } from './replay.js';

describe('basics (observed on iproute2 6.1 / kernel 6.18)', () => {
  it('sequence 1: ip link add name veth9 mtu abc type veth …', () => {
    const steps: Step[] = [
      ['ip link add name veth9 mtu abc type veth', 255, 'Error: argument "abc" is wrong: Invalid "mtu" value\n\n'],
      ['ip link show dev nosuch', 1, 'Device "nosuch" does not exist.\n'],
      ['ip link show nosuch', 1, 'Device "nosuch" does not exist.\n'],
      ['ip link set dev nosuch up', 1, 'Cannot find device "nosuch"\n'],
      ['ip link set nosuch', 1, 'Cannot find device "nosuch"\n'],
      ['ip link set', 255, 'Not enough information: "dev" argument is required.\n'],
      ['ip link add', 1, 'Not enough information: "type" argument is required\n'],
      ['ip link add foo', 1, 'Not enough information: "type" argument is required\n'],
      ['ip link add foo type', 255, 'Command line is not complete. Try option "help"\n'],
      ['ip link set lo master nobr', 255, 'Error: argument "nobr" is wrong: Device does not exist\n\n'],
      ['ip -n x link', 255, 'Cannot open network namespace "x": No such file or directory\n'],
      ['ip -netns x link', 255, 'Cannot open network namespace "x": No such file or directory\n'],
      ['ip -n', 255, 'Cannot open network namespace "(null)": No such file or directory\n'],
      ['ip route add 10.0.0.0/24 via 1.2.3.4', 2, 'Error: Nexthop has invalid gateway.\n'],
      ['ip route add 10.0.0.0/24 via', 255, 'Command line is not complete. Try option "help"\n'],
      ['ip route add 172.16.1..2/24 dev lo', 1, 'Error: any valid prefix is expected rather than "172.16.1..2/24".\n'],
      ['ip route add 10.0.0.0/24 via 172.16.1..2', 1, 'Error: inet address is expected rather than "172.16.1..2".\n'],
      ['ip addr add 10.0.0.1/24', 1, 'Not enough information: "dev" argument is required.\n'],
      ['ip addr add 10.0.0.1/24 dev nosuch', 1, 'Cannot find device "nosuch"\n'],
      ['ip a x', 255, 'Command "x" is unknown, try "ip address help".\n'],
      ['ip foo', 1, 'Object "foo" is unknown, try "ip help".\n'],
      ['ip -foo', 255, 'Option "-foo" is unknown, try "ip -help".\n'],
      ['ip link foo', 255, 'Command "foo" is unknown, try "ip link help".\n'],
      ['ip route foo', 255, 'Command "foo" is unknown, try "ip route help".\n'],
      ['ip netns add', 1, 'No netns name specified\n'],
      ['ip netns del x', 1, 'Cannot remove namespace file "/run/netns/x": No such file or directory\n'],
      ['ip netns add a/b', 255, 'Invalid netns name "a/b"\n'],
      ['ip link add v0 type veth peer', 0, ''],
      ['ip link add v0 type veth foo', 1, '', "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n"],
      ['ip addr add 10.0.0.1/33 dev lo', 1, 'Error: any valid prefix is expected rather than "10.0.0.1/33".\n'],
      ['ip route add 10.0.0.0/24 metric x dev lo', 255, 'Error: argument "x" is wrong: "metric" value is invalid\n\n'],
      ['ip link set lo mtu 12x', 255, 'Error: argument "12x" is wrong: Invalid "mtu" value\n\n'],
      ['ip link set lo mtu 100 mtu 200', 255, 'Error: duplicate "mtu": "200" is the second value.\n'],
    ];
    replay(steps);
  });
  it('sequence 2: ip netns add NS1 …', () => {
    const steps: Step[] = [
      ['ip netns add NS1', 0, ''],
      ['ip netns add NS1', 1, 'Cannot create namespace file "/run/netns/NS1": File exists\n'],
      ['ip link add v0 type veth peer name v1 netns NS1', 0, ''],
      ['ip link add br0 type bridge', 0, ''],
      ['ip link set v0 master br0', 0, ''],
      ['ip link set v0 up', 0, ''],
      ['ip link set br0 up', 0, ''],
      ['ip addr add 10.0.0.1/24 dev br0', 0, ''],
      ['ip addr add 10.0.0.1/24 dev br0', 2, 'Error: ipv4: Address already assigned.\n'],
      ['ip -n NS1 addr add 10.0.0.2/24 dev v1', 0, ''],
      ['ip -n NS1 link set v1 up', 0, ''],
      ['ip -n NS1 link set lo up', 0, ''],
      ['ip -n NS1 route add default via 10.0.0.1', 0, ''],
      ['ip -n NS1 route add default via 10.0.0.1', 2, 'RTNETLINK answers: File exists\n'],
      ['ip -n NS1 route add 10.9.0.0/16 via 172.16.1..2', 1, 'Error: inet address is expected rather than "172.16.1..2".\n'],
      ['ip route add 10.1.0.0/16 via 10.0.0.2', 0, ''],
      ['ip route del 10.1.0.0/16', 0, ''],
      ['ip route del 10.1.0.0/16', 2, 'RTNETLINK answers: No such process\n'],
      ['ip addr del 10.0.0.1/24 dev br0', 0, ''],
      ['ip addr del 10.0.0.1/24 dev br0', 2, 'Error: ipv4: Address not found.\n'],
      ['ip link set v0 nomaster', 0, ''],
      ['ip link del br0', 0, ''],
      ['ip link del br0', 1, 'Cannot find device "br0"\n'],
      ['ip netns del NS1', 0, ''],
    ];
    replay(steps);
  });
});
