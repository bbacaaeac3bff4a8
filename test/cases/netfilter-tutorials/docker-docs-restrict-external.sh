#!/bin/bash
# Adapted from "Packet filtering and firewalls", Docker documentation (Docker Inc.),
# https://docs.docker.com/network/iptables — rules that must run before Docker's go in the
# DOCKER-USER chain, e.g. only one external source may reach the containers:
# `iptables -I DOCKER-USER -i ext_if ! -s 192.0.2.2 -j DROP`.
# Changes: Docker's part written out (DOCKER-USER jumped to first from FORWARD, MASQUERADE for
# 172.17.0.0/16); the external interface ext_if is a veth to a namespace holding two clients'
# addresses, 192.0.2.2 and 192.0.2.3, routed to the container network through the host; pings.
ip netns add c1
ip netns add ext
ip link add docker0 type bridge mcast_snooping 0
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip link add veth0 type veth peer name eth0 netns c1
ip link set veth0 master docker0
ip link set veth0 up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 172.17.0.1
ip link add ext_if type veth peer name eth0 netns ext
ip addr add 192.0.2.1/24 dev ext_if
ip link set ext_if up
ip -n ext addr add 192.0.2.2/24 dev eth0
ip -n ext addr add 192.0.2.3/24 dev eth0
ip -n ext link set eth0 up
ip -n ext route add 172.17.0.0/16 via 192.0.2.1
sysctl -w net.ipv4.ip_forward=1
iptables -N DOCKER-USER
iptables -A FORWARD -j DOCKER-USER
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
ip netns exec ext ping -c 1 -W 1 -I 192.0.2.3 172.17.0.2
iptables -I DOCKER-USER -i ext_if ! -s 192.0.2.2 -j DROP
ip netns exec ext ping -c 1 -W 1 -I 192.0.2.3 172.17.0.2
ip netns exec ext ping -c 1 -W 1 -I 192.0.2.2 172.17.0.2
iptables -L DOCKER-USER -n -v -x
iptables -S DOCKER-USER
