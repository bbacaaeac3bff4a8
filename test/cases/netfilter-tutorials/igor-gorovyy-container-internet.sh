#!/bin/bash
# Adapted from "NAT and iptables: How a Container Sees the Internet", Igor Gorovyy,
# https://igor.gorovyy.pro/blog/posts/2026-05-30-nat-iptables/
# The article's container runtime puts a container (10.20.0.2) behind the bridge sheep0
# (10.20.0.1), turns on ip_forward and masquerades the bridge subnet. Changes: the Go calls are
# written as the commands they run; the host's eth0 (192.168.1.100) and "the internet" are a veth
# to a namespace holding 8.8.8.8 that knows no way back to 10.20.0.0/24, so only MASQUERADE lets
# the replies back; pings before and after the rule, and the counters and conntrack entry after.
# (Bridges are made with mcast_snooping 0: a snooping bridge with an address joins 224.0.0.106
# and sends IGMP reports at random moments, which the simulator does not model.)
ip netns add inet
ip netns add c1
ip link add sheep0 type bridge mcast_snooping 0
ip addr add 10.20.0.1/24 dev sheep0
ip link set sheep0 up
ip link add veth-c1 type veth peer name eth0 netns c1
ip link set veth-c1 master sheep0
ip link set veth-c1 up
ip -n c1 addr add 10.20.0.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n c1 link set lo up
ip -n c1 route add default via 10.20.0.1
ip link add eth0 type veth peer name uplink netns inet
ip addr add 192.168.1.100/24 dev eth0
ip link set eth0 up
ip -n inet addr add 192.168.1.1/24 dev uplink
ip -n inet addr add 8.8.8.8/32 dev lo
ip -n inet link set uplink up
ip -n inet link set lo up
ip route add default via 192.168.1.1
ip netns exec c1 ping -c 1 -W 1 8.8.8.8
echo 1 > /proc/sys/net/ipv4/ip_forward
ip netns exec c1 ping -c 1 -W 1 8.8.8.8
iptables -t nat -A POSTROUTING -s 10.20.0.0/24 -j MASQUERADE
ip netns exec c1 ping -c 2 -i 0.2 -W 1 8.8.8.8
iptables -t nat -L POSTROUTING -n -v -x
iptables -t nat -S
conntrack -L -p icmp
