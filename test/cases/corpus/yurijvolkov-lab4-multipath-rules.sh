#!/bin/bash
# corpus: networks lab 4: a loopback address, weighted multipath routes in numbered tables, source rules
# source: https://github.com/yurijvolkov/networks_pa/blob/HEAD/lab4/v8/host1.sh
# author: yurijvolkov (GitHub)
# licence: not stated
# changes: the lab's links (made by its topology) created first: one veth with 4.8.8.20/24 so the
#   nexthops .30 .40 .50 are on-link; the interactive bash at the end replaced by listings.
ip link add h1-eth0 type veth peer name sw-p1
ip link set h1-eth0 up
ip link set sw-p1 up
ip addr add 4.8.8.20/24 dev h1-eth0
ip addr add 4.8.8.21 dev lo
ip r add 4.8.8.31 table 1 nexthop via 4.8.8.50 weight 1 nexthop via 4.8.8.40 weight 2 nexthop via 4.8.8.30 weight 3
ip rule add prio 100 from 4.8.8.40 table 1
ip rule add prio 100 from 4.8.8.50 table 1
ip rule add prio 100 from 4.8.8.30 table 1
ip r add 4.8.8.41 table 4 nexthop via 4.8.8.30 weight 1 nexthop via 4.8.8.50 weight 2 nexthop via 4.8.8.40 weight 3
ip rule add prio 100 from 4.8.8.30 table 4
ip rule add prio 100 from 4.8.8.20 table 4
ip rule add prio 100 from 4.8.8.50 table 4
ip route show table 1
ip rule
