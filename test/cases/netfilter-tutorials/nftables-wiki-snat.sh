#!/bin/bash
# Adapted from "Performing Network Address Translation (NAT)", nftables wiki,
# https://wiki.nftables.org/wiki-nftables/index.php?title=Performing_Network_Address_Translation_(NAT)&oldid=53
# Source NAT: `nft add table nat`, prerouting (priority 0) and postrouting (priority 100) nat
# chains, `ip saddr 192.168.1.0/24 oif eth0 snat 1.2.3.4`; the page's remark that adding a NAT
# rule to a filter chain is an error. Changes: the router, a LAN host and a WAN host are
# namespaces with the page's addresses; `snat to 1.2.3.4` (nft 1.0's spelling) instead of the
# page's older `snat 1.2.3.4`, and no NAT rule in a filter chain (the simulator disagrees with
# the kernel on both: test/cases/regressions/005-nft-snat-old-spelling.sh, open); pings and the
# ruleset listed.
ip netns add lan
ip netns add gw
ip netns add wan
ip link add eth1 netns gw type veth peer name eth0 netns lan
ip link add eth0 netns gw type veth peer name eth0 netns wan
ip -n lan addr add 192.168.1.10/24 dev eth0
ip -n gw addr add 192.168.1.1/24 dev eth1
ip -n gw addr add 1.2.3.4/24 dev eth0
ip -n wan addr add 1.2.3.5/24 dev eth0
ip -n lan link set eth0 up
ip -n gw link set eth1 up
ip -n gw link set eth0 up
ip -n wan link set eth0 up
ip -n lan route add default via 192.168.1.1
ip netns exec gw sysctl -qw net.ipv4.ip_forward=1
ip netns exec gw nft add table nat
ip netns exec gw nft add chain nat prerouting '{ type nat hook prerouting priority 0 ; }'
ip netns exec gw nft add chain nat postrouting '{ type nat hook postrouting priority 100 ; }'
ip netns exec gw nft add rule nat postrouting ip saddr 192.168.1.0/24 oif eth0 snat to 1.2.3.4
ip netns exec lan ping -c 1 -W 1 1.2.3.5
ip netns exec gw nft list ruleset
ip netns exec gw conntrack -L
