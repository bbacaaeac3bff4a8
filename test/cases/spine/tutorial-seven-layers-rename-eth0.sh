#!/bin/bash
# Adapted from https://github.com/louismunro/seven_layers_of_wisdom (layer2/create_br1.sh,
# create_br2.sh, create_cont2.sh, connect_bridges.sh): "containers" whose veth end is renamed
# to eth0 inside the namespace, and two bridges joined by a veth pair.
ip link add name br1 type bridge
ip link set br1 up
ip link add name br2 type bridge
ip link set br2 up

ip netns add ns1
ip link add dev veth3 type veth peer name veth4
ip link set veth3 up
ip link set veth4 up
ip link set veth4 netns ns1

ip netns exec ns1 ip link set veth4 down
ip netns exec ns1 ip link set veth4 name eth0
ip netns exec ns1 ip link set eth0 up
ip link set veth3 master br1

# create a pair of veth devices and set them "up", then connect them into the bridges
ip link add dev veth_br1 type veth peer name veth_br2
ip link set veth_br1 up
ip link set veth_br2 up
ip link set veth_br1 master br1
ip link set veth_br2 master br2
ip netns exec ns1 ip link show eth0
ip link show master br1
