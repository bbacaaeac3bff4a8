#!/bin/bash
# corpus: a router namespace between two subnets, forwarding on, default routes, pings
# source: https://oneuptime.com/blog/post/2026-03-20-route-traffic-between-namespaces/view
# author: Nawaz Dhandala (OneUptime blog)
# licence: not stated
# changes: step 5 (routes; cut from the stored page) written as default routes via the router;
#   pings given -c 1.
ip netns add ns1
ip netns add ns2
ip netns add router
ip link add veth0 type veth peer name veth-r1
ip link set veth0 netns ns1
ip link set veth-r1 netns router
ip link add veth1 type veth peer name veth-r2
ip link set veth1 netns ns2
ip link set veth-r2 netns router
ip netns exec ns1 ip link set lo up
ip netns exec ns1 ip addr add 10.0.1.2/24 dev veth0
ip netns exec ns1 ip link set veth0 up
ip netns exec ns2 ip link set lo up
ip netns exec ns2 ip addr add 10.0.2.2/24 dev veth1
ip netns exec ns2 ip link set veth1 up
ip netns exec router ip link set lo up
ip netns exec router ip addr add 10.0.1.1/24 dev veth-r1
ip netns exec router ip link set veth-r1 up
ip netns exec router ip addr add 10.0.2.1/24 dev veth-r2
ip netns exec router ip link set veth-r2 up
ip netns exec ns1 ping -c 1 10.0.2.2
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec ns1 ip route add default via 10.0.1.1
ip netns exec ns2 ip route add default via 10.0.2.1
ip netns exec ns1 ping -c 1 10.0.2.2
ip netns exec ns2 ping -c 1 10.0.1.2
