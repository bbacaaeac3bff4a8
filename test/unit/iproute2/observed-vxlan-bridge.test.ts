/**
 * VXLAN options, `bridge fdb` and `bridge link`.
 * Every expectation below was observed on iproute2 6.1 / kernel 6.18 in the sandbox
 * (test/tools/sbx, a fresh network namespace per sequence). Steps without an expectation
 * are show commands (the renderers' tests cover them) or follow from an unsupported step.
 */
import { describe, it } from 'vitest';
import { replay, type Step } from './replay.js';

describe('vxlan-bridge (observed on iproute2 6.1 / kernel 6.18)', () => {
  it('sequence 1: ip link add vx0 type vxlan id 42 …', () => {
    const steps: Step[] = [
      [
        'ip link add vx0 type vxlan id 42',
        0,
        "vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\nUse 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message\n",
      ],
      ['ip link add vx1 type vxlan id 43 dstport 4789', 0, ''],
      ['ip link add vx2 type vxlan id 44 dstport 0', 0, ''],
      ['ip link add vx3 type vxlan id 45 dstport 4789 local 10.0.0.1 remote 10.0.0.2', 0, ''],
      ['ip link add vx4 type vxlan id 46 dstport 4789 remote 10.0.0.2 group 239.1.1.1', 1, 'vxlan: both group and remote cannot be specified\n'],
      ['ip link add vx5 type vxlan id 47 dstport 4789 group 239.1.1.1', 1, "vxlan: 'group' requires 'dev' to be specified\n"],
      ['ip link add vx6 type vxlan id 48 dstport 4789 group 239.1.1.1 dev lo', 0, ''],
      ['ip link add vx7 type vxlan id 49 dstport 4789 dev nosuch', 255, 'Cannot find device "nosuch"\n'],
      ['ip link add vx8 type vxlan id 16777216 dstport 4789', 255, 'Error: argument "16777216" is wrong: invalid id\n'],
      ['ip link add vx8 type vxlan id x dstport 4789', 255, 'Error: argument "x" is wrong: invalid id\n'],
      ['ip link add vx8 type vxlan id 50 id 51', 255, 'Error: either "id" is duplicate, or "51" is a garbage.\n'],
      ['ip link add vx8 type vxlan id 50 dstport 4789 nolearning', 0, ''],
      ['ip link add vx9 type vxlan id 51 dstport 4789 learning ttl 10', 0, ''],
      ['ip link add vx10 type vxlan id 52 dstport 4789 ttl 300', 255, 'Error: argument "300" is wrong: TTL must be <= 255\n'],
      ['ip link add vx10 type vxlan id 52 dstport 4789 ttl auto', 0, ''],
      ['ip link add vx11 type vxlan id 53 dstport 4789 remote 172.16.1..2', 1, 'Error: any valid address is expected rather than "172.16.1..2".\n'],
      ['ip link add vx11 type vxlan id 53 dstport 4789 remote 239.1.1.1', 255, 'Error: argument "239.1.1.1" is wrong: invalid remote address\n'],
      ['ip link add vx11 type vxlan id 53 dstport 4789 local 239.1.1.1', 255, 'Error: argument "239.1.1.1" is wrong: invalid local address\n'],
      [
        'ip link add vx11 type vxlan id 53 dstport 4789 foo',
        1,
        'vxlan: unknown command "foo"?\nUsage: ... vxlan id VNI\n\t\t[ { group | remote } IP_ADDRESS ]\n\t\t[ local ADDR ]\n\t\t[ ttl TTL ]\n\t\t[ tos TOS ]\n\t\t[ df DF ]\n\t\t[ flowlabel LABEL ]\n\t\t[ dev PHYS_DEV ]\n\t\t[ dstport PORT ]\n\t\t[ srcport MIN MAX ]\n\t\t[ [no]learning ]\n\t\t[ [no]proxy ]\n\t\t[ [no]rsc ]\n\t\t[ [no]l2miss ]\n\t\t[ [no]l3miss ]\n\t\t[ ageing SECONDS ]\n\t\t[ maxaddress NUMBER ]\n\t\t[ [no]udpcsum ]\n\t\t[ [no]udp6zerocsumtx ]\n\t\t[ [no]udp6zerocsumrx ]\n\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]\n\t\t[ [no]external ] [ gbp ] [ gpe ]\n\t\t[ [no]vnifilter ]\n\nWhere:\tVNI\t:= 0-16777215\n\tADDR\t:= { IP_ADDRESS | any }\n\tTOS\t:= { NUMBER | inherit }\n\tTTL\t:= { 1..255 | auto | inherit }\n\tDF\t:= { unset | set | inherit }\n\tLABEL := 0-1048575\n',
      ],
      ['ip link add vx11 type vxlan dstport 4789', 1, 'vxlan: missing virtual network identifier\n'],
      ['ip link add vx11 type vxlan vni 53 dstport 4789 external', 1, "vxlan: both 'external' and vni cannot be specified\n"],
      [
        'ip link add vx12 type vxlan id 42',
        2,
        "vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\nUse 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message\nError: A VXLAN device with the specified VNI already exists.\n",
      ],
      ['ip link add vx13 type vxlan id 54 dstport 4789 local 10.0.0.1 dev lo', 0, ''],
      ['ip -d link show vx3'],
      ['ip -d link show vx13'],
      ['bridge fdb append 00:00:00:00:00:00 dev vx3 dst 10.0.0.5', 0, ''],
      ['bridge fdb append 00:00:00:00:00:00 dev vx3 dst 10.0.0.5', 0, ''],
      ['bridge fdb append 00:00:00:00:00:00 dev vx3 dst 10.0.0.6', 0, ''],
      ['bridge fdb add 00:00:00:00:00:00 dev vx3 dst 10.0.0.7', 255, 'RTNETLINK answers: File exists\n'],
      ['bridge fdb add 02:00:00:00:00:01 dev vx3 dst 10.0.0.8', 0, ''],
      ['bridge fdb replace 02:00:00:00:00:01 dev vx3 dst 10.0.0.9', 0, ''],
      ['bridge fdb replace 00:00:00:00:00:00 dev vx3 dst 10.0.0.9', 255, 'Error: Cannot replace non-unicast fdb entries.\n'],
      ['bridge fdb add 02:00:00:00:00:02 dev vx3', 255, 'RTNETLINK answers: Invalid argument\n'],
      ['bridge fdb show dev vx3'],
      ['bridge -j fdb show dev vx3'],
      ['bridge -j -p fdb show dev vx3'],
      ['bridge fdb del 00:00:00:00:00:00 dev vx3 dst 10.0.0.99', 0, ''],
      ['bridge fdb del 00:00:00:00:00:00 dev vx3 dst 10.0.0.5', 0, ''],
      ['bridge fdb show dev vx3'],
      ['bridge fdb del 00:00:00:00:00:00 dev vx3', 0, ''],
      ['bridge fdb del 00:00:00:00:00:00 dev vx3', 255, 'RTNETLINK answers: No such file or directory\n'],
      ['bridge fdb show dev vx3'],
      ['bridge fdb add 02:00:00:00:00:03 dev nosuch', 255, 'Cannot find device "nosuch"\n'],
      ['bridge fdb add 02:00:00:00:00:03 dev lo', 255, 'Error: FDB add only supported for Ethernet devices.\n'],
      ['bridge fdb del 02:00:00:00:00:03 dev lo', 255, 'Error: FDB delete only supported for Ethernet devices.\n'],
      ['bridge fdb add zz dev vx3', 255, 'Invalid mac address zz\n'],
      ['bridge fdb add 02:00:00:00:00:03', 255, 'Device and address are required arguments.\n'],
      ['bridge fdb add 02:00:00:00:00:03 dev vx3 dst 172.16.1..2', 1, 'Error: any valid address is expected rather than "172.16.1..2".\n'],
      ['bridge fdb foo', 255, 'Command "foo" is unknown, try "bridge fdb help".\n'],
      ['bridge foo', 255, 'Object "foo" is unknown, try "bridge help".\n'],
      [
        'bridge',
        255,
        'Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n       bridge [ -force ] -batch filename\nwhere  OBJECT := { link | fdb | mdb | vlan | monitor }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n                    -o[neline] | -t[imestamp] | -n[etns] name |\n                    -c[ompressvlans] -color -p[retty] -j[son] }\n',
      ],
      ['bridge -V', 0, '', 'bridge utility, 6.1.0\n'],
    ];
    replay(steps);
  });
  it('sequence 2: ip link add br0 type bridge …', () => {
    const steps: Step[] = [
      ['ip link add br0 type bridge', 0, ''],
      ['ip link add v0 type veth peer name v1', 0, ''],
      ['ip link add v2 type veth peer name v3', 0, ''],
      ['ip link set v0 master br0', 0, ''],
      ['ip link set v2 master br0', 0, ''],
      ['bridge link'],
      ['bridge link show'],
      ['ip link set br0 up', 0, ''],
      ['ip link set v0 up', 0, ''],
      ['bridge link'],
      ['ip link set v1 up', 0, ''],
      ['bridge link show'],
      ['bridge -d link show'],
      ['bridge -j link'],
      ['bridge -j -p link'],
      ['bridge link show dev v0'],
      ['bridge link show dev nosuch', 255, 'Cannot find device "nosuch"\n'],
      ['bridge fdb add 02:11:22:33:44:55 dev v1', 0, ''],
      ['bridge fdb add 02:11:22:33:44:55 dev v1', 255, 'RTNETLINK answers: File exists\n'],
      ['bridge fdb append 02:11:22:33:44:55 dev v1', 0, ''],
      ['bridge fdb replace 02:11:22:33:44:55 dev v1', 0, ''],
      ['bridge fdb add 02:11:22:33:44:66 dev v0 master', 0, ''],
      ['bridge fdb add 02:11:22:33:44:66 dev v0 master', 255, 'RTNETLINK answers: File exists\n'],
      ['bridge fdb add 02:11:22:33:44:77 dev v1 master', 255, 'RTNETLINK answers: Operation not supported\n'],
      ['bridge fdb del 02:11:22:33:44:99 dev v1', 255, 'RTNETLINK answers: No such file or directory\n'],
      ['bridge fdb del 02:11:22:33:44:66 dev v0 master', 0, ''],
      ['bridge fdb add 00:00:00:00:00:00 dev br0', 255, 'RTNETLINK answers: Invalid argument\n'],
      ['ip link add vx0 type vxlan id 5 dstport 4789', 0, ''],
      ['ip link set vx0 master br0', 0, ''],
      ['bridge link'],
      ['bridge link set dev v0 cost 5', 'unsupported'],
    ];
    replay(steps);
  });
});
