#!/bin/bash
# Routes through nexthop objects (`ip route add P nhid N`): shown with `nhid N` and the object's
# hops (a group's on `nexthop` lines, -d with nh_info), a blackhole object's route as a blackhole
# on lo; they change when the object is replaced, lose a group's member when it goes, and go
# when their object goes — deleted, flushed, or taken by its device going down or losing carrier.
sysctl -w net.ipv4.ip_forward=1
ip netns add b
ip link add r1 type veth peer name e1 netns b
ip link add r2 type veth peer name e2 netns b
ip link set r1 up
ip link set r2 up
ip -n b link set lo up
ip -n b link set e1 up
ip -n b link set e2 up
ip addr add 10.0.1.1/24 dev r1
ip addr add 10.0.2.1/24 dev r2
ip -n b addr add 10.0.1.2/24 dev e1
ip -n b addr add 10.0.2.2/24 dev e2
ip -n b addr add 10.9.0.1/32 dev lo
ip -n b addr add 10.8.0.1/32 dev lo
ip -n b route add default via 10.0.1.1
ip nexthop add id 1 via 10.0.1.2 dev r1
ip nexthop add id 2 via 10.0.2.2 dev r2
ip nexthop add id 3 dev r2
ip nexthop add id 4 blackhole
ip nexthop add id 10 group 1/2,3
ip nexthop add id 11 group 2,5
ip route add 10.9.0.0/16 nhid 1
ip route add 10.8.0.0/16 nhid 10
ip route add 10.7.0.0/16 nhid 4
ip route add 10.6.0.0/16 nhid 11 metric 7
ip route add 10.5.0.0/16 nhid 3
ip route add 10.4.0.0/16 nhid 99
ip route add 10.4.0.0/16 nhid 1 via 10.0.1.2
ip route add 10.4.0.0/16 nhid 1 dev r1
ip route add 10.4.0.0/16 nhid 1 scope host
ip route add 10.4.0.0/16 nhid 10 scope host
ip route add 10.9.0.0/16 nhid 2
ip route show
ip -j route show
ip -d route show
ip -d -j route show 10.8.0.0/16
ip route show dev r1
ip route get 10.9.0.1
ip route get 10.7.0.1
ip route get 10.8.0.1 oif r2
ip route get 10.8.0.1 fibmatch
ip route get 10.8.0.1
ip route get 10.6.0.1
ping -c 1 -W 1 10.9.0.1
ping -c 1 -W 1 10.7.0.1
ping -c 1 -W 1 -I r2 10.8.0.1
ip nexthop replace id 1 via 10.0.1.9 dev r1
ip route show
ip nexthop replace id 1 via 10.0.1.2 dev r1
ip nexthop del id 2
ip nexthop show
ip route show
ip route get 10.8.0.1
ping -c 1 -W 1 10.8.0.1
ip route del 10.9.0.0/16 via 10.0.1.2
ip route del 10.9.0.0/16 nhid 9
ip route del 10.9.0.0/16 nhid 10
ip route del 10.9.0.0/16 nhid 1
ip route show
ip route add 10.9.0.0/16 nhid 1
ip nexthop add id 2 via 10.0.2.2 dev r2
ip nexthop add id 12 group 2/3
ip route add 10.3.0.0/16 nhid 12
ip route show
ip -n b link set e1 down
ip nexthop show
ip route show
ip -n b link set e1 up
ip link set r2 down
ip nexthop show
ip route show
ip nexthop flush
ip route show
