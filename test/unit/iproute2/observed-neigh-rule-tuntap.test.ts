/**
 * `ip neigh`, `ip rule`, `ip tuntap`.
 * Every expectation below was observed on iproute2 6.1 / kernel 6.18 in the sandbox
 * (test/tools/sbx, a fresh network namespace per sequence). Steps without an expectation
 * are show commands (the renderers' tests cover them) or follow from an unsupported step.
 */
import { describe, it } from 'vitest';
import { replay, type Step } from './replay.js';

describe('neigh-rule-tuntap (observed on iproute2 6.1 / kernel 6.18)', () => {
  it('sequence 1: ip link add v0 type veth peer name v1 …', () => {
    const steps: Step[] = [
      ['ip link add v0 type veth peer name v1', 0, ''],
      ['ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev v0', 0, ''],
      ['ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev v0', 2, 'RTNETLINK answers: File exists\n'],
      ['ip neigh replace 10.0.0.2 lladdr 02:00:00:00:00:03 dev v0', 0, ''],
      ['ip neigh change 10.0.0.3 lladdr 02:00:00:00:00:03 dev v0', 2, 'RTNETLINK answers: No such file or directory\n'],
      ['ip neigh add 10.0.0.4 lladdr 02:00:00:00:00:04 dev v0 nud reachable', 0, ''],
      ['ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v0 nud noarp', 0, ''],
      ['ip neigh add 10.0.0.6 lladdr 02:00:00:00:00:06 dev v0 nud stale', 0, ''],
      ['ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev v0 nud foo', 255, 'Error: argument "foo" is wrong: nud state is bad\n'],
      ['ip neigh add 10.0.0.8 dev v0', 2, 'Error: No link layer address given.\n'],
      ['ip neigh add 10.0.0.9 lladdr zz dev v0', 1, '"zz" is invalid lladdr.\n'],
      ['ip neigh add 10.0.0.10 lladdr 02:00:00:00:00:0a', 255, 'Device and destination are required arguments.\n'],
      ['ip neigh add lladdr 02:00:00:00:00:0a dev v0', 255, 'Device and destination are required arguments.\n'],
      ['ip neigh add 10.0.0.11 lladdr 02:00:00:00:00:0b dev nosuch', 1, 'Cannot find device "nosuch"\n'],
      ['ip neigh add 172.16.1..2 lladdr 02:00:00:00:00:0b dev v0', 1, 'Error: any valid address is expected rather than "172.16.1..2".\n'],
      ['ip neigh show'],
      ['ip neigh show dev v0'],
      ['ip neigh show 10.0.0.2'],
      ['ip neigh show nud permanent'],
      ['ip -j neigh'],
      ['ip neigh del 10.0.0.2 dev v0', 0, ''],
      ['ip neigh del 10.0.0.2 dev v0', 2, 'RTNETLINK answers: No such file or directory\n'],
      ['ip neigh del 10.0.0.99', 255, 'Device and destination are required arguments.\n'],
      ['ip neigh flush', 1, 'Flush requires arguments.\n'],
      ['ip neigh foo', 255, 'Command "foo" is unknown, try "ip neigh help".\n'],
    ];
    replay(steps);
  });
  it('sequence 2: ip rule add from 10.0.0.0/8 table 100 …', () => {
    const steps: Step[] = [
      ['ip rule add from 10.0.0.0/8 table 100', 0, ''],
      ['ip rule add from 10.0.0.0/8 table 100', 0, ''],
      ['ip rule add to 192.168.0.0/16 lookup 101 pref 100', 0, ''],
      ['ip rule add iif lo table 102', 0, ''],
      ['ip rule add oif lo table 103 priority 50', 0, ''],
      ['ip rule add blackhole to 10.99.0.0/16', 0, ''],
      ['ip rule add type unreachable to 10.98.0.0/16 pref 60', 0, ''],
      ['ip rule add prohibit from 10.97.0.0/16', 0, ''],
      ['ip rule add from all table 104', 0, ''],
      ['ip rule add table main', 0, ''],
      ['ip rule add fwmark 1 table 100', 0, ''],
      ['ip rule add from 172.16.1..2 table 100', 1, 'Error: any valid prefix is expected rather than "172.16.1..2".\n'],
      ['ip rule add from 10.0.0.0/8 table foo', 255, 'Error: argument "foo" is wrong: invalid table ID\n\n'],
      ['ip rule add foo', 255, 'Error: argument "foo" is wrong: Failed to parse rule type\n'],
      ['ip rule add pref x table 5', 255, 'Error: argument "x" is wrong: preference value is invalid\n\n'],
      ['ip rule add iif "a b" table 5', 255, 'Error: argument "a b" is wrong: "iif"/"dev" not a valid ifname\n'],
      ['ip rule'],
      ['ip rule show'],
      ['ip rule show pref 100'],
      ['ip rule show table 100'],
      ['ip rule show iif lo'],
      ['ip -j rule'],
      ['ip rule del from 10.0.0.0/8 table 100', 0, ''],
      ['ip rule del from 10.0.0.0/8 table 100', 0, ''],
      ['ip rule del from 10.0.0.0/8 table 100', 2, 'RTNETLINK answers: No such file or directory\n'],
      ['ip rule del pref 100', 0, ''],
      ['ip rule del table 999', 2, 'RTNETLINK answers: No such file or directory\n'],
      ['ip rule del', 1, '"ip rule del" requires arguments.\n'],
      ['ip rule add', 1, '"ip rule add" requires arguments.\n'],
      ['ip rule'],
    ];
    replay(steps);
  });
  it('sequence 3: ip tuntap add dev t0 mode tun …', () => {
    const steps: Step[] = [
      ['ip tuntap add dev t0 mode tun', 0, ''],
      ['ip tuntap add dev t0 mode tun', 1, 'ioctl(TUNSETIFF): Device or resource busy\n'],
      ['ip tuntap add dev t0 mode tap', 1, 'ioctl(TUNSETIFF): Device or resource busy\n'],
      ['ip tuntap add t1 mode tap', 0, ''],
      ['ip tuntap add mode tun', 0, ''],
      ['ip tuntap add mode tun', 0, ''],
      ['ip tuntap add mode tap', 0, ''],
      ['ip tuntap add name t2 mode tun pi', 0, ''],
      ['ip tuntap add t3', 1, 'You failed to specify a tunnel mode\n'],
      ['ip tuntap add t3 mode foo', 255, 'Unknown tunnel mode "foo"\n'],
      ['ip tuntap add t3 mode tun mode tap', 255, 'You managed to ask for more than one tunnel mode.\n'],
      ['ip tuntap add t3 mode tun t4', 255, 'Error: either "name" is duplicate, or "t4" is a garbage.\n'],
      ['ip tuntap add dev verylongname12345 mode tun', 255, 'Error: argument "verylongname12345" is wrong: "dev" not a valid ifname\n'],
      ['ip tap add t5 mode tap', 0, ''],
      ['ip tuntap del dev t0 mode tap', 1, 'ioctl(TUNSETIFF): Invalid argument\n'],
      ['ip tuntap del dev t0 mode tun', 0, ''],
      ['ip tuntap del dev t0 mode tun', 0, ''],
      ['ip tuntap del dev lo mode tun', 1, 'ioctl(TUNSETIFF): Invalid argument\n'],
      ['ip tuntap del t1', 1, 'You failed to specify a tunnel mode\n'],
      ['ip link'],
      ['ip link set t1 up', 0, ''],
      ['ip link set t2 up', 0, ''],
      ['ip -br link'],
      ['ip link add t9 type tun', 2, 'Error: tun/tap creation via rtnetlink is not supported.\n'],
      ['ip tuntap foo', 255, 'Command "foo" is unknown, try "ip tuntap help".\n'],
    ];
    replay(steps);
  });
});
