#!/bin/bash
# The siblings of an IPv6 multipath route follow their devices (route.c fib6_ifdown,
# rt6_sync_up): carrier lost marks a hop linkdown; its device down marks it dead and linkdown
# while a sibling through another device lives (rt6_multipath_dead_count), and takes the whole
# route once every sibling is through a down device; the device up again revives it; a
# device deleted takes its siblings alone. The lookup passes over a dead sibling.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link add v3 type veth peer name p3
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip link set p1 up
ip link set p2 up
ip link set p3 up
sysctl -w net.ipv6.conf.all.keep_addr_on_down=1
ip -6 addr add 2001:db8:1::1/64 dev v1 nodad
ip -6 addr add 2001:db8:2::1/64 dev v2 nodad
ip -6 addr add 2001:db8:3::1/64 dev v3 nodad
ip -6 route add 2001:db8:9::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 weight 2 nexthop via 2001:db8:3::2
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2
ip -6 route add 2001:db8:7::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:1::3
ip -6 route show
ip link set p1 down
ip -6 route show
ip -6 -j route show 2001:db8:8::/64
ip link set v1 down
ip -6 route show
ip -6 -d -j route show 2001:db8:8::/64
ip -6 route get 2001:db8:8::1
ip -6 route get 2001:db8:8::1 fibmatch
ip link set v2 down
ip -6 route show
ip -6 route get 2001:db8:9::1
ip link set v1 up
ip -6 route show
ip link set v2 up
ip -6 route show
ip link set p1 up
ip -6 route show
ip -6 route add 2001:db8:6::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 nexthop via 2001:db8:3::2
ip link del v2
ip -6 route show
ip link set v3 down
ip link set v1 down
ip -6 route show
