#!/bin/bash
# Two namespaces on one bridge in the root namespace: bridged traffic needs no ip_forward.
ip netns add A
ip netns add B
ip link add br0 type bridge
ip link set br0 up
ip link add va type veth peer name va-br
ip link add vb type veth peer name vb-br
ip link set va netns A
ip link set vb netns B
ip link set va-br master br0
ip link set vb-br master br0
ip link set va-br up
ip link set vb-br up
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec B ping -c 3 -i 0.2 -W 1 10.0.0.1
ip netns exec A ping -c 1 -W 1 10.0.0.3
ip link set vb-br down
ip netns exec A ping -c 1 -W 1 10.0.0.2
