#!/bin/bash
# Adapted from https://aiinfrahub.com/about-us/linux-network-bridge (Linux Network Bridge, 2025):
# two namespaces on a host bridge, configured through shell "macros". Pings dropped.
# Define some macros for host1
NS1="NS1"
NS2="NS2"
BRIDGE_SUBNET="10.0.0.0/24"
BRIDGE_IP="10.0.0.1"
IP1="10.0.0.2"
IP2="10.0.0.3"
sudo ip netns add $NS1
sudo ip netns add $NS2
ip netns show
# Create the veth pairs
sudo ip link add vethNS1 type veth peer name vethNS1-br
sudo ip link add vethNS2 type veth peer name vethNS2-br
ip link show type veth
# Add the veth pairs to the namespaces
sudo ip link set vethNS1 netns $NS1
sudo ip link set vethNS2 netns $NS2
sudo ip netns exec $NS1 ip addr add $IP1/24 dev vethNS1
sudo ip netns exec $NS2 ip addr add $IP2/24 dev vethNS2
sudo ip netns exec $NS1 ip link set dev vethNS1 up
sudo ip netns exec $NS2 ip link set dev vethNS2 up
# Create the bridge, attach the host ends, give it the gateway address
sudo ip link add br0 type bridge
sudo ip link set dev vethNS1-br master br0
sudo ip link set dev vethNS2-br master br0
sudo ip addr add $BRIDGE_IP/24 dev br0
sudo ip link set dev br0 up
sudo ip link set dev vethNS1-br up
sudo ip link set dev vethNS2-br up
# Loopback and default routes inside the namespaces
sudo ip netns exec $NS1 ip link set lo up
sudo ip netns exec $NS2 ip link set lo up
sudo ip netns exec $NS1 ip route add default via $BRIDGE_IP dev vethNS1
sudo ip netns exec $NS2 ip route add default via $BRIDGE_IP dev vethNS2
sudo ip netns exec $NS1 ip route
ip route show $BRIDGE_SUBNET
