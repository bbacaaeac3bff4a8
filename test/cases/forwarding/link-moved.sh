#!/bin/bash
# A configured veth end moved to a third namespace loses its address and goes down; the
# neighbour entry the sender learned before still points at the old MAC. Re-addressed and up in
# its new home, the same address answers again.
ip netns add A
ip netns add B
ip netns add C
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec B ip link set vb netns C
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec C ip addr add 10.0.0.2/24 dev vb
ip netns exec C ip link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
