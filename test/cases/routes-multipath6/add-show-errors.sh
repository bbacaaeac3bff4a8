#!/bin/bash
# IPv6 multipath routes (net/ipv6/route.c ip6_route_multipath_add): the kernel keeps each hop
# as a route of its own, a sibling of the others (same prefix, metric and table, each with a
# gateway), and dumps them as one route with RTA_MULTIPATH: `\tnexthop via A dev D weight W`
# lines, `-j` as a "nexthops" array. A request of one hop is a plain route. Refusals: a hop
# without a gateway, a hop given twice, a gateway no connected route reaches, a link-local
# gateway without a device; a hop without its own gateway or device takes the route's.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link add v3 type veth peer name p3
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip link set p1 up
ip link set p2 up
ip link set p3 up
ip -6 addr add 2001:db8:1::1/64 dev v1 nodad
ip -6 addr add 2001:db8:2::1/64 dev v2 nodad
ip -6 addr add 2001:db8:3::1/64 dev v3 nodad
ip -6 route add 2001:db8:9::/64 nexthop via 2001:db8:1::2 weight 1 nexthop via 2001:db8:2::2 weight 3
ip -6 route show
ip -6 -d route show 2001:db8:9::/64
ip -6 -j route show 2001:db8:9::/64
ip -6 -j -p route show 2001:db8:9::/64
ip -6 -o route show 2001:db8:9::/64
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:1::2
ip -6 route add 2001:db8:8::/64 nexthop dev v1 nexthop via 2001:db8:1::2
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:7::2
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via fe80::1
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 dev nope
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 weight 0
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 weight 257
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 metric 5
ip -6 route add 2001:db8:8::/64 nexthop
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via fe80::1 dev v2 weight 5
ip -6 route show 2001:db8:8::/64
ip -6 route add 2001:db8:7::/64 dev v1 nexthop via 2001:db8:2::2 nexthop via 2001:db8:3::2
ip -6 route add 2001:db8:7::/64 dev v1 nexthop via 2001:db8:1::2 nexthop via 2001:db8:1::3
ip -6 route add 2001:db8:6::/64 via 2001:db8:1::2 nexthop via 2001:db8:2::2 nexthop dev v3
ip -6 route add 2001:db8:5::/64 nexthop via 2001:db8:1::2
ip -6 route add 2001:db8:4::/64 metric 7 table 7 proto static nexthop via 2001:db8:2::2 nexthop via 2001:db8:3::2 weight 256
ip -6 route add 2001:db8:4::/64 nexthop via 2001:db8:2::2 onlink nexthop via 2001:db8:3::2
ip -6 route add blackhole 2001:db8:3:3::/64 nexthop via 2001:db8:2::2 nexthop via 2001:db8:3::2
ip -6 route add 2001:db8:3:4::/64 nexthop via 2001:db8:2::2 nexthop via 2001:db8:3::2 src 2001:db8:2::1
ip -6 route show
ip -6 route show table 7
ip -6 -d route show table all
ip -6 route show dev v1
ip -6 route show via 2001:db8:1::2
ip route add 2001:db8:3:5::/64 nexthop via 2001:db8:2::2 nexthop via 2001:db8:3::2
ip -6 route show 2001:db8:3:5::/64
