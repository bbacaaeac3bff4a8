#!/bin/bash
# Entries added by hand beside the learned ones: `master` (permanent: local to the bridge),
# `master static` (forwarded to the port), `self` on a port (its unicast list), replacing one
# state by the other, deleting; the bridge lists them newest first.
ip netns add b
ip netns add h1
ip -n b link add br0 address 02:00:00:00:00:aa type bridge
ip -n b link add p1 address 02:00:00:00:01:01 type veth peer name e0 netns h1 address 02:00:00:00:01:02
ip -n b link set p1 master br0
ip -n b link set br0 up
ip -n b link set p1 up
ip -n h1 link set e0 up
sleep 3
bridge -n b fdb show br br0
bridge -n b fdb add 02:11:22:33:44:55 dev p1 master
bridge -n b fdb add 02:11:22:33:44:66 dev p1 master static
bridge -n b fdb add 02:11:22:33:44:77 dev p1 self
bridge -n b fdb add 02:11:22:33:44:99 dev p1 master temp
bridge -n b fdb show br br0
bridge -n b fdb add 02:11:22:33:44:55 dev p1 master static
bridge -n b fdb replace 02:11:22:33:44:55 dev p1 master static
bridge -n b fdb replace 02:11:22:33:44:66 dev p1 master permanent
bridge -n b -j fdb show dev p1
bridge -n b fdb del 02:11:22:33:44:99 dev p1 master
bridge -n b fdb del 02:11:22:33:44:77 dev p1 self
bridge -n b fdb show dev p1
bridge -n b fdb show dev br0
