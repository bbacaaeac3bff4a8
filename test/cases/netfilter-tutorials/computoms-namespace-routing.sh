#!/bin/bash
# Adapted from "Container networking with iptables and namespaces", computoms (Aug 12, 2025),
# https://www.computoms.com/dev/container-networking.html (itself after Dustin Specker's posts)
# The article links the namespace http2 to the host with veth_http2 (10.0.0.10) and
# veth_ns_http2 (10.0.0.11), brings lo up, routes everything out via 10.0.0.10 and turns on
# ip_forward. Changes: no http.server (TCP is not modelled here: pings instead); the "outside"
# is a namespace world (172.31.0.2) behind the host's second veth, which has no route to
# 10.0.0.0/24, so the namespace reaches it only once the host masquerades 10.0.0.0/24 out of
# that veth (`! -o veth_http2`, the usual container-runtime form); `echo 1 | sudo tee` becomes a
# redirect.
ip netns add http2
ip netns add world
ip link add dev veth_http2 type veth peer name veth_ns_http2
ip link set veth_ns_http2 netns http2
ip link set dev veth_http2 up
ip netns exec http2 ip link set dev veth_ns_http2 up
ip address add 10.0.0.10/24 dev veth_http2
ip netns exec http2 ip address add 10.0.0.11/24 dev veth_ns_http2
ip netns exec http2 ip link set dev lo up
ip netns exec http2 ping -c 1 -W 1 10.0.0.10
ip netns exec http2 ip route add default via 10.0.0.10
echo 1 > /proc/sys/net/ipv4/ip_forward
ip link add veth_world type veth peer name eth0 netns world
ip addr add 172.31.0.1/24 dev veth_world
ip link set veth_world up
ip -n world addr add 172.31.0.2/24 dev eth0
ip -n world link set eth0 up
ip netns exec http2 ping -c 1 -W 1 172.31.0.2
iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o veth_http2 -j MASQUERADE
ip netns exec http2 ping -c 1 -W 1 172.31.0.2
ip netns exec world ping -c 1 -W 1 10.0.0.11
iptables -t nat -L -n -v -x
conntrack -L -p icmp
