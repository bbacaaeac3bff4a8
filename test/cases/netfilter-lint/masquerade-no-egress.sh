#!/bin/bash
# lint masquerade-no-egress: the router masquerades out of "eth0", which it does not have
# (its uplink is r1): requests leave with their private source and s, which has no route back
# to 192.168.1.0/24, cannot answer.
ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 192.168.1.2/24 dev c0
ip -n r addr add 192.168.1.1/24 dev r0
ip -n r addr add 203.0.113.1/24 dev r1
ip -n s addr add 203.0.113.2/24 dev s0
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n c route add default via 192.168.1.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -t nat -A POSTROUTING -s 192.168.1.0/24 -o eth0 -j MASQUERADE
ip netns exec c ping -c 1 -W 1 203.0.113.2
ip netns exec r iptables -t nat -L POSTROUTING -n -v -x
