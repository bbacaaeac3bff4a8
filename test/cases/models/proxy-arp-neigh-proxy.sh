#!/bin/bash
# `ip neigh add proxy ADDR [dev D]`: one address answered for, on one device or on all of them
# (pneigh). The kernel answers only while the device forwards and routes the address out of
# another device; an add of an existing entry takes its new flags; a delete needs the exact
# device (10.0.0.50 is on the link it is asked on: not answered); `show proxy` lists the kernel's hash order (pneigh_hash buckets, newest first within
# one); a device going down takes its entries with it; `flush proxy` deletes what it selects.
ip netns add a
ip netns add b
ip link add v0 type veth peer name v1 netns a
ip link add w0 type veth peer name w1 netns b
ip link set v0 up
ip link set w0 up
ip -n b link set w1 up
ip -n b addr add 10.1.0.50/24 dev w1
ip -n b route add default via 10.1.0.1
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.1.0.1/24 dev w0
ip -n a link set v1 up
ip -n a addr add 10.0.0.2/24 dev v1
ip -n a route add 10.1.0.0/24 dev v1
ip neigh add proxy 10.1.0.50 dev v0
ip neigh add proxy 10.0.0.50 dev v0
ip neigh add proxy 10.1.0.51
ip neigh add proxy 10.1.0.55 dev v0 router
ip neigh add proxy 10.1.0.55 dev v0
ip neigh replace proxy 10.1.0.56 dev v0 router
ip neigh change proxy 10.1.0.57 dev w0 lladdr 00:11:22:33:44:55 nud permanent
ip neigh add proxy 10.1.0.58 dev nope
ip neigh add proxy 10.1.0.0/24 dev v0
ip neigh show
ip neigh show proxy
ip -j neigh show proxy
ip neigh show proxy dev v0
ip neigh show proxy 10.1.0.50
ip neigh show proxy to 10.1.0.48/29
ip -6 neigh show proxy
ip netns exec a ping -c 1 -W 1 10.1.0.51
ip -n a neigh show 10.1.0.51
sysctl -w net.ipv4.conf.v0.forwarding=1 net.ipv4.conf.w0.forwarding=1
ip netns exec a ping -c 1 -W 1 10.1.0.50
ip -n a neigh show 10.1.0.50
ip netns exec a ping -c 1 -W 1 10.0.0.50
ip netns exec a ping -c 1 -W 1 10.1.0.57
ip -n a neigh show 10.1.0.57
ip neigh del proxy 10.1.0.50 dev v0
ip neigh del proxy 10.1.0.50 dev v0
ip neigh del proxy 10.1.0.55
ip neigh del proxy 10.1.0.51
for x in 1.7 2.14 3.21 4.28 5.35 6.42 7.49 8.56 9.63 10.70 11.77 12.84; do ip neigh add proxy 172.16.$x; done
ip neigh add proxy 8.8.8.8
ip neigh add proxy 0.0.0.0
ip neigh add proxy 255.255.255.255
ip neigh show proxy
ip neigh flush proxy to 172.16.0.0/16
ip neigh show proxy
ip link set w0 down
ip neigh show proxy
ip neigh flush proxy dev v0
ip neigh show proxy
ip neigh flush proxy
ip neigh show proxy
