#!/bin/bash
# Special destinations: a subnet broadcast and 255.255.255.255 need -b (and nobody answers a
# broadcast echo: icmp_echo_ignore_broadcasts=1); 0.0.0.0 means this host (127.0.0.1); the
# network address is an ordinary unicast address since 5.14; 224.0.0.1 goes out but gets no
# answer; localhost comes from /etc/hosts and replies print the name.
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
ip netns exec A ping -c 1 -W 1 10.0.1.255
ip netns exec A ping -c 1 -W 1 -b 10.0.1.255
ip netns exec A ping -c 1 -W 1 255.255.255.255
ip netns exec A ping -c 1 -W 1 0.0.0.0
ip netns exec A ping -c 1 -W 1 10.0.1.0
ip netns exec A ping -c 1 -W 1 224.0.0.1
ip netns exec A ping -c 1 -W 1 localhost
ip netns exec A ping -c 1 -W 1 10.0.1.254 -n
ip netns exec A ping -c 1 -W 1 0x0a0001fe
ip netns exec A ping -c 1 -W 1 10.0.510
