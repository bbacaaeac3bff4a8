#!/bin/bash
# A multipath route's hops follow their devices (fib_sync_down_dev, fib_sync_up): carrier lost
# marks a hop linkdown; its device down marks it dead (and linkdown) and the route stays until
# every hop is dead; the device up again revives it; its last address removed kills it too; the
# device deleted takes the whole route with it. A route made with every hop without carrier is
# linkdown itself.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link add v3 type veth peer name p3
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip link set p1 up
ip link set p2 up
ip addr add 10.0.1.1/24 dev v1
ip addr add 10.0.2.1/24 dev v2
ip addr add 10.0.3.1/24 dev v3
ip route add 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2 weight 2 nexthop via 10.0.3.2
ip route add 10.8.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route show
ip -j route show 10.9.0.0/16
ip link set p1 down
ip route show
ip -j route show
ip link set v1 down
ip route show
ip -d -j route show 10.8.0.0/16
ip route get 10.8.0.1
ip link set v2 down
ip route show
ip link set v1 up
ip route show
ip link set v2 up
ip route show
ip link set p1 up
ip route show
ip addr flush dev v3
ip route show
ip addr add 10.0.3.1/24 dev v3
ip route show
ip route add 10.6.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip link del v2
ip route show
ip link set p1 down
ip route add 10.5.0.0/16 nexthop dev v1 nexthop dev v3
ip route show
ip link set p1 up
ip route show
ip route add 10.4.0.0/16 nexthop via 10.0.1.9 dev lo onlink nexthop dev v1
ip route show
ip link set v3 down
ip route show
ip link del v1
ip route show
