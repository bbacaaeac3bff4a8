#!/bin/bash
# Tutorial: "MTU - Street-Level Ops" —
# https://grokdatum.github.io/grokdevops-wiki/library/topics/mtu/street_ops
# The post's diagnosis: `ping -M do -s 1472` fails, a binary search with -M do finds the path
# MTU (1400 and 1450 work, 1460 fails: a tunnel-like hop of 1480 bytes), then
# `ip link set dev eth0 mtu 1450` sets the interface below it. Here the hop is a router
# namespace whose far link has MTU 1480; it answers "Frag needed" (the post's firewall that
# drops those is not modelled), after which the kernel refuses larger probes locally. Lowering
# eth0's MTU lowers the learned path MTU too (fib_nhc_update_mtu).
sysctl -w net.ipv4.ip_forward=1
ip netns add client
ip netns add server
ip link add gw0 type veth peer name eth0 netns client
ip link add gw1 type veth peer name eth0 netns server
ip link set gw0 up
ip link set gw1 up
ip addr add 10.0.1.1/24 dev gw0
ip addr add 10.0.0.1/24 dev gw1
ip link set gw1 mtu 1480
ip -n client link set eth0 up
ip -n server link set eth0 up
ip -n server link set eth0 mtu 1480
ip -n client addr add 10.0.1.20/24 dev eth0
ip -n server addr add 10.0.0.20/24 dev eth0
ip -n client route add default via 10.0.1.1
ip -n server route add default via 10.0.0.1
ip netns exec client ping -c 3 -i 0.2 -W 1 -M do -s 1472 10.0.0.20
ip netns exec client ping -c 1 -W 1 -M do -s 1400 10.0.0.20
ip netns exec client ping -c 1 -W 1 -M do -s 1450 10.0.0.20
ip netns exec client ping -c 1 -W 1 -M do -s 1460 10.0.0.20
ip -n client route get 10.0.0.20
ip -n client link set dev eth0 mtu 1450
ip -n client route get 10.0.0.20
ip netns exec client ping -c 1 -W 1 -M do -s 1422 10.0.0.20
ip netns exec client ping -c 1 -W 1 -M do -s 1423 10.0.0.20
ip netns exec client ping -c 1 -W 1 -s 1472 10.0.0.20
ip -n client link show eth0
