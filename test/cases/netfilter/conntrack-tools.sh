#!/bin/bash
# conntrack-tools on a NAT router: an empty table, the ping's entry with its translated reply
# tuple, filters (-p, -s, -d), -C, -o extended, -D with and without a match, -F, and options
# conntrack does not know.
ip netns add client
ip netns add router
ip netns add server
ip link add c0 netns client type veth peer name r0 netns router
ip link add s0 netns server type veth peer name r1 netns router
ip -n client addr add 192.168.1.2/24 dev c0
ip -n router addr add 192.168.1.1/24 dev r0
ip -n router addr add 203.0.113.1/24 dev r1
ip -n server addr add 203.0.113.2/24 dev s0
ip -n client link set c0 up
ip -n router link set r0 up
ip -n router link set r1 up
ip -n server link set s0 up
ip -n client route add default via 192.168.1.1
ip netns exec router sysctl -qw net.ipv4.ip_forward=1
ip netns exec router conntrack -L
ip netns exec router iptables -t nat -A POSTROUTING -o r1 -j MASQUERADE
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router conntrack -L
ip netns exec router conntrack -L -p icmp
ip netns exec router conntrack -L -p udp
ip netns exec router conntrack -L -s 192.168.1.2
ip netns exec router conntrack -L -d 10.9.9.9
ip netns exec router conntrack -C
ip netns exec router conntrack -L -o extended
ip netns exec router conntrack -D -s 10.9.9.9
ip netns exec router conntrack -D -s 192.168.1.2
ip netns exec router conntrack -L
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router conntrack -F
ip netns exec router conntrack -L
ip netns exec router conntrack -Q
ip netns exec router conntrack -L -x
