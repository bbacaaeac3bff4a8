#!/bin/bash
# A router namespace between two subnets, ip_forward left at 0: the router's own addresses answer
# (on both sides: weak host), but nothing is forwarded and nothing says why.
ip netns add A
ip netns add R
ip netns add B
ip link add va type veth peer name ra
ip link add vb type veth peer name rb
ip link set va netns A
ip link set ra netns R
ip link set vb netns B
ip link set rb netns R
ip netns exec A ip link set lo up
ip netns exec R ip link set lo up
ip netns exec B ip link set lo up
ip netns exec A ip addr add 10.0.1.1/24 dev va
ip netns exec R ip addr add 10.0.1.254/24 dev ra
ip netns exec R ip addr add 10.0.2.254/24 dev rb
ip netns exec B ip addr add 10.0.2.1/24 dev vb
ip netns exec A ip link set va up
ip netns exec R ip link set ra up
ip netns exec R ip link set rb up
ip netns exec B ip link set vb up
ip netns exec A ip route add default via 10.0.1.254
ip netns exec B ip route add default via 10.0.2.254
ip netns exec A ping -c 1 -W 1 10.0.1.254
ip netns exec A ping -c 1 -W 1 10.0.2.254
ip netns exec A ping -c 1 -W 1 10.0.2.1
