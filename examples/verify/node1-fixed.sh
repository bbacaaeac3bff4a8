#!/usr/bin/env bash
# The seed's steps 1-12 for node 1, corrected: the bridge holds the pods' gateway inside their
# subnet, 172.16.0.1 (the seed gives it 172.16.1.1, an address of node 2's pod subnet, so the
# pods' default route is refused and node 1 thinks node 2's pods are on its own bridge).
# Step 13, how the two nodes' pod subnets reach each other, is in the lab files:
# lab-fixed-routes.yaml (routes over the physical network), lab-fixed-tunnel.yaml (socat).
NODE_IP="192.168.0.16"
NS1="NS1"
NS2="NS2"
BRIDGE_SUBNET="172.16.0.0/24"
BRIDGE_IP="172.16.0.1"
NS1_IP="172.16.0.2"
NS2_IP="172.16.0.3"

# step 1-2: the pods' namespaces
sudo ip netns add $NS1
sudo ip netns add $NS2

# step 3-4: a veth pair per pod, one end inside it
sudo ip link add veth10 type veth peer name veth11
sudo ip link add veth20 type veth peer name veth21
sudo ip link set veth11 netns $NS1
sudo ip link set veth21 netns $NS2

# step 5-6: the pods' addresses, links up
sudo ip netns exec $NS1 ip addr add $NS1_IP/24 dev veth11
sudo ip netns exec $NS2 ip addr add $NS2_IP/24 dev veth21
sudo ip netns exec $NS1 ip link set dev veth11 up
sudo ip netns exec $NS2 ip link set dev veth21 up

# step 7-10: the bridge, its ports, and the pods' gateway address on it
sudo ip link add jk-br0 type bridge
sudo ip link set dev veth10 master jk-br0
sudo ip link set dev veth20 master jk-br0
sudo ip addr add $BRIDGE_IP/24 dev jk-br0
sudo ip link set dev jk-br0 up
sudo ip link set dev veth10 up
sudo ip link set dev veth20 up

# step 11-12: loopback, the pods' default route through the bridge, forwarding on the node
sudo ip netns exec $NS1 ip link set dev lo up
sudo ip netns exec $NS2 ip link set dev lo up
sudo ip netns exec $NS1 ip route add default via $BRIDGE_IP dev veth11
sudo ip netns exec $NS2 ip route add default via $BRIDGE_IP dev veth21
sudo sysctl -w net.ipv4.ip_forward=1
sudo ip netns exec $NS1 ip route
