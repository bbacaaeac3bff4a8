#!/bin/bash
# VXLAN over an IPv6 underlay: `local`/`remote` IPv6 addresses (-d and -j show remote6/local6),
# the MTU the kernel derives (its lower device's less 70, 20 more than over IPv4; 1500 without
# a lower device), a `group` IPv6 multicast address, a family mix refused by iproute2, IPv4 and
# IPv6 pings across the overlay (the largest unfragmented IPv4 ping fits the 1430 bytes), and
# `bridge fdb` entries with an IPv6 `dst`.
ip netns add A
ip netns add B
ip link add e0 netns A type veth peer name e1 netns B
ip -n A link set e0 address 02:00:00:00:0a:01
ip -n B link set e1 address 02:00:00:00:0b:01
ip -n A link set e0 up
ip -n B link set e1 up
ip -n A addr add 2001:db8::1/64 dev e0 nodad
ip -n B addr add 2001:db8::2/64 dev e1 nodad
ip -n A link add vx0 type vxlan id 42 local 2001:db8::1 remote 2001:db8::2 dstport 4789 dev e0
ip -n B link add vx0 type vxlan id 42 local 2001:db8::2 remote 2001:db8::1 dstport 4789 dev e1
ip -n A link set vx0 address 02:00:00:00:0a:42
ip -n B link set vx0 address 02:00:00:00:0b:42
ip -n A link show vx0
ip -n A -d link show vx0
ip -n A -j -d link show vx0
bridge -n A fdb show dev vx0
ip -n A link set vx0 up
ip -n B link set vx0 up
ip -n A addr add 10.42.0.1/24 dev vx0
ip -n B addr add 10.42.0.2/24 dev vx0
ip -n A addr add fd42::1/64 dev vx0 nodad
ip -n B addr add fd42::2/64 dev vx0 nodad
ip netns exec A ping -c 2 -i 0.2 10.42.0.2
ip netns exec A ping -c 2 -i 0.2 fd42::2
ip netns exec A ping -c 1 -s 1402 -M do 10.42.0.2
ip netns exec A ping -c 1 -s 1403 -M do 10.42.0.2
ip -n A -6 route get 2001:db8::2
ip -n A link add vx1 type vxlan id 43 local 2001:db8::1 dstport 4789 dev e0
ip -n A link set vx1 up
bridge -n A fdb append 00:00:00:00:00:00 dev vx1 dst 2001:db8::2
bridge -n A fdb add 02:00:00:00:00:99 dev vx1 dst 2001:db8::3
bridge -n A fdb show dev vx1
bridge -n A -j fdb show dev vx1
ip -n A link add vx2 type vxlan id 44 group ff0e::42 dev e0 dstport 4789
ip -n A -d link show vx2
ip -n A link add vx3 type vxlan id 45 local 2001:db8::1 remote 10.0.0.2 dstport 4789
ip -n A link add vx3 type vxlan id 45 remote 2001:db8::2 dstport 4789
ip -n A -d link show vx3
ip -n B link set vx0 down
ip netns exec A ping -c 1 -W 1 10.42.0.2
ip -n B link set vx0 up
ip netns exec A ping -c 1 10.42.0.2
ip -n A link add vx4 type vxlan id 46 local 2001:db8::1 remote 2001:db8::2 dstport 4789 dev e0 udp6zerocsumtx udp6zerocsumrx
ip -n A -d link show vx4
ip -n A link add vx5 type vxlan id 47 remote 2001:db8::2 dstport 4789 noudpcsum noudp6zerocsumrx
ip -n A -d -j link show vx5
ip -n A link add vx6 type vxlan id 48 remote 10.0.0.2 dstport 4789 noudpcsum
ip -n A -d link show vx6
