#!/bin/bash
# corpus: OVS VXLAN test with namespaces (box 1): ifconfig in a namespace, ovs-vsctl bridge and port
# source: https://github.com/AlexFengCisco/VLXAN_HW_OVS/blob/HEAD/VXLAN_OVS_NETNS.md
# author: Alex Feng (GitHub AlexFengCisco)
# licence: not stated
# changes: box 1's commands only, in order; the ping given -c 1.
sudo ip netns add left
sudo ip link add name veth1 type veth peer name sw1-p1
sudo ip link set dev veth1 netns left
sudo ip netns exec left ifconfig veth1 10.0.0.1/24 up
sudo ovs-vsctl add-br sw1
sudo ovs-vsctl add-port sw1 sw1-p1
sudo ip link set sw1-p1 up
sudo ip link set sw1 up
sudo ovs-vsctl add-port sw1 vx1-- set Interface vx1 type=vxlan options:remote_ip=192.168.56.12
sudo ip netns exec left ping -c 1 10.0.0.2
