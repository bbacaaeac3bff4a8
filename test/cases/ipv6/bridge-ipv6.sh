#!/bin/bash
# Namespaces on a bridge over IPv6: neighbour solicitations and the kernel's own multicast
# (DAD, MLD, router solicitations) are flooded to every port; the bridge's own address
# answers; link-local addresses reach across the bridge with their %scope; a port going down
# takes nothing from the others.
ip link add br0 type bridge
ip link set br0 up
ip -6 addr add 2001:db8::1/64 dev br0
ip netns add a
ip netns add b
ip netns add c
ip link add va type veth peer name pa
ip link add vb type veth peer name pb
ip link add vc type veth peer name pc
ip link set va netns a
ip link set vb netns b
ip link set vc netns c
ip link set pa master br0
ip link set pb master br0
ip link set pc master br0
ip link set pa up
ip link set pb up
ip link set pc up
ip -n a link set va address 02:00:00:00:00:0a
ip -n a link set va up
ip -n b link set vb up
ip -n c link set vc up
ip -n a -6 addr add 2001:db8::a/64 dev va
ip -n b -6 addr add 2001:db8::b/64 dev vb
ip -n c -6 addr add 2001:db8::c/64 dev vc
ip -6 addr show dev br0
ip -6 route show dev br0
ip netns exec a ping -c 1 2001:db8::b
ip netns exec b ping -c 1 2001:db8::c
ip netns exec c ping -c 1 2001:db8::1
ip netns exec b ping -c 1 fe80::ff:fe00:a%vb
ip -6 neigh show dev br0
ip -n a -6 neigh
ip link set pb down
ip netns exec a ping -c 1 -W 1 2001:db8::b
ip netns exec a ping -c 1 2001:db8::c
ip -n b -6 route
