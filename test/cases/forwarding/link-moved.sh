#!/bin/bash
# A configured veth end moved to a third namespace loses its address and goes down (the sender
# loses carrier and flushes its neighbour entry). Re-addressed and up in its new home, the same
# address answers again — usually: the last ping only gets through if the ARP probe left pending
# by the previous ping fires after vb came up (4 kernel runs in 6).
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
# Let A's pending ARP for 10.0.0.2 fail first (~3 s): otherwise whether its last probe lands
# before or after vb comes up in C is a race on the kernel too.
sleep 3
ip netns exec C ip addr add 10.0.0.2/24 dev vb
ip netns exec C ip link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
