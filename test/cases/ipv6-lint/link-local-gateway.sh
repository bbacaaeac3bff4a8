#!/bin/bash
# Host A's default route through router R's link-local address, without the device: the kernel
# refuses it ("Egress device not specified"), so A has no route to B's network and its ping
# fails at once (connect: Network is unreachable).
ip netns add A
ip netns add R
ip netns add B
ip link add a0 netns A type veth peer name ra netns R
ip link add b0 netns B type veth peer name rb netns R
ip -n R link set ra address 02:00:00:00:00:0a
ip -n R link set rb address 02:00:00:00:00:0b
ip -n A link set a0 up
ip -n B link set b0 up
ip -n R link set ra up
ip -n R link set rb up
ip -n A addr add 2001:db8:a::2/64 dev a0 nodad
ip -n B addr add 2001:db8:b::2/64 dev b0 nodad
ip -n R addr add 2001:db8:a::1/64 dev ra nodad
ip -n R addr add 2001:db8:b::1/64 dev rb nodad
ip netns exec R sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n B -6 route add default via fe80::ff:fe00:b dev b0
ip -n A -6 route add default via fe80::ff:fe00:a
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
