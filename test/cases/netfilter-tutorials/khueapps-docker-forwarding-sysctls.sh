#!/bin/bash
# Adapted from "How to fix iptables not found or firewall rules blocking Docker networking",
# khueapps, https://www.khueapps.com/blog/article/how-to-fix-iptables-not-found-or-firewall-rules-blocking-docker-networking
# Its quickstart: `modprobe br_netfilter`, `sysctl -w net.ipv4.ip_forward=1`,
# `sysctl -w net.bridge.bridge-nf-call-iptables=1`, so containers on docker0 reach out.
# Changes: docker0 and a container are made by hand with Docker's usual addresses and its
# MASQUERADE rule (`-s 172.17.0.0/16 ! -o docker0`); the outside is a namespace "net" that has
# no route back to 172.17.0.0/16; the container pings before and after each step; no
# /etc/sysctl.d file (nothing persistent is written); curl replaced by ping.
# (Bridges are made with mcast_snooping 0: a snooping bridge with an address joins 224.0.0.106
# and sends IGMP reports at random moments, which the simulator does not model.)
ip netns add c1
ip netns add net
ip link add docker0 type bridge mcast_snooping 0
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip link add veth0 type veth peer name eth0 netns c1
ip link set veth0 master docker0
ip link set veth0 up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 172.17.0.1
ip link add eth0 type veth peer name eth0 netns net
ip addr add 203.0.113.10/24 dev eth0
ip link set eth0 up
ip -n net addr add 203.0.113.1/24 dev eth0
ip -n net link set eth0 up
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
ip netns exec c1 ping -c 1 -W 1 203.0.113.1
modprobe br_netfilter
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.bridge.bridge-nf-call-iptables=1
ip netns exec c1 ping -c 1 -W 1 203.0.113.1
ip netns exec c1 ping -c 1 -W 1 172.17.0.1
iptables -t nat -L POSTROUTING -n -v -x
conntrack -L -p icmp
