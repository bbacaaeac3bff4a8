#!/bin/bash
# `default via` one of the namespace's own addresses is accepted and behaves like `dev va`:
# every destination is ARPed for directly on the link. B answers ARP for any of its addresses
# on any interface (arp_ignore=0), so B's loopback-held address is reachable; an address nobody
# holds is silence.
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec B ip addr add 172.16.5.5/32 dev lo
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec B ip link set lo up
ip netns exec B ip route add default via 10.0.0.2
ip netns exec A ip route add default via 10.0.0.1
ip netns exec A ip route show
ip netns exec A ping -c 1 -W 1 172.16.5.5
ip netns exec A ping -c 1 -W 1 172.16.6.6
