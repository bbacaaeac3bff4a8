#!/bin/bash
# Adapted from "Mastering Single-Host Container Networking: Namespaces, veth, Bridges & NAT",
# Liangxu Linux on besthub.dev (after Ivan Velichko's "Container Networking Is Simple"),
# https://www.besthub.dev/articles/mastering-single-host-container-networking-namespaces-veth-bridges-nat-5db04d354942
# netns0 gets ceth0 (172.18.0.10/16) with veth0 (172.18.0.11/16) on the host; a second
# container netns1 the same way (.20 and .21) shows the routing conflict of two /16s on two
# veths; a bridge br0 (172.18.0.1/16) fixes it; containers reach out through MASQUERADE.
# Changes: `iptables -N ROOT_NS` kept from its first script, nsenter replaced by `ip netns exec`
# / `ip -n`; the outside is a namespace "ext" on the host's uplink; the NAT rule written as the
# article's source does (`-s 172.18.0.0/16 ! -o br0`); port publishing left out (TCP); the
# bridge made with mcast_snooping 0 (its IGMP reports are not modelled).
iptables -N ROOT_NS
iptables --list-rules
ip netns add netns0
ip link add veth0 type veth peer name ceth0
ip link set ceth0 netns netns0
ip link set veth0 up
ip addr add 172.18.0.11/16 dev veth0
ip -n netns0 link set lo up
ip -n netns0 link set ceth0 up
ip -n netns0 addr add 172.18.0.10/16 dev ceth0
ip netns exec netns0 ping -c 1 -W 1 172.18.0.11
ping -c 1 -W 1 172.18.0.10
ip netns add netns1
ip link add veth1 type veth peer name ceth1
ip link set ceth1 netns netns1
ip link set veth1 up
ip addr add 172.18.0.21/16 dev veth1
ip -n netns1 link set lo up
ip -n netns1 link set ceth1 up
ip -n netns1 addr add 172.18.0.20/16 dev ceth1
ip netns exec netns1 ping -c 1 -W 1 172.18.0.21
ip route
ip addr del 172.18.0.11/16 dev veth0
ip addr del 172.18.0.21/16 dev veth1
ip link add br0 type bridge mcast_snooping 0
ip link set br0 up
ip link set veth0 master br0
ip link set veth1 master br0
ip netns exec netns0 ping -c 1 -W 1 172.18.0.20
ip addr add 172.18.0.1/16 dev br0
ip -n netns0 route add default via 172.18.0.1
ip -n netns1 route add default via 172.18.0.1
ip netns add ext
ip link add uplink type veth peer name eth0 netns ext
ip addr add 203.0.113.5/24 dev uplink
ip link set uplink up
ip -n ext addr add 203.0.113.9/24 dev eth0
ip -n ext link set eth0 up
sysctl -w net.ipv4.ip_forward=1
ip netns exec netns0 ping -c 1 -W 1 203.0.113.9
iptables -t nat -A POSTROUTING -s 172.18.0.0/16 ! -o br0 -j MASQUERADE
ip netns exec netns0 ping -c 1 -W 1 203.0.113.9
ip netns exec netns1 ping -c 1 -W 1 203.0.113.9
iptables -t nat --list-rules
iptables -t nat -L POSTROUTING -n -v -x
