#!/bin/bash
# IPv4 multipath routes (a fib_info with several fib_nh): `ip route add … nexthop via A [dev D]
# [weight W] [onlink] nexthop …` as iproute2 parses it (every word after the first `nexthop` is
# a hop's) and as the kernel checks each hop (fib_check_nh, in order) and the first one against
# RTA_OIF / RTA_GATEWAY; shown with one `\tnexthop` line per hop, its weight always, `-j` as a
# "nexthops" array, `-d` with type, proto and scope. A route of one hop is a plain route.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link add v3 type veth peer name p3
ip link set v1 up
ip link set v2 up
ip link set p1 up
ip link set p2 up
ip addr add 10.0.1.1/24 dev v1
ip addr add 10.0.2.1/24 dev v2
ip addr add 10.0.3.1/24 dev v3
ip route add 10.9.0.0/16 nexthop via 10.0.1.2 weight 1 nexthop via 10.0.2.2 weight 3
ip route show
ip -d route show
ip -j route show 10.9.0.0/16
ip -j -p route show 10.9.0.0/16
ip -o route show 10.9.0.0/16
ip route add 10.8.0.0/16 nexthop via 10.0.1.2 dev v1 nexthop dev v2
ip route add 10.7.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.3.2
ip route add 10.6.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.4.2
ip route add 10.6.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2 dev nope
ip route add 10.6.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2 dev v1
ip route add 10.6.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.4.2 dev v1 onlink
ip route add 10.5.0.0/16 nexthop via 10.0.1.2 weight 256 nexthop via 10.0.2.2
ip route add 10.5.0.0/16 nexthop via 10.0.1.2 weight 0 nexthop via 10.0.2.2
ip route add 10.5.0.0/16 nexthop via 10.0.1.2 weight 257 nexthop via 10.0.2.2
ip route add 10.4.0.0/16 via 10.0.1.2 nexthop via 10.0.2.2
ip route add 10.4.0.0/16 via 10.0.1.2 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route add 10.3.0.0/16 dev v1 nexthop via 10.0.2.2
ip route add 10.3.0.0/16 dev v1 nexthop via 10.0.1.3 nexthop via 10.0.2.3
ip route add 10.5.0.0/16 nexthop via 10.0.1.2 weight 2
ip route add 10.2.0.0/16 nexthop dev v1 nexthop dev v2 metric 5
ip route add 10.2.0.0/16 nexthop
ip route add 10.2.0.0/16 nexthop bogus 1
ip route add 10.2.0.0/16 nexthop dev v1 nexthop dev p3
ip route add 10.2.0.0/16 nexthop dev v1 nexthop dev v2 onlink
ip route add 10.2.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2 src 10.0.1.1
ip route add 10.2.0.0/16 metric 9 src 10.0.1.1 proto static nexthop via 10.0.1.2 nexthop via 10.0.2.2 weight 5
ip route add blackhole 10.1.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route add 10.1.0.0/16 nexthop via 10.0.1.2 dev v1 onlink
ip route add 10.1.1.0/24 nexthop dev v2
ip route add 10.1.2.0/24 table 7 nexthop via 10.0.1.2 nexthop via 10.0.2.2 weight 7
ip route show
ip -d route show
ip route show table 7
ip -4 -j route show table all
ip route show dev v1
ip route show via 10.0.1.2
ip route show proto static
ip route show metric 9
ip route get 10.9.1.1 fibmatch
ip route get 10.9.1.1 oif v2
ip route get 10.9.1.1 oif v2 fibmatch
ip -j route get 10.9.1.1 fibmatch
ip route get 10.9.1.1 oif v3
