#!/bin/bash
# Adapted from "ndppd" (staredsi.eu wiki), its complete example of a router with two
# interfaces: http://staredsi.eu/wiki/comandos/ndppd.html
# The router (this host) with 2001:db8:1111::1/64 on eth0 and 2001:db8:2222::1/64 on eth1,
# forwarding turned on through /proc as in the example; a host on each side (a namespace at
# the far end of a veth) with its default route via the router. The ndppd daemon and its
# config file are left out: with routes on both sides no proxy is needed.
ip netns add left
ip netns add right
ip link add eth0 type veth peer name eth0 netns left
ip link add eth1 type veth peer name eth0 netns right
ip link set eth0 up
ip link set eth1 up
ip netns exec left ip link set eth0 up
ip netns exec right ip link set eth0 up
ip -6 addr add 2001:db8:1111::1/64 dev eth0
ip -6 addr add 2001:db8:2222::1/64 dev eth1
ip netns exec left ip -6 addr add 2001:db8:1111::10/64 dev eth0
ip netns exec right ip -6 addr add 2001:db8:2222::10/64 dev eth0
ip netns exec left ip -6 route add default via 2001:db8:1111::1
ip netns exec right ip -6 route add default via 2001:db8:2222::1
ip netns exec left ping6 -c 1 -W 1 2001:db8:2222::10
echo 1 > /proc/sys/net/ipv6/conf/all/forwarding
cat /proc/sys/net/ipv6/conf/all/forwarding
cat /proc/sys/net/ipv6/conf/eth1/forwarding
ip netns exec left ping6 -c 2 2001:db8:2222::10
ip -6 neighbor show
ip -6 route show
ip netns exec right ping6 -c 1 2001:db8:1111::1
ip netns exec right ping6 -c 1 -W 1 2001:db8:3333::1
