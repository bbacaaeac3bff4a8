#!/bin/bash
# Multipath routes among others of the same prefix: `append`, `prepend`, `replace` (the first
# route of the prefix and metric, whatever its hops), and `del` by fib_nh_match — `via A` or
# `dev D` alone compares the first hop only; a list of hops compares each of the route's hops in
# order, with fewer hops given than the route has it does not match; a weight is not compared.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link set v1 up
ip link set v2 up
ip link set p1 up
ip link set p2 up
ip addr add 10.0.1.1/24 dev v1
ip addr add 10.0.2.1/24 dev v2
ip route add 10.9.0.0/16 nexthop via 10.0.1.2 weight 1 nexthop via 10.0.2.2 weight 3
ip route append 10.9.0.0/16 nexthop via 10.0.1.3 nexthop via 10.0.2.3
ip route append 10.9.0.0/16 nexthop via 10.0.1.3 nexthop via 10.0.2.3
ip route append 10.9.0.0/16 nexthop via 10.0.1.3 nexthop via 10.0.2.3 weight 2
ip route prepend 10.9.0.0/16 via 10.0.1.4
ip route show
ip route append 10.9.0.0/16 via 10.0.1.5
ip route show
ip route replace 10.9.0.0/16 nexthop via 10.0.1.6 nexthop via 10.0.2.6
ip route show
ip route replace 10.9.0.0/16 nexthop via 10.0.1.6 nexthop via 10.0.2.6
ip route show
ip route del 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route del 10.9.0.0/16 via 10.0.1.6
ip route show
ip route del 10.9.0.0/16 nexthop via 10.0.1.3
ip route del 10.9.0.0/16 nexthop via 10.0.1.3 nexthop via 10.0.2.9
ip route del 10.9.0.0/16 nexthop via 10.0.1.3 nexthop dev v1
ip route del 10.9.0.0/16 nexthop via 10.0.1.3 weight 9 nexthop dev v2 nexthop via 10.0.1.9
ip route show
ip route del 10.9.0.0/16 nexthop via 10.0.1.5
ip route show
ip route add 10.8.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route change 10.8.0.0/16 nexthop via 10.0.2.2 nexthop via 10.0.1.2
ip route change 10.7.0.0/16 nexthop via 10.0.2.2 nexthop via 10.0.1.2
ip route show
ip route del 10.8.0.0/16 dev v2
ip route del 10.8.0.0/16 dev v1
ip route add 10.8.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route flush dev v1
ip route show
ip route flush via 10.0.1.2
ip route show
ip route flush 10.8.0.0/16
ip route show
