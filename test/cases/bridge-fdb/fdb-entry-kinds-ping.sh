#!/bin/bash
# What an entry added by hand does to traffic: `master` (permanent) makes the MAC local to the
# bridge — frames to it go up to the bridge device, not out of the port, so the ping dies —;
# `master static` sends them out of its port, so the ping works again. An add of a MAC the
# bridge learned finds it there (one entry per MAC); `del` deletes a learned entry.
ip netns add b
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n b link add br0 address 02:00:00:00:00:cc type bridge
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
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
bridge -n b fdb add 02:00:00:00:02:02 dev p2 master
bridge -n b fdb show dev p2
ip netns exec h1 ping -c 2 -W 1 10.0.0.2
bridge -n b fdb del 02:00:00:00:02:02 dev p2 master
bridge -n b fdb add 02:00:00:00:02:02 dev p2 master static
bridge -n b fdb show dev p2
ip netns exec h1 ping -c 2 -W 1 10.0.0.2
bridge -n b fdb show br br0
bridge -n b fdb replace 02:00:00:00:02:02 dev p2 master permanent
bridge -n b fdb show dev p2
ip netns exec h1 ping -c 2 -W 1 10.0.0.2
bridge -n b fdb del 02:00:00:00:02:02 dev p2 master
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
bridge -n b fdb show dev p2
bridge -n b fdb del 02:00:00:00:02:02 dev p2 master
bridge -n b fdb del 02:00:00:00:02:02 dev p1 master
bridge -n b fdb show dev p2
