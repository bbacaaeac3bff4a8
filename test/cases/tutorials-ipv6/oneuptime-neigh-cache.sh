#!/bin/bash
# Adapted from "How to View the IPv6 Neighbor Cache on Linux" (Nawaz Dhandala, OneUptime):
# https://oneuptime.com/blog/post/2026-03-20-ndp-view-neighbor-cache-linux/view
# A host (eth0) and a neighbour namespace on one veth: the cache after pings to a global and
# a link-local address, to an address nobody has (FAILED), the listings by device and by
# address, and a static entry added and removed.
ip netns add peer
ip link add eth0 type veth peer name eth0 netns peer
ip link set eth0 address 02:11:22:33:44:01
ip -n peer link set eth0 address 00:11:22:33:44:55
ip link set eth0 up
ip -n peer link set eth0 up
ip -6 addr add 2001:db8::10/64 dev eth0
ip -n peer -6 addr add 2001:db8::1/64 dev eth0
ip -6 neigh show
ping -6 -c 1 2001:db8::1
ping -6 -c 1 fe80::211:22ff:fe33:4455%eth0
ping -6 -c 1 -W 1 2001:db8::2
ip -6 neigh show
ip -6 neigh show dev eth0
ip -6 neigh show 2001:db8::1 dev eth0
ip -6 neigh show 2001:db8::2 dev eth0
ip -n peer -6 neigh show
ip -6 neigh add 2001:db8::3 lladdr 00:aa:bb:cc:dd:ee dev eth0
ip -6 neigh show dev eth0
ip -6 neigh del 2001:db8::3 dev eth0
ip -6 neigh show 2001:db8::3 dev eth0
ip -j -6 neigh show 2001:db8::1
