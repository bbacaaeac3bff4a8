#!/bin/bash
# REDIRECT for IPv6: a connection to any address through the router, or to one of its own,
# turned to a local port (--to-ports; without it, the port stays) on the first address of the
# device it came in by — the newest global one here, 2001:db8:1::2, as conntrack's reply tuple
# shows; one the router itself opens turned to ::1 in OUTPUT (and routed again, through lo);
# nft's `redirect to :PORT` in an ip6 table beside ip6tables' nat table; the rules' text and
# counters.
ip netns add c
ip netns add r
ip link add r0 netns r type veth peer name c0 netns c
ip -n c addr add 2001:db8:1::5/64 dev c0 nodad
ip -n r addr add 2001:db8:1::1/64 dev r0 nodad
ip -n r addr add 2001:db8:1::2/64 dev r0 nodad
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set lo up
ip -n c route add 2001:db8:9::/64 via 2001:db8:1::1
ip -n r route add 2001:db8:9::/64 via 2001:db8:1::5
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r ip6tables -t nat -A PREROUTING -i r0 -p tcp --dport 80 -j REDIRECT --to-ports 8080
ip netns exec r ip6tables -t nat -A OUTPUT -p tcp --dport 81 -j REDIRECT --to-ports 8080
ip netns exec r ip6tables -t nat -A PREROUTING -i r0 -p tcp --dport 82 -j REDIRECT
ip netns exec r nft add table ip6 redir
ip netns exec r nft add chain ip6 redir pre '{ type nat hook prerouting priority -110; }'
ip netns exec r nft add rule ip6 redir pre iif r0 tcp dport 83 counter redirect to :8080
ip netns exec r ip6tables -t nat -S
ip netns exec r nc -6 -lk 8080 &
ip netns exec r nc -6 -lk 82 &
sleep 1
ip netns exec c nc -zv 2001:db8:9::9 80
ip netns exec c nc -zv 2001:db8:1::1 82
ip netns exec r nc -zv 2001:db8:9::9 81
ip netns exec c nc -zv 2001:db8:9::9 83
ip netns exec r conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1; d = 0; for (i = 2; i <= NF; i++) if ($i ~ /^(src|dst|type)=/ || ($i ~ /^dport=/ && d++ == 0)) s = s " " $i; if (/UNREPLIED/) s = s " [UNREPLIED]"; print s }' | sort
ip netns exec r ip6tables -t nat -L -v -n -x
ip netns exec r nft list table ip6 redir
