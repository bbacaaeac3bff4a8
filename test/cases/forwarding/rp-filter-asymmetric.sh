#!/bin/bash
# Host H has two links to router R; its route to B uses the first, but pinging from the second
# link's address makes the reply come back on the second link. rp_filter=1 (strict) on H drops
# it silently: the best route back to B is not through the link it arrived on. rp_filter=2
# (loose) accepts it; the effective value is max(all, iface).
ip netns add H
ip netns add R
ip netns add B
ip link add h1 type veth peer name r1
ip link add h2 type veth peer name r2
ip link add vb type veth peer name r3
ip link set h1 netns H
ip link set h2 netns H
ip link set r1 netns R
ip link set r2 netns R
ip link set r3 netns R
ip link set vb netns B
ip netns exec H ip addr add 10.0.1.1/24 dev h1
ip netns exec H ip addr add 10.0.2.1/24 dev h2
ip netns exec R ip addr add 10.0.1.254/24 dev r1
ip netns exec R ip addr add 10.0.2.254/24 dev r2
ip netns exec R ip addr add 10.0.3.254/24 dev r3
ip netns exec B ip addr add 10.0.3.1/24 dev vb
ip netns exec H ip link set h1 up
ip netns exec H ip link set h2 up
ip netns exec R ip link set r1 up
ip netns exec R ip link set r2 up
ip netns exec R ip link set r3 up
ip netns exec B ip link set vb up
ip netns exec R sysctl -w net.ipv4.ip_forward=1
ip netns exec H ip route add 10.0.3.0/24 via 10.0.1.254
ip netns exec B ip route add default via 10.0.3.254
ip netns exec H ping -c 1 -W 1 10.0.3.1
ip netns exec H ping -c 1 -W 1 -I 10.0.2.1 10.0.3.1
ip netns exec H sysctl -w net.ipv4.conf.h2.rp_filter=1
ip netns exec H ping -c 1 -W 1 -I 10.0.2.1 10.0.3.1
ip netns exec H ping -c 1 -W 1 10.0.3.1
ip netns exec H sysctl -w net.ipv4.conf.all.rp_filter=2
ip netns exec H ping -c 1 -W 1 -I 10.0.2.1 10.0.3.1
ip netns exec H sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec H sysctl -w net.ipv4.conf.h2.rp_filter=0
ip netns exec H sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec H ping -c 1 -W 1 -I 10.0.2.1 10.0.3.1
