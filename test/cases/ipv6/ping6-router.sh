#!/bin/bash
# A router between two IPv6 subnets: hosts use its global address as their gateway. With
# forwarding off (net.ipv6.conf.all.forwarding=0) it drops silently; on, it forwards, and
# answers hop limit 1 with "time exceeded", a destination it has no route to with "no
# route", one whose neighbour never answers with "address unreachable", and a packet
# larger than the next link's MTU with "packet too big" — after which the sender knows the
# path MTU (ip -6 route get, ip -6 route show cache) and fragments.
ip netns add A
ip netns add B
ip netns add R
ip link add va netns A type veth peer name ra netns R
ip link add vb netns B type veth peer name rb netns R
ip -n A link set va up
ip -n B link set vb up
ip -n R link set ra up
ip -n R link set rb up
ip -n A link set lo up
ip -n B link set lo up
ip -n A addr add 2001:db8:a::2/64 dev va
ip -n B addr add 2001:db8:b::2/64 dev vb
ip -n R addr add 2001:db8:a::1/64 dev ra
ip -n R addr add 2001:db8:b::1/64 dev rb
ip -n R link set rb mtu 1280
ip -n B link set vb mtu 1280
ip -n A route add default via 2001:db8:a::1
ip -n B route add default via 2001:db8:b::1
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec A ping -c 1 2001:db8:b::2
ip netns exec A ping -c 1 -t 1 2001:db8:b::2
ip netns exec A ping -c 1 -s 1400 2001:db8:b::2
ip -n A -6 route get 2001:db8:b::2
ip -n A -6 route show cache
ip netns exec A ping -c 1 -s 1400 2001:db8:b::2
ip netns exec A ping -c 1 2001:db8:c::2
ip netns exec A ping -c 1 2001:db8:b::9
ip netns exec A ping -c 1 -I va 2001:db8:b::2
ip netns exec A ping -c 1 -I 2001:db8:a::2 2001:db8:b::2
ip -n A -6 route get 2001:db8:c::2
ip -n R -6 route get 2001:db8:b::2 iif ra
ip netns exec R sysctl -w net.ipv6.conf.ra.forwarding=0
ip netns exec A ping -c 1 2001:db8:b::2
ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=0
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
