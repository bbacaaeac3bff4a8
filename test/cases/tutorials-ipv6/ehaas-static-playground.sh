#!/bin/bash
# Adapted from "Static IPv6 playground" (ehaas.net):
# https://ehaas.net/blog/static-ipv6-playground
# Two namespaces, red and blue, joined by a veth: first only link-local addresses (set up
# before the move, so the move takes them down and they come back with fresh ones), then
# static global addresses in one /64; pings both ways, by link-local with %dev and global.
sudo ip netns add red
sudo ip netns add blue
sudo ip netns exec red ip link set lo up
sudo ip netns exec blue ip link set lo up
sudo ip link add veth00 type veth peer name veth10
sudo ip link set veth00 address 02:00:00:00:00:01
sudo ip link set veth10 address 02:00:00:00:00:02
sudo ip link set veth00 up
sudo ip link set veth10 up
sudo ip link set dev veth00 netns red
sudo ip link set dev veth10 netns blue
sudo ip netns exec red ip addr
sudo ip netns exec red ip link set veth00 up
sudo ip netns exec blue ip link set veth10 up
sudo ip netns exec red ip -6 addr show dev veth00
sudo ip netns exec red ping -c 1 fe80::ff:fe00:2%veth00
sudo ip netns exec blue ping -c 1 -I veth10 fe80::ff:fe00:1
sudo ip netns exec red ip -6 addr add 2001:db8:0:1::1/64 dev veth00
sudo ip netns exec blue ip -6 addr add 2001:db8:0:1::2/64 dev veth10
sudo ip netns exec red ip -6 route
sudo ip netns exec red ping -c 2 2001:db8:0:1::2
sudo ip netns exec blue ping -c 1 2001:db8:0:1::1
sudo ip netns exec blue ip -6 neigh show dev veth10
