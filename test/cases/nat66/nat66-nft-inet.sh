#!/bin/bash
# NAT of both families in one nft inet table on a dual-stack router: port forwards to an inside
# server for IPv6 (`dnat ip6 to [ADDR]:PORT` after an ip6 test) and IPv4 (`dnat ip to`), one
# `masquerade` without a family test taking both families' traffic out (its counter counts
# both), a later `snat ip6 to` the masquerade leaves nothing to; nc and ping through it in both
# families, the listing (an inet table keeps `ip`/`ip6` before `to`), the IPv6 connections
# with their reply tuples (random ports and echo ids left out). A dual-stack listener (nc -6 on
# `::`) takes both families' forwarded connections.
ip netns add c
ip netns add r
ip netns add s
ip link add r0 netns r type veth peer name c0 netns c
ip link add r1 netns r type veth peer name s0 netns s
ip -n c addr add 2001:db8:1::5/64 dev c0 nodad
ip -n r addr add 2001:db8:1::1/64 dev r0 nodad
ip -n r addr add fd00:2::1/64 dev r1 nodad
ip -n s addr add fd00:2::2/64 dev s0 nodad
ip -n c addr add 10.0.1.5/24 dev c0
ip -n r addr add 10.0.1.1/24 dev r0
ip -n r addr add 10.0.2.1/24 dev r1
ip -n s addr add 10.0.2.2/24 dev s0
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n s route add default via fd00:2::1
ip -n s route add default via 10.0.2.1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r nft add table inet nat
ip netns exec r nft add chain inet nat pre '{ type nat hook prerouting priority -100; }'
ip netns exec r nft add chain inet nat post '{ type nat hook postrouting priority 100; }'
ip netns exec r nft add rule inet nat pre iif r0 ip6 daddr 2001:db8:1::1 tcp dport 80 counter dnat ip6 to [fd00:2::2]:8080
ip netns exec r nft add rule inet nat pre iif r0 ip daddr 10.0.1.1 tcp dport 80 counter dnat ip to 10.0.2.2:8080
ip netns exec r nft add rule inet nat post oif r0 counter masquerade
ip netns exec r nft add rule inet nat post oif r0 ip6 saddr fd00:2::/64 counter snat ip6 to 2001:db8:1::1
ip netns exec s nc -6 -lk 8080 &
sleep 1
ip netns exec c nc -zv 2001:db8:1::1 80
ip netns exec c nc -zv 10.0.1.1 80
ip netns exec s ping -6 -c 1 2001:db8:1::5
ip netns exec s ping -c 1 10.0.1.5
ip netns exec r nft list ruleset
ip netns exec r conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1; d = 0; for (i = 2; i <= NF; i++) if ($i ~ /^(src|dst|type)=/ || ($i ~ /^dport=/ && d++ == 0)) s = s " " $i; print s }' | sort
