#!/bin/bash
# Adapted from the "Linux IPv6 HOWTO" (Peter Bieringer), chapters 6 to 9 (addresses, routes
# through a gateway and through an interface, neighbour discovery):
# https://docslib.org/doc/11505527/linux-ipv6-howto-en (also https://tldp.org/HOWTO/Linux+IPv6-HOWTO/)
# eth0 is one end of a veth whose other end, in the namespace gw, holds the gateway's address.
ip netns add gw
ip link add eth0 type veth peer name eth1 netns gw
ip link set eth0 up
ip -n gw link set eth1 up
ip -n gw -6 addr add 2001:0db8:0:f101::1/64 dev eth1
ip -6 addr show dev eth0
ip -6 addr add 2001:0db8:0:f101::2/64 dev eth0
ip -6 addr show dev eth0
ip -6 addr add 2001:0db8:0:f101::3/64 dev eth0
ip -6 addr del 2001:0db8:0:f101::3/64 dev eth0
ip -6 route show dev eth0
ip -6 route add 2000::/3 via 2001:0db8:0:f101::1
ip -6 route show
ip -6 route get 2001:db8:ffff::1
ping -6 -c 1 2001:0db8:0:f101::1
ip -6 route del 2000::/3 via 2001:0db8:0:f101::1
ip -6 route add 2000::/3 dev eth0 metric 1
ip -6 route show dev eth0
ip -6 route del 2000::/3 dev eth0
ip -6 route del 2000::/3 dev eth0
ip -6 neigh show
ip -6 neigh add fec0::1 lladdr 02:01:02:03:04:05 dev eth0
ip -6 neigh show dev eth0
ip -6 neigh del fec0::1 lladdr 02:01:02:03:04:05 dev eth0
ip -6 neigh show dev eth0
