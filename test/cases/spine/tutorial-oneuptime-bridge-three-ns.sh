#!/bin/bash
# Adapted from https://oneuptime.com/blog/post/2026-03-20-virtual-bridge-network-namespaces-linux/view
# (How to Build a Virtual Bridge Between Network Namespaces on Linux). The original's
# `for ns in ...` loop and `bash -c "..."` blocks are unrolled into plain commands; pings dropped.
# Step 1: Create the bridge and give it the host's address on the virtual network
sudo ip link add br0 type bridge
sudo ip link set br0 up
sudo ip addr add 10.0.0.254/24 dev br0
# Step 2: Create namespaces
sudo ip netns add ns1
sudo ip netns add ns2
sudo ip netns add ns3
# Step 3: Connect each namespace to the bridge (loop unrolled)
sudo ip link add "veth-ns1" type veth peer name "veth-ns1-br"
sudo ip link set "veth-ns1-br" master br0
sudo ip link set "veth-ns1-br" up
sudo ip link set "veth-ns1" netns "ns1"
sudo ip link add "veth-ns2" type veth peer name "veth-ns2-br"
sudo ip link set "veth-ns2-br" master br0
sudo ip link set "veth-ns2-br" up
sudo ip link set "veth-ns2" netns "ns2"
sudo ip link add "veth-ns3" type veth peer name "veth-ns3-br"
sudo ip link set "veth-ns3-br" master br0
sudo ip link set "veth-ns3-br" up
sudo ip link set "veth-ns3" netns "ns3"
# Step 4: Assign IPs inside each namespace (ns1 only shown in full; the others the same way)
sudo ip netns exec ns1 ip link set lo up
sudo ip netns exec ns1 ip link set veth-ns1 up
sudo ip netns exec ns1 ip addr add 10.0.0.1/24 dev veth-ns1
sudo ip netns exec ns1 ip route add default via 10.0.0.254
sudo ip netns exec ns2 ip link set veth-ns2 up
sudo ip netns exec ns2 ip addr add 10.0.0.2/24 dev veth-ns2
sudo ip netns exec ns2 ip route add default via 10.0.0.254
sudo ip netns exec ns3 ip link set veth-ns3 up
sudo ip netns exec ns3 ip addr add 10.0.0.3/24 dev veth-ns3
sudo ip netns exec ns3 ip route add default via 10.0.0.254
# Verify
bridge link show
ip -br link show master br0
