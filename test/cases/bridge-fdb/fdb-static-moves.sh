#!/bin/bash
# A `master static` entry on the wrong port: the first frame from that MAC on its real port
# moves it there (static entries are not sticky), so traffic finds its way; the entry keeps its
# state and place in the list.
ip netns add b
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n b link add br0 address 02:00:00:00:00:dd type bridge
ip -n b link add p1 address 02:00:00:00:01:01 type veth peer name e0 netns h1 address 02:00:00:00:01:02
ip -n b link add p2 address 02:00:00:00:02:01 type veth peer name e0 netns h2 address 02:00:00:00:02:02
ip -n b link set p1 master br0
ip -n b link set p2 master br0
ip -n b link set br0 up
ip -n b link set p1 up
ip -n b link set p2 up
ip -n h1 addr add 10.0.0.1/24 dev e0
ip -n h1 link set e0 up
ip -n h2 addr add 10.0.0.2/24 dev e0
ip -n h2 link set e0 up
bridge -n b fdb add 02:00:00:00:02:02 dev p1 master static
bridge -n b fdb show br br0
ip netns exec h1 ping -c 2 -W 1 10.0.0.2
bridge -n b fdb show br br0
bridge -n b fdb del 02:00:00:00:02:02 dev p1 master
bridge -n b fdb del 02:00:00:00:02:02 dev p2 master
bridge -n b fdb show dev p2
