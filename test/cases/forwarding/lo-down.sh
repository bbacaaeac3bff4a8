#!/bin/bash
# Loopback and a namespace's own addresses. With lo never up there is no 127.0.0.1 route
# (connect: Network is unreachable) and own addresses get no reply. lo up: both answer. lo down
# again: the local routes stay, so connect() works, but nothing comes back; other namespaces
# still reach the address over the veth.
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 -W 1 127.0.0.1
ip netns exec A ping -c 1 -W 1 10.0.0.1
ip netns exec A ip link set lo up
ip netns exec A ping -c 1 -W 1 127.0.0.1
ip netns exec A ping -c 1 -W 1 127.1.2.3
ip netns exec A ping -c 1 -W 1 10.0.0.1
ip netns exec A ip link set lo down
ip netns exec A ping -c 1 -W 1 127.0.0.1
ip netns exec A ping -c 1 -W 1 10.0.0.1
ip netns exec B ping -c 1 -W 1 10.0.0.1
