#!/bin/bash
# a NAT router written in nft: filter and masquerade, counters, and an inet table
ip netns add client
ip netns add router
ip netns add server
ip link add c0 netns client type veth peer name r0 netns router
ip link add s0 netns server type veth peer name r1 netns router
ip -n client addr add 192.168.1.2/24 dev c0
ip -n router addr add 192.168.1.1/24 dev r0
ip -n router addr add 203.0.113.1/24 dev r1
ip -n server addr add 203.0.113.2/24 dev s0
ip -n client link set c0 up
ip -n router link set r0 up
ip -n router link set r1 up
ip -n server link set s0 up
ip -n client route add default via 192.168.1.1
ip netns exec router sysctl -qw net.ipv4.ip_forward=1
ip netns exec router nft add table ip nat
ip netns exec router nft add chain ip nat post '{ type nat hook postrouting priority srcnat; }'
ip netns exec router nft add rule ip nat post oifname r1 counter masquerade
ip netns exec client ping -c 2 -i 0.2 -W 1 203.0.113.2
ip netns exec router nft list ruleset
ip netns exec router nft add table inet fw
ip netns exec router nft add chain inet fw fw1 '{ type filter hook forward priority 0; policy drop; }'
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router nft add rule inet fw fw1 ct state established,related counter accept
ip netns exec router nft add rule inet fw fw1 iifname r0 oifname r1 counter accept
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router nft insert rule inet fw fw1 icmp type echo-request counter reject with icmp type admin-prohibited
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router nft -a list table inet fw
ip netns exec router nft delete rule inet fw fw1 handle 4
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router nft list ruleset
ip netns exec router conntrack -L
ip netns exec server nft add table ip f
ip netns exec server nft add chain ip f in '{ type filter hook input priority 0; }'
ip netns exec server nft add rule ip f in ip saddr != { 203.0.113.1 } counter drop
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec server nft add rule ip f in counter
ip netns exec server nft list ruleset
