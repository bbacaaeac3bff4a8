#!/bin/bash
# corpus: network namespaces tutorial: inspect, lo up, a veth to the host, default gateway
# source: https://codeloomdevv.co.in/blog/linux-network-namespaces-tutorial
# author: Codeloom (codeloomdevv.co.in)
# licence: not stated
# changes: the steps after the stored excerpt (addresses 10.0.0.1/24 and 10.0.0.2/24, the
#   default route via 10.0.0.1 of the page's diagram) written from the diagram; ping -c 1.
sudo ip netns add ns1
sudo ip netns list
sudo ip netns exec ns1 ip addr
sudo ip netns exec ns1 ip link set lo up
sudo ip link add veth-host type veth peer name veth-ns1
sudo ip link set veth-ns1 netns ns1
sudo ip addr add 10.0.0.1/24 dev veth-host
sudo ip link set veth-host up
sudo ip netns exec ns1 ip addr add 10.0.0.2/24 dev veth-ns1
sudo ip netns exec ns1 ip link set veth-ns1 up
sudo ip netns exec ns1 ip route add default via 10.0.0.1
sudo ip netns exec ns1 ping -c 1 10.0.0.1
