#!/bin/bash
# tracepath -6 (and traceroute -6 with its default UDP probes) through a router: the first probe
# is refused locally (EMSGSIZE: over IPv6 the error keeps the probe's port, so its LOCALHOST line
# has a time), hop limit exceeded from the router, port unreachable from the destination; with
# the router's way out narrowed, its "packet too big" sets the path MTU tracepath then uses.
# ICMPv6 errors are rate limited per peer (net.ipv6.icmp.ratelimit): sleeps refill the buckets.
ip netns add a
ip netns add b
ip netns add r
ip link add a0 netns a type veth peer name ra netns r
ip link add b0 netns b type veth peer name rb netns r
ip -n a link set a0 up
ip -n b link set b0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n a -6 addr add 2001:db8:a::2/64 dev a0 nodad
ip -n b -6 addr add 2001:db8:b::2/64 dev b0 nodad
ip -n r -6 addr add 2001:db8:a::1/64 dev ra nodad
ip -n r -6 addr add 2001:db8:b::1/64 dev rb nodad
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n a -6 route add default via 2001:db8:a::1
ip -n b -6 route add default via 2001:db8:b::1
ip netns exec a ping -6 -c1 2001:db8:b::2
ip netns exec a tracepath -6 -n 2001:db8:b::2
sleep 1
ip -n r link set rb mtu 1400
ip netns exec a tracepath -n 2001:db8:b::2
ip -n a -6 route get 2001:db8:b::2 | sed 's/expires [0-9]*sec //'
sleep 1
ip netns exec a traceroute -6 -n -w 5,30,100 2001:db8:b::2
ip netns exec a tracepath -6 -n 2001:db8:c::1
ip netns exec a tracepath -4 -n 2001:db8:b::2
ip netns exec a tracepath -6 -n 10.0.0.1
ip -all netns delete
