#!/usr/bin/env bash
# The seed's node 2 script with its mistakes fixed and the "confirming" commands left out:
# each node's bridge gets the first address of its own pod subnet (172.16.1.1/24 here, where
# the blog put the subnet 172.16.1.0/24), NS1 gets 172.16.1.2 (the blog's typo was 172.16.1..2),
# and the route to the other node's pods points at that node.
NODE_IP="192.168.0.26"
BRIDGE_IP="172.16.1.1"
NS1_IP="172.16.1.2"
NS2_IP="172.16.1.3"
TO_NODE_IP="192.168.0.16"
TO_BRIDGE_SUBNET="172.16.0.0/24"

ip netns add NS1
ip netns add NS2
ip link add veth10 type veth peer name veth11
ip link add veth20 type veth peer name veth21
ip link set veth11 netns NS1
ip link set veth21 netns NS2
ip netns exec NS1 ip addr add $NS1_IP/24 dev veth11
ip netns exec NS2 ip addr add $NS2_IP/24 dev veth21
ip netns exec NS1 ip link set dev veth11 up
ip netns exec NS2 ip link set dev veth21 up
ip link add jk-br0 type bridge
ip link set dev veth10 master jk-br0
ip link set dev veth20 master jk-br0
ip addr add $BRIDGE_IP/24 dev jk-br0
ip link set dev jk-br0 up
ip link set dev veth10 up
ip link set dev veth20 up
ip netns exec NS1 ip link set dev lo up
ip netns exec NS2 ip link set dev lo up
ip netns exec NS1 ip route add default via $BRIDGE_IP dev veth11
ip netns exec NS2 ip route add default via $BRIDGE_IP dev veth21
sysctl -w net.ipv4.ip_forward=1
ip route add $TO_BRIDGE_SUBNET via $TO_NODE_IP dev enp2s0
