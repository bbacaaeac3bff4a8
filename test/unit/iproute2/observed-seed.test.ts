/**
 * the seed tutorial's commands, with `ip -n` in place of `ip netns exec`.
 * Every expectation below was observed on iproute2 6.1 / kernel 6.18 in the sandbox
 * (test/tools/sbx, a fresh network namespace per sequence). Steps without an expectation
 * are show commands (the renderers' tests cover them) or follow from an unsupported step.
 */
import { describe, it } from 'vitest';
import { replay, type Step } from './replay.js';

describe('seed (observed on iproute2 6.1 / kernel 6.18)', () => {
  it('sequence 1: ip netns add NS1 …', () => {
    const steps: Step[] = [
      ['ip netns add NS1', 0, ''],
      ['ip netns add NS2', 0, ''],
      ['ip netns show'],
      ['ip link add veth10 type veth peer name veth11', 0, ''],
      ['ip link add veth20 type veth peer name veth21', 0, ''],
      ['ip link show veth10'],
      ['ip link set veth11 netns NS1', 0, ''],
      ['ip link set veth21 netns NS2', 0, ''],
      ['ip -n NS1 addr'],
      ['ip -n NS1 addr add 172.16.1.2/24 dev veth11', 0, ''],
      ['ip -n NS2 addr add 172.16.1..2/24 dev veth21', 1, 'Error: any valid prefix is expected rather than "172.16.1..2/24".\n'],
      ['ip -n NS2 addr add 172.16.1.3/24 dev veth21', 0, ''],
      ['ip -n NS1 link set dev veth11 up', 0, ''],
      ['ip -n NS2 link set dev veth21 up', 0, ''],
      ['ip link add jk-br0 type bridge', 0, ''],
      ['ip link show type bridge jk-br0'],
      ['ip link show type bridge'],
      ['ip link show type veth'],
      ['ip link set dev veth10 master jk-br0', 0, ''],
      ['ip link set dev veth20 master jk-br0', 0, ''],
      ['ip link show master jk-br0'],
      ['ip link show nomaster'],
      ['ip addr add 172.16.0.1/24 dev jk-br0', 0, ''],
      ['ip addr show jk-br0'],
      ['ip link set dev jk-br0 up', 0, ''],
      ['ip link set dev veth10 up', 0, ''],
      ['ip link set dev veth20 up', 0, ''],
      ['ip add show jk-br0'],
      ['ip add show veth10'],
      ['ip -n NS1 link set dev lo up', 0, ''],
      ['ip -n NS1 addr show lo'],
      ['ip -n NS1 route add default via 172.16.0.1 dev veth11', 2, 'Error: Nexthop has invalid gateway.\n'],
      ['ip -n NS2 route add default via 172.16.0.1 dev veth21', 2, 'Error: Nexthop has invalid gateway.\n'],
      ['ip -n NS1 route add default via 172.16.1.1 dev veth11', 0, ''],
      ['ip -n NS1 route'],
      ['ip -n NS2 route'],
      ['ip route add 172.16.2.0/24 via 192.168.0.2 dev enp2s0', 1, 'Cannot find device "enp2s0"\n'],
      ['ip route add 172.16.2.0/24 via 192.168.0.2', 2, 'Error: Nexthop has invalid gateway.\n'],
      ['ip route'],
      ['ip -j -p -n NS1 route'],
      ['ip --json -n NS1 link show lo'],
      ['ip -n NS1 -br addr'],
      ['ip -n NS1 -o link'],
      ['ip -all netns delete', 0, ''],
      ['ip netns', 0, ''],
    ];
    replay(steps);
  });
});
