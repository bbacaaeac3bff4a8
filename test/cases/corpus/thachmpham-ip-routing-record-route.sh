#!/bin/bash
# corpus: direct delivery over a bridge, with ping's record-route option
# source: https://thachmpham.github.io/html/ip-routing.html
# author: Thach M. Pham (thachmpham.github.io)
# licence: not stated
# changes: the "$ " prompts removed.
ip netns add ns1
ip netns add ns2
ip link add br0 type bridge
ip link set br0 up
ip link add veth1 type veth peer name veth1-br
ip link set veth1 netns ns1
ip link set veth1-br master br0
ip link set veth1-br up
ip link add veth2 type veth peer name veth2-br
ip link set veth2 netns ns2
ip link set veth2-br master br0
ip link set veth2-br up
ip netns exec ns1 ip addr add 192.168.0.1/24 dev veth1
ip netns exec ns1 ip link set veth1 up
ip netns exec ns2 ip addr add 192.168.0.2/24 dev veth2
ip netns exec ns2 ip link set veth2 up
ip netns exec ns1 ping -c 1 -R 192.168.0.2
