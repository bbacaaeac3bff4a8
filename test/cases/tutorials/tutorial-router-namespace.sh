#!/usr/bin/env bash
# Tutorial style: a router namespace between two hosts, with a for loop, forwarding off then on,
# TTL, route get, JSON routes, a deleted return route, and ip -all netns delete.
# router namespace between two hosts
ip netns add h1
ip netns add h2
ip netns add r
ip link add h1-r type veth peer name r-h1
ip link add h2-r type veth peer name r-h2
ip link set h1-r netns h1
ip link set r-h1 netns r
ip link set h2-r netns h2
ip link set r-h2 netns r
ip -n h1 addr add 10.0.1.2/24 dev h1-r
ip -n r addr add 10.0.1.1/24 dev r-h1
ip -n h2 addr add 10.0.2.2/24 dev h2-r
ip -n r addr add 10.0.2.1/24 dev r-h2
for ns in h1 h2 r; do ip -n $ns link set lo up; done
ip -n h1 link set h1-r up
ip -n h2 link set h2-r up
ip -n r link set r-h1 up
ip -n r link set r-h2 up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec h1 ping -c 2 10.0.2.2
ip netns exec h1 ping -c 1 -t 1 10.0.2.2
ip -n r -br addr
ip -n r route
ip -n h1 route get 10.0.2.2
ip netns exec h1 ip -j -p route show
ip -n r neigh
ip netns exec h2 ip route del default
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
ip netns exec h1 ping -c 1 -W 1 10.0.2.1
ip -all netns delete
ip netns list
