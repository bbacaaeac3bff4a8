#!/bin/bash
# Which sibling a packet takes (route.c ip6_pol_route, rt6_select, fib6_select_path). Without
# an output device the kernel's flow hash (rt6_multipath_hash: addresses, flow label, protocol,
# keyed by a seed random per boot) picks among the live siblings, so `ip -6 route get` — and
# `fibmatch`, which lists the siblings from the one taken — and a ping through siblings that
# differ are left to the kernel; an output device with no source makes the lookup strict to it
# and decides; one live sibling left decides too.
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns add b
ip link add r1 type veth peer name e1 netns b
ip link add r2 type veth peer name e2 netns b
ip link set r1 up
ip -6 addr add 2001:db8:1::1/64 dev r1 nodad
ip link set r2 up
ip -n b link set lo up
ip -n b link set e1 up
ip -n b link set e2 up
ip -6 addr add 2001:db8:1::1/64 dev r1 nodad
ip -6 addr add 2001:db8:2::1/64 dev r2 nodad
ip -n b -6 addr add 2001:db8:1::2/64 dev e1 nodad
ip -n b -6 addr add 2001:db8:2::2/64 dev e2 nodad
ip -n b -6 addr add 2001:db8:9::1/128 dev lo
ip -n b -6 route add default via 2001:db8:1::1
ip -6 route add 2001:db8:9::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2
ip -6 route get 2001:db8:9::1 oif r2
ip -6 route get 2001:db8:9::1 oif r2 fibmatch
ip -6 route get 2001:db8:9::1 oif r1 fibmatch
ping -6 -c 1 -W 1 -I r2 2001:db8:9::1
ip -6 route get 2001:db8:9::1
ip -6 route get 2001:db8:9::1 fibmatch
ping -6 -c 1 -W 1 2001:db8:9::1
ip link set r1 down
ip -6 route
ip -6 route get 2001:db8:9::1
ip -6 route get 2001:db8:9::1 fibmatch
ping -6 -c 1 -W 1 2001:db8:9::1
ip link set r1 up
ip -6 addr add 2001:db8:1::1/64 dev r1 nodad
ip -6 route get 2001:db8:9::1 oif r1
ping -6 -c 1 -W 1 -I r1 2001:db8:9::1
ip -6 -j route get 2001:db8:9::1 oif r1 fibmatch
