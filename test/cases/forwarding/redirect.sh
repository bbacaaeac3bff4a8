#!/bin/bash
# A router R that forwards back out the interface the packet came in on, toward an on-link
# source, sends an ICMP redirect (ping prints it, it is not an error). A takes the redirect only
# once the new gateway is resolved: the first redirect starts ARP for it, the second installs it,
# and the third probe goes direct.
ip link add br0 type bridge
ip link set br0 up
ip netns add A
ip netns add R
ip netns add C
ip link add va type veth peer name va-br
ip link add vr type veth peer name vr-br
ip link add vc type veth peer name vc-br
ip link set va netns A
ip link set vr netns R
ip link set vc netns C
ip link set va-br master br0
ip link set vr-br master br0
ip link set vc-br master br0
ip link set va-br up
ip link set vr-br up
ip link set vc-br up
ip netns exec A ip link set lo up
ip netns exec R ip link set lo up
ip netns exec C ip link set lo up
ip netns exec A ip addr add 10.0.1.1/24 dev va
ip netns exec R ip addr add 10.0.1.254/24 dev vr
ip netns exec C ip addr add 10.0.1.2/24 dev vc
ip netns exec C ip addr add 10.9.9.9/32 dev lo
ip netns exec A ip link set va up
ip netns exec R ip link set vr up
ip netns exec C ip link set vc up
ip netns exec R sysctl -w net.ipv4.ip_forward=1
ip netns exec A ip route add 10.9.9.9/32 via 10.0.1.254
ip netns exec R ip route add 10.9.9.9/32 via 10.0.1.2
ip netns exec A ping -c 3 10.9.9.9
ip netns exec A ping -c 1 -W 1 10.9.9.9
