#!/bin/bash
# Adapted from "IPv6 forwarding" (CISC 7334X lecture notes, Hui Chen):
# https://huichen-cs.github.io/course/CISC7334X/20FA/lecture/ipv6fwd/
# The diamond: midwood - flatbush - eastny and midwood - bushwick - eastny, each Ethernet a
# /124 of fc00::1:1:0. The VMs become namespaces and their NICs veths. midwood reaches eastny
# only once flatbush forwards and both ends have a route; before that the replies have none.
for h in midwood flatbush bushwick eastny; do ip netns add $h; done
ip netns add midwood
ip netns add flatbush
ip netns add bushwick
ip netns add eastny
ip link add mf type veth peer name fm
ip link add mb type veth peer name bm
ip link add fe type veth peer name ef
ip link add be type veth peer name eb
ip link set mf netns midwood name enp0s9
ip link set mb netns midwood name enp0s10
ip link set fm netns flatbush name enp0s9
ip link set fe netns flatbush name enp0s10
ip link set bm netns bushwick name enp0s9
ip link set be netns bushwick name enp0s10
ip link set ef netns eastny name enp0s9
ip link set eb netns eastny name enp0s10
ip -n midwood address add fc00::1:1:1/124 dev enp0s9
ip -n midwood address add fc00::1:1:17/124 dev enp0s10
ip -n flatbush address add fc00::1:1:2/124 dev enp0s9
ip -n flatbush address add fc00::1:1:33/124 dev enp0s10
ip -n bushwick address add fc00::1:1:18/124 dev enp0s9
ip -n bushwick address add fc00::1:1:49/124 dev enp0s10
ip -n eastny address add fc00::1:1:34/124 dev enp0s9
ip -n eastny address add fc00::1:1:50/124 dev enp0s10
ip -n midwood link set enp0s9 up
ip -n midwood link set enp0s10 up
ip -n flatbush link set enp0s9 up
ip -n flatbush link set enp0s10 up
ip -n bushwick link set enp0s9 up
ip -n bushwick link set enp0s10 up
ip -n eastny link set enp0s9 up
ip -n eastny link set enp0s10 up
ip netns exec midwood ping -c 1 -W 1 fc00::1:1:34
ip -n midwood -6 route add fc00::1:1:32/124 via fc00::1:1:2
ip netns exec midwood ping -c 1 -W 1 fc00::1:1:34
ip netns exec flatbush sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec midwood ping -c 1 -W 1 fc00::1:1:34
ip -n eastny -6 route add fc00::1:1:0/124 via fc00::1:1:33
ip netns exec midwood ping -c 2 fc00::1:1:34
ip -n midwood -6 route show root fc00::/16
ip -n eastny -6 route show dev enp0s9
ip -n midwood -6 route get fc00::1:1:34
