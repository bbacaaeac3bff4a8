#!/bin/bash
# The same lab with the route back (B's default through R's link-local, with its device): both
# pings get their reply and no-return-route6 says nothing.
ip netns add A
ip netns add R
ip netns add B
ip link add a0 netns A type veth peer name ra netns R
ip link add b0 netns B type veth peer name rb netns R
ip -n R link set rb address 02:00:00:00:00:0b
ip -n A link set a0 up
ip -n B link set b0 up
ip -n R link set ra up
ip -n R link set rb up
ip -n A addr add 2001:db8:a::2/64 dev a0 nodad
ip -n R addr add 2001:db8:a::1/64 dev ra nodad
ip -n R addr add 2001:db8:b::1/64 dev rb nodad
ip -n B addr add 2001:db8:b::2/64 dev b0 nodad
ip netns exec R sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n A -6 route add 2001:db8:b::/64 via 2001:db8:a::1
ip -n B -6 route add default via fe80::ff:fe00:b dev b0
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec B ping -6 -c 1 -W 1 2001:db8:a::2
