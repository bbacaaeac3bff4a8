#!/bin/bash
# Adapted from "How to Troubleshoot IPv6 Duplicate Address Detection Failures" (OneUptime):
# https://oneuptime.com/blog/post/2026-03-20-ipv6-dad-failures/view
# Two hosts on one switch (namespaces on a bridge) are given the same address: the second
# one's DAD probe is answered and its copy stays dadfailed; `ip -6 addr show … tentative` and
# `… dadfailed` list it. The fix the article suggests: remove it and give a unique address.
ip netns add h1
ip netns add h2
ip link add br0 type bridge
ip link set br0 up
ip link add p1 type veth peer name eth0 netns h1
ip link add p2 type veth peer name eth0 netns h2
ip link set p1 master br0
ip link set p2 master br0
ip link set p1 up
ip link set p2 up
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h1 -6 addr add 2001:db8::1/64 dev eth0
ip netns exec h1 ip -6 addr show dev eth0
ip -n h2 -6 addr add 2001:db8::1/64 dev eth0
ip netns exec h2 ip -6 addr show dev eth0
ip netns exec h2 ip -6 addr show dev eth0 tentative
ip netns exec h2 ip -6 addr show dev eth0 dadfailed
ip netns exec h1 ip -6 addr show dev eth0 dadfailed
ip netns exec h2 ping -6 -c 1 -W 1 2001:db8::1
ip -n h2 -6 addr del 2001:db8::1/64 dev eth0
ip -n h2 -6 addr add 2001:db8::2/64 dev eth0
ip netns exec h2 ip -6 addr show dev eth0
ip netns exec h2 ping -6 -c 1 2001:db8::1
ip netns exec h1 ip -6 neigh show dev eth0
