#!/bin/bash
# A VXLAN hub over an IPv6 underlay: A's device has no remote of its own but two appended
# all-zeros remotes (B and C) and a static entry; traffic teaches each device the MACs behind
# the far VTEPs, and `bridge fdb show` lists the learnt entries (no state) among the static
# ones, newest MAC first, as vxlan_fdb_dump does. The VXLAN devices have no IPv6 of their own
# (conf/default's disable_ipv6 when they are made): their DAD and MLD chatter, sent after a
# random delay, would teach the MACs in an order left to chance; only the pings teach them.
ip netns add A
ip netns add B
ip netns add C
ip link add e0 netns A type veth peer name e1 netns B
ip -n A link add br0 type bridge
ip -n A link set e0 master br0
ip -n A link add e2 type veth peer name e3 netns C
ip -n A link set e2 master br0
for n in A B C; do ip -n $n link set lo up; done
ip -n A link set br0 up
ip -n A link set e0 up
ip -n A link set e2 up
ip -n B link set e1 up
ip -n C link set e3 up
ip -n A addr add 2001:db8::1/64 dev br0 nodad
ip -n B addr add 2001:db8::2/64 dev e1 nodad
ip -n C addr add 2001:db8::3/64 dev e3 nodad
for n in A B C; do ip netns exec $n sysctl -qw net.ipv6.conf.default.disable_ipv6=1; done
ip -n A link add vx0 type vxlan id 42 local 2001:db8::1 dstport 4789 dev br0
ip -n B link add vx0 type vxlan id 42 local 2001:db8::2 remote 2001:db8::1 dstport 4789 dev e1
ip -n C link add vx0 type vxlan id 42 local 2001:db8::3 remote 2001:db8::1 dstport 4789 dev e3
ip -n A link set vx0 address 02:00:00:00:0a:42
ip -n B link set vx0 address 02:00:00:00:0b:42
ip -n C link set vx0 address 02:00:00:00:0c:42
bridge -n A fdb append 00:00:00:00:00:00 dev vx0 dst 2001:db8::2
bridge -n A fdb append 00:00:00:00:00:00 dev vx0 dst 2001:db8::3
bridge -n A fdb add 02:00:00:00:00:99 dev vx0 dst 2001:db8::3
for n in A B C; do ip -n $n link set vx0 up; done
ip -n A addr add 10.42.0.1/24 dev vx0
ip -n B addr add 10.42.0.2/24 dev vx0
ip -n C addr add 10.42.0.3/24 dev vx0
ip netns exec A ping -c 1 10.42.0.3
ip netns exec A ping -c 1 10.42.0.2
bridge -n A fdb show dev vx0
bridge -n B fdb show dev vx0
bridge -n C fdb show dev vx0
bridge -n A -j fdb show dev vx0
