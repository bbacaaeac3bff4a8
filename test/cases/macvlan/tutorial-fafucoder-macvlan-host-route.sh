#!/bin/bash
# Adapted from https://fafucoder.github.io/2021/02/03/linux-dummy (macvlan section): two
# bridge-mode macvlans on eth0 moved into ns1 and ns2, then the usual fix for "the host cannot
# reach its macvlans": a third macvlan mac3 on the host with /32 routes to the namespaces.
# eth0 is a veth here whose far end, up in the namespace lan, stands for the physical network.
# The interface names keep the tutorial's "@eth0" (the kernel takes '@' in a name).
ip netns add lan
ip link add eth0 type veth peer name wire netns lan
ip -n lan link set wire up
ip -n lan addr add 192.168.0.1/24 dev wire
ip link set eth0 up
ip link add link eth0 name mac1@eth0 type macvlan mode bridge
ip link add link eth0 name mac2@eth0 type macvlan mode bridge
ip netns add ns1
ip netns add ns2
ip link set mac1@eth0 netns ns1
ip link set mac2@eth0 netns ns2
ip netns exec ns1 ip addr add 192.168.0.100/24 dev mac1@eth0
ip netns exec ns2 ip addr add 192.168.0.200/24 dev mac2@eth0
ip netns exec ns1 ip link set mac1@eth0 up
ip netns exec ns2 ip link set mac2@eth0 up
ip netns exec ns1 ip link show
ip addr add 192.168.0.50/24 dev eth0
ping -c 1 -W 1 192.168.0.100
ip link add link eth0 name mac3@eth0 type macvlan mode bridge
ip addr add 192.168.0.150/24 dev mac3@eth0
ip link set mac3@eth0 up
ip route add 192.168.0.100/32 dev mac3@eth0
ip route add 192.168.0.200/32 dev mac3@eth0
ip netns exec ns2 ping -c 5 192.168.0.100
ip netns exec ns2 ping -c 5 192.168.0.150
ping -c 2 192.168.0.100
ping -c 2 192.168.0.200
ip netns exec ns1 ping -c 1 -W 1 192.168.0.1
ip route
