#!/bin/bash
# corpus: containers on a bridge, the namespace end renamed to eth0 (two scripts of a course)
# source: https://github.com/louismunro/seven_layers_of_wisdom/blob/HEAD/layer2/create_cont2.sh
#   and layer2/create_cont3.sh of the same repository
# author: Louis Munro (GitHub louismunro)
# licence: not stated
# changes: the bridge br1 the scripts expect is created first (another script of the course
#   does it); both scripts run one after the other; a bridge listing appended.
ip link add br1 type bridge
ip link set br1 up
ip netns add ns2
ip link add dev veth3 type veth peer name veth4
ip link set veth3 up
ip link set veth4 up
ip link set veth4 netns ns2
ip netns exec ns2 ip link set veth4 down
ip netns exec ns2 ip link set veth4 name eth0
ip netns exec ns2 ip link set eth0 up
ip link set  veth3  master br1
ip netns add ns3
ip link add dev veth5 type veth peer name veth6
ip link set veth5 up
ip link set veth6 up
ip link set veth6 netns ns3
ip netns exec ns3 ip link set veth6 down
ip netns exec ns3 ip link set veth6 name eth0
ip netns exec ns3 ip link set eth0 up
ip link set  veth5  master br1
bridge link show
ip netns exec ns3 ip -br link
