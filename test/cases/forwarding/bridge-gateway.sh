#!/bin/bash
# The bridge's own address as the namespaces' gateway, and a second bridge for a second subnet.
# Namespaces reach the gateway without forwarding; across subnets needs ip_forward in the
# bridges' namespace (the root); until then the far side is silent.
ip netns add A
ip netns add B
ip link add br0 type bridge
ip link add br1 type bridge
ip link set br0 up
ip link set br1 up
ip addr add 10.0.0.254/24 dev br0
ip addr add 10.0.1.254/24 dev br1
ip link add va type veth peer name va-br
ip link add vb type veth peer name vb-br
ip link set va netns A
ip link set vb netns B
ip link set va-br master br0
ip link set vb-br master br1
ip link set va-br up
ip link set vb-br up
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.1.1/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ip route add default via 10.0.0.254
ip netns exec B ip route add default via 10.0.1.254
ip netns exec A ping -c 1 -W 1 10.0.0.254
ip netns exec A ping -c 1 -W 1 10.0.1.254
ip netns exec A ping -c 1 -W 1 10.0.1.1
sysctl -w net.ipv4.ip_forward=1
ip netns exec A ping -c 1 -W 1 10.0.1.1
ip netns exec B ping -c 1 -W 1 10.0.0.1
