#!/bin/bash
# Adapted from "IP Command Reference" (Alexey N. Kuznetsov), Proxy ARP/NDISC:
# http://linux-ip.net/gl/ip-cref/ip-cref-node175.html
# A router answers neighbour solicitations for a host behind it: `ip neigh add proxy ADDRESS
# dev NAME` and proxy_ndp on. Host a (2001:db8::1) and host b (2001:db8::2) share a /64 but sit
# on two links of the router; without the proxy entry a cannot resolve b, with it the router
# answers with its own address and forwards.
ip netns add a
ip netns add b
ip link add ra type veth peer name eth0 netns a
ip link add rb type veth peer name eth0 netns b
ip link set ra up
ip link set rb up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a -6 addr add 2001:db8::1/64 dev eth0
ip -n b -6 addr add 2001:db8::2/64 dev eth0
ip -6 route add 2001:db8::1/128 dev ra
ip -6 route add 2001:db8::2/128 dev rb
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec a ping -6 -c 1 -W 1 2001:db8::2
sysctl -w net.ipv6.conf.all.proxy_ndp=1
ip -6 neigh add proxy 2001:db8::2 dev ra
ip -6 neigh add proxy 2001:db8::1 dev rb
ip -6 neigh show proxy
ip netns exec a ping -6 -c 1 2001:db8::2
ip -n a -6 neigh show dev eth0
ip -6 neigh del proxy 2001:db8::2 dev ra
ip -6 neigh show proxy
