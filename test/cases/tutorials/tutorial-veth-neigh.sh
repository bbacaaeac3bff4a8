#!/bin/bash
# Tutorial style (red/blue namespaces on a veth): pings, then the ARP tables and a route lookup.
set -e
sudo ip netns add red
sudo ip netns add blue
sudo ip link add veth-red type veth peer name veth-blue
sudo ip link set veth-red netns red
sudo ip link set veth-blue netns blue
sudo ip -n red addr add 192.168.15.1/24 dev veth-red
sudo ip -n blue addr add 192.168.15.2/24 dev veth-blue
sudo ip -n red link set veth-red up
sudo ip -n blue link set veth-blue up
sudo ip netns exec red ping -c 3 192.168.15.2
sudo ip netns exec red arp
sudo ip netns exec red ip neigh
sudo ip netns exec blue ip neigh show
ip netns exec red ip route get 192.168.15.2
ip -n red -s link show veth-red
ip netns exec red ping -c 2 -i 0.2 192.168.15.1
sudo ip netns del red
ip netns
ip netns exec blue ip link
