#!/bin/bash
# One end of a veth administratively down: the other end has no carrier (its routes are
# `linkdown` but still used), ARP goes nowhere. Within -W 1: silence; after ~3 s the sender
# (lo up) reports Destination Host Unreachable from its own address.
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip link set lo up
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec A ping -c 1 -W 5 10.0.0.2
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec A ip link set va down
ip netns exec A ping -c 1 -W 1 10.0.0.2
