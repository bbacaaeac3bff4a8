#!/bin/bash
# NAT66 with nft in an ip6 table: a port forward (dnat to [ADDR]:PORT), pings to the router's
# address forwarded to an inside host (dnat of ICMPv6 echo), the inside prefix masqueraded on
# the way out, then the ruleset as nft lists it (the address bracketed only before a port, `ip6
# to` listed as `to`, an unbracketed address with a last group that looks like a port taken
# whole), the rules' counters, conntrack's reply tuples (random ports and echo ids left out),
# and nft's error for an IPv4 address in an ip6 table's dnat.
ip netns add c
ip netns add r
ip netns add s
ip link add r0 netns r type veth peer name c0 netns c
ip link add r1 netns r type veth peer name s0 netns s
ip -n c addr add 2001:db8:1::5/64 dev c0 nodad
ip -n r addr add 2001:db8:1::1/64 dev r0 nodad
ip -n r addr add fd00:2::1/64 dev r1 nodad
ip -n s addr add fd00:2::2/64 dev s0 nodad
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n s route add default via fd00:2::1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r nft add table ip6 nat
ip netns exec r nft add chain ip6 nat pre '{ type nat hook prerouting priority -100; }'
ip netns exec r nft add chain ip6 nat post '{ type nat hook postrouting priority 100; }'
ip netns exec r nft add rule ip6 nat pre iif r0 tcp dport 80 counter dnat to [fd00:2::2]:8080
ip netns exec r nft add rule ip6 nat pre iif r0 ip6 daddr 2001:db8:1::1 icmpv6 type echo-request counter dnat ip6 to [fd00:2::2]
ip netns exec r nft add rule ip6 nat pre iif r0 tcp dport 83 dnat to fd00:2::2:83
ip netns exec r nft add rule ip6 nat post oif r0 ip6 saddr fd00:2::/64 counter masquerade
ip netns exec r nft add rule ip6 nat pre tcp dport 85 dnat to 10.0.0.1
ip netns exec s nc -6 -lk 8080 &
sleep 1
ip netns exec c nc -zv 2001:db8:1::1 80
echo "status $?"
ip netns exec c nc -zv 2001:db8:1::1 81
echo "status $?"
ip netns exec c ping -6 -c 2 -i 0.2 2001:db8:1::1
ip netns exec s ping -6 -c 1 2001:db8:1::5
ip netns exec r nft list ruleset
ip netns exec r conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1; d = 0; for (i = 2; i <= NF; i++) if ($i ~ /^(src|dst|type)=/ || ($i ~ /^dport=/ && d++ == 0)) s = s " " $i; if (/UNREPLIED/) s = s " [UNREPLIED]"; print s }' | sort
