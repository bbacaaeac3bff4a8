#!/bin/bash
# A bridge in its own namespace with two hosts on veths (fixed MACs): after a ping and a pause
# (each host's IPv6 start-up has crossed the bridge), every form of `bridge fdb show` — the
# whole namespace, one bridge, one port, one host, JSON — with the learned entries, the ports'
# own entries and each device's multicast list.
ip netns add b
ip netns add h1
ip netns add h2
ip -n b link add br0 type bridge
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
sleep 3
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec b bridge fdb show
ip netns exec b bridge fdb show br br0
ip netns exec b bridge fdb show dev p1
ip netns exec b bridge fdb show brport p2
ip netns exec b bridge fdb show dev br0
ip netns exec b bridge -j fdb show br br0
ip netns exec b bridge -j -p fdb show dev p2
ip netns exec h1 bridge fdb show
bridge -n b fdb show dev p1
