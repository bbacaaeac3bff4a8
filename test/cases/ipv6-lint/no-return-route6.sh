#!/bin/bash
# Router R forwards IPv6 between A (2001:db8:a::/64) and B (2001:db8:b::/64); A has its route
# to B's network through R, B has none back: A's echo requests reach B, B's replies have no
# route (ping from B's side would say "Network is unreachable"), so A's ping gets nothing.
ip netns add A
ip netns add R
ip netns add B
ip link add a0 netns A type veth peer name ra netns R
ip link add b0 netns B type veth peer name rb netns R
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
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec B ping -6 -c 1 -W 1 2001:db8:a::2
