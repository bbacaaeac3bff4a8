#!/bin/bash
# corpus: brctl bridge re-created over two veths, then a net-tools route to it
# source: https://github.com/zhunzhun1988/mydocker/blob/HEAD/testubuntu/bridge.sh
# author: zhunzhun1988 (GitHub)
# licence: not stated
# changes: the two veths the script expects (made by another script of the repository) are
#   created first; otherwise as written, its first lines failing on a fresh machine.
ip link add ns1_bridge_veth type veth peer name ns1_peer
ip link add ns2_bridge_veth type veth peer name ns2_peer
set -x
dev1=ns1_bridge_veth
dev2=ns2_bridge_veth
sudo ip link set dev mybr down
sudo brctl delbr mybr
sudo brctl addbr mybr
sudo ip link set dev $dev1 up
sudo ip link set dev $dev2 up
sudo ip link set dev mybr up
sudo brctl addif mybr $dev1
sudo brctl addif mybr $dev2
sudo route add -net 10.10.8.0 netmask 255.255.255.0 dev mybr
brctl show mybr
