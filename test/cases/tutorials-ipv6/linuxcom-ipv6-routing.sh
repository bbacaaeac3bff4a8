#!/bin/bash
# Adapted from "Practical Networking for Linux Admins: IPv6 Routing" (Carla Schroder, Linux.com):
# https://www.linux.com/topic/networking/practical-networking-linux-admins-ipv6-routing/
# Two computers on one Ethernet switch become two namespaces on a bridge. Each gets an address
# from the documentation prefix, ping6 needs -I for a link-local; then the desktop takes a
# second subnet, the laptop cannot reach it until it has a route via the desktop; the
# addresses and routes go again as in the article's clean-up.
ip netns add desktop
ip netns add laptop
ip link add switch type bridge
ip link set switch up
ip link add d0 type veth peer name enp0s25 netns desktop
ip link add l0 type veth peer name eth0 netns laptop
ip link set d0 master switch
ip link set l0 master switch
ip link set d0 up
ip link set l0 up
ip -n desktop link set enp0s25 address d0:50:99:82:e7:2b
ip -n laptop link set eth0 address 9c:ef:d5:fe:8f:20
ip -n desktop link set lo up
ip -n laptop link set lo up
ip -n desktop link set enp0s25 up
ip -n laptop link set eth0 up
ip netns exec desktop ip -6 addr add 2001:0db8::1/64 dev enp0s25
ip netns exec desktop ip addr show
ip netns exec laptop ip -6 addr add 2001:0db8::2/64 dev eth0
ip netns exec desktop ping6 -I enp0s25 -c 2 2001:db8::2
ip netns exec laptop ping6 -c 1 fe80::d250:99ff:fe82:e72b
ip netns exec laptop ping6 -c 1 -I eth0 fe80::d250:99ff:fe82:e72b
ip netns exec desktop ip -6 addr add 2001:0db8:1::1/64 dev enp0s25
ip netns exec laptop ping6 -c 1 -W 1 2001:db8:1::1
ip netns exec laptop ip -6 route add 2001:db8:1::/64 via 2001:db8::1
ip netns exec laptop ip -6 route show
ip netns exec laptop ping6 -c 1 2001:db8:1::1
ip netns exec laptop ip -6 route get 2001:db8:1::1
ip netns exec laptop ip -6 route del 2001:db8:1::/64 via 2001:db8::1
ip netns exec desktop ip -6 addr del 2001:0db8:1::1/64 dev enp0s25
ip netns exec desktop ip -6 addr show dev enp0s25
ip netns exec laptop ip -6 neigh show dev eth0
