#!/bin/bash
# A bridge in namespace R with two ports; one port (p1) also holds an address. The address is
# local to R, so ARP for it is answered (by the bridge, which receives the port's frames), but
# R's replies leave through p1's own connected route: R's ARP for the pinger goes out p1 and
# the answer is taken by the bridge, so nothing comes back. An address added to br0 afterwards
# does not help: p1's connected route for the same prefix comes first, so replies still leave
# through p1.
ip netns add A
ip netns add B
ip netns add R
ip link add va type veth peer name p1
ip link add vb type veth peer name p2
ip link set va netns A
ip link set vb netns B
ip link set p1 netns R
ip link set p2 netns R
ip netns exec R ip link add br0 type bridge
ip netns exec R ip link set p1 master br0
ip netns exec R ip link set p2 master br0
ip netns exec R ip link set lo up
ip netns exec R ip link set br0 up
ip netns exec R ip link set p1 up
ip netns exec R ip link set p2 up
ip netns exec R ip addr add 10.0.0.100/24 dev p1
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec A ping -c 1 -W 1 10.0.0.100
ip netns exec R ping -c 1 -W 1 10.0.0.1
ip netns exec R ip addr add 10.0.0.200/24 dev br0
ip netns exec A ping -c 1 -W 1 10.0.0.200
ip netns exec B ping -c 1 -W 1 10.0.0.200
