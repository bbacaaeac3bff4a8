#!/bin/bash
# Adapted from https://oneuptime.com/blog/post/2026-03-20-route-traffic-between-namespaces/view
# (How to Route Traffic Between Network Namespaces): a "router" namespace with forwarding on.

# Step 1: Create the Namespaces
ip netns add ns1
ip netns add ns2
ip netns add router

# Step 2: Create and Connect veth Pairs
# veth pair between ns1 and router
ip link add veth0 type veth peer name veth-r1
ip link set veth0 netns ns1
ip link set veth-r1 netns router
# veth pair between ns2 and router
ip link add veth1 type veth peer name veth-r2
ip link set veth1 netns ns2
ip link set veth-r2 netns router

# Step 3: Assign IP Addresses
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

# Step 4: Enable IP Forwarding in the Router Namespace
ip netns exec router sysctl -w net.ipv4.ip_forward=1

# Step 5: Add default routes pointing at the router
ip netns exec ns1 ip route add default via 10.0.1.1
ip netns exec ns2 ip route add default via 10.0.2.1
ip netns exec router ip route show
ip netns exec ns1 ip route show
