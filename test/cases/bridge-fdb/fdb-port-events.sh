#!/bin/bash
# What takes learned entries away: the port going down (br_stp_disable_port flushes them), the
# port leaving the bridge (its own entry goes too), the bridge going down; and what a new port
# MAC does (the old local entry goes, the new one is the newest).
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
bridge -n b fdb show br br0
ip -n b link set p1 down
bridge -n b fdb show br br0
ip -n b link set p1 up
sleep 1
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
bridge -n b fdb show dev p1
ip -n b link set p1 address 02:00:00:00:01:0f
bridge -n b fdb show dev p1
ip -n b link set p2 nomaster
bridge -n b fdb show br br0
ip -n b link set br0 down
bridge -n b fdb show br br0
