#!/bin/bash
# Adapted from "Performing Network Address Translation (NAT)", nftables wiki, Destination NAT,
# https://wiki.nftables.org/wiki-nftables/index.php?title=Performing_Network_Address_Translation_(NAT)&oldid=53
# `nft add table nat`, prerouting (priority 0) and postrouting (priority 100) nat chains, and
# `iif eth0 tcp dport { 80, 443 } dnat 192.168.1.120`; the page says to register the
# postrouting chain even with no rules in it. Changes: namespaces for the router, the server
# 192.168.1.120 and a client outside; the DNAT takes every packet arriving by eth0 for the
# router's address (`dnat to`, not TCP 80/443: TCP is not modelled here), so pings show it.
ip netns add gw
ip netns add web
ip netns add client
ip link add eth1 netns gw type veth peer name eth0 netns web
ip link add eth0 netns gw type veth peer name eth0 netns client
ip -n gw addr add 192.168.1.1/24 dev eth1
ip -n gw addr add 198.18.0.1/24 dev eth0
ip -n web addr add 192.168.1.120/24 dev eth0
ip -n client addr add 198.18.0.50/24 dev eth0
ip -n gw link set eth1 up
ip -n gw link set eth0 up
ip -n web link set eth0 up
ip -n client link set eth0 up
ip -n web route add default via 192.168.1.1
ip netns exec gw sysctl -qw net.ipv4.ip_forward=1
ip netns exec gw nft add table nat
ip netns exec gw nft add chain nat prerouting '{ type nat hook prerouting priority 0 ; }'
ip netns exec gw nft add chain nat postrouting '{ type nat hook postrouting priority 100 ; }'
ip netns exec gw nft add rule nat prerouting iif eth0 ip daddr 198.18.0.1 dnat to 192.168.1.120
ip netns exec client ping -c 2 -i 0.2 -W 1 198.18.0.1
ip netns exec gw nft list ruleset
ip netns exec gw conntrack -L
ip netns exec gw nft delete chain nat postrouting
ip netns exec gw conntrack -F
ip netns exec client ping -c 1 -W 1 198.18.0.1
ip netns exec gw nft -a list table nat
