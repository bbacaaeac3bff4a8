#!/bin/bash
# Two namespaces joined by one veth pair, one /24. The sender's lo stays down, as `ip netns add`
# leaves it: its own address gets no answer, 127.0.0.1 has no route at all, and an absent
# neighbour is just silence within -W 1 (ARP needs ~3 s to fail).
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec B ping -c 2 -i 0.2 -W 1 10.0.0.1
ip netns exec A ping -c 1 -W 1 10.0.0.3
ip netns exec A ping -c 1 -W 1 10.0.0.1
ip netns exec A ping -c 1 -W 1 127.0.0.1
ip netns exec A ping -c 1 -W 1 10.0.1.1
