#!/bin/bash
# Tutorial: "DF & MTU" (wiki'd by JoKeru) — http://wiki.jokeru.ro/df-mtu.html
# The post's pings between 1.1.1.1 and 2.2.2.2, here across a router namespace: Linux's ping
# sets DF by default (84-byte packets); `-M dont -s 1000` sends 1028 bytes without DF and gets
# 1008 back; `-M do -s 1500` exceeds the 1500-byte MTU (a current kernel refuses it locally:
# "local error: message too long, mtu=1500"). A path whose MTU is smaller further on (the
# post's "only 1482 bytes allowed") answers DF probes with "Frag needed and DF set".
sysctl -w net.ipv4.ip_forward=1
ip netns add h1
ip netns add h2
ip link add r1 type veth peer name eth0 netns h1
ip link add r2 type veth peer name eth0 netns h2
ip link set r1 up
ip link set r2 up
ip addr add 1.1.1.254/24 dev r1
ip addr add 2.2.2.254/24 dev r2
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h1 addr add 1.1.1.1/24 dev eth0
ip -n h2 addr add 2.2.2.2/24 dev eth0
ip -n h1 route add default via 1.1.1.254
ip -n h2 route add default via 2.2.2.254
ip netns exec h1 ping 2.2.2.2 -c 1
ip netns exec h1 ping 2.2.2.2 -c 1 -M dont -s 1000
ip netns exec h1 ping 2.2.2.2 -c 1 -M do -s 1500
ip link set r2 mtu 1482
ip -n h2 link set eth0 mtu 1482
ip netns exec h1 ping 2.2.2.2 -c 1 -W 1 -M do -s 1455
ip netns exec h1 ping 2.2.2.2 -c 1 -W 1 -M do -s 1454
ip netns exec h1 ping 2.2.2.2 -c 1 -W 1 -M do -s 1455
ip netns exec h1 ping 2.2.2.2 -c 1 -W 1 -M dont -s 1472
ip -n h1 route get 2.2.2.2
