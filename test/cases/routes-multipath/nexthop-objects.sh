#!/bin/bash
# Nexthop objects (`ip nexthop`): a nexthop through a gateway, on a device, a blackhole, groups
# of them with weights; ids the kernel picks (the next free one after the last it gave); show,
# get, the selectors; refusals in the kernel's words, in its order (a device without carrier is
# refused before the gateway is looked at).
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link add v3 type veth peer name p3
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip link set p2 up
ip addr add 10.0.1.1/24 dev v1
ip addr add 10.0.2.1/24 dev v2
ip addr add 10.0.3.1/24 dev v3
ip nexthop show
ip nexthop help
ip nexthop bogus
ip nexthop add id 1 via 10.0.1.2 dev v1
ip link set p1 up
ip nexthop add id 1 via 10.0.1.2 dev v1
ip nexthop add id 2 via 10.0.2.2 dev v2
ip nexthop add id 3 dev v1
ip nexthop add id 4 blackhole
ip nexthop add id 5 via 10.0.3.2 dev v3
ip nexthop add id 5 via 10.0.4.2 dev v1
ip nexthop add id 5 via 10.0.1.2
ip nexthop add id 5 via 10.0.1.2 dev nope
ip nexthop add id 1 via 10.0.1.3 dev v1
ip nexthop add id 2 blackhole dev v1
ip nexthop add id 5 group 1 dev v1
ip nexthop add id 5 group 1/1
ip nexthop add id 5 group 1,0
ip nexthop add id 5 group 1,257
ip nexthop add id 5 group x
ip nexthop add id x
ip nexthop add id 5 bogus
ip nexthop add id 5
ip nexthop add id 5 onlink dev v1
ip nexthop add id 10 group 1/2
ip nexthop add id 11 group 1,3/2/3,7 protocol static
ip nexthop add id 12 group 1/4
ip nexthop add id 12 group 1/99
ip nexthop add id 12 group 10/1
ip nexthop add id 15 via 10.0.1.2 dev v1 onlink
ip nexthop add id 16 via 10.9.9.9 dev v1 onlink
ip nexthop add via 10.0.1.5 dev v1
ip nexthop add id 0 via 10.0.1.6 dev v1
ip nexthop show
ip -j nexthop show
ip -j -p nexthop show id 11
ip -d nexthop show
ip nexthop get id 10
ip -j nexthop get id 10
ip nexthop get id 99
ip nexthop get
ip nexthop show id 11
ip nexthop show id 77
ip nexthop show dev v1
ip nexthop show dev nope
ip nexthop show groups
ip nexthop show protocol 4
ip nexthop replace id 10 via 10.0.1.3 dev v1
ip nexthop replace id 1 group 2
ip nexthop replace id 20 via 10.0.1.7 dev v1
ip nexthop replace id 20 via 10.0.2.7 dev v2
ip nexthop show
ip nexthop del
ip nexthop del id 0
ip nexthop del id 77
ip nexthop del id 1 dev v1
ip nexthop del id 3
ip nexthop show
ip nexthop flush groups
ip nexthop show
ip nexthop flush dev v2
ip nexthop show
ip nexthop flush
ip nexthop flush
ip -j nexthop show
