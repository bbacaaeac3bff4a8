#!/bin/bash
# corpus: MTU street ops: DF pings to bracket the path MTU behind a smaller link, then lower the MTU
# source: https://grokdatum.github.io/grokdevops-wiki/library/topics/mtu/street_ops
# author: grokdevops wiki (grokdatum.github.io)
# licence: not stated
# changes: the path made of a host, a router namespace and a server namespace 10.0.0.20 whose
#   link has MTU 1450 (the page's "tunnel"); pings -c 1; tracepath -n with -m 3.
ip netns add r
ip netns add srv
ip link add eth0 type veth peer name r-in netns r
ip -n r link add r-out type veth peer name eth0 netns srv
ip addr add 10.0.1.2/24 dev eth0
ip link set eth0 up
ip route add 10.0.0.0/24 via 10.0.1.1
ip -n r addr add 10.0.1.1/24 dev r-in
ip -n r addr add 10.0.0.1/24 dev r-out
ip -n r link set r-in up
ip -n r link set r-out mtu 1450 up
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip -n srv addr add 10.0.0.20/24 dev eth0
ip -n srv link set eth0 mtu 1450 up
ip -n srv route add default via 10.0.0.1
ping -c 1 -M do -s 1472 10.0.0.20
ping -c 1 -M do -s 1400 10.0.0.20
ping -c 1 -M do -s 1450 10.0.0.20
ping -c 1 -M do -s 1460 10.0.0.20
tracepath -n -m 3 10.0.0.20
ip link set dev eth0 mtu 1450
ping -c 1 -M do -s 1422 10.0.0.20
