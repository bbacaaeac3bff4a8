#!/bin/bash
# Adapted from https://writebug.cn/posts/2021/08/16/iproute2.html (macvlan and network
# namespace notes): create macvlan0 on eth0, move it into userns0 and look at it there. The
# notes' own typos are kept: `ip ns add` is not an ip object, and `ip netns exec ip addr …`
# names no namespace. The author also observed that a macvlan works only while eth0 is up: the
# macvlan has no carrier before. eth0 is a veth here, its far end up in the namespace lan.
ip netns add lan
ip link add eth0 type veth peer name wire netns lan
ip -n lan link set wire up
ip -n lan addr add 10.9.0.1/24 dev wire
ip link add link eth0 name macvlan0 type macvlan mode bridge
ip ns add userns0
ip netns add userns0
ip link set macvlan0 netns userns0
ip netns exec userns0 ip addr add 10.9.0.2/24 dev macvlan0
ip netns exec userns0 ip link set macvlan0 up
ip netns exec userns0 ip addr show macvlan0
ip netns exec userns0 ping -c 1 -W 1 10.9.0.1
ip link set eth0 up
ip netns exec userns0 ip addr show macvlan0
ip netns exec userns0 ping -c 1 -W 1 10.9.0.1
ip netns list
ip link delete eth0
ip netns exec userns0 ip link show
ip netns delete userns0
