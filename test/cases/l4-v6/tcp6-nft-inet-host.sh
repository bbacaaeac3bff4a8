#!/bin/bash
# An nft inet firewall on a host, reached over IPv6 and IPv4 by TCP: established traffic
# accepted by its conntrack state, port 22 open, 81 answered with a TCP reset, 82 with the
# inet reject's ICMPv6 port unreachable (refused only after the retransmitted SYN's error, as
# the kernel does while connect() owns the socket), other TCP dropped (not counted: how many
# SYNs nc -w sends depends on when a loaded machine wakes it); the counters of each rule and
# the connection conntrack keeps after.
ip netns add h
ip netns add c
ip link add h0 netns h type veth peer name c0 netns c
ip -n h addr add 2001:db8:5::1/64 dev h0 nodad
ip -n c addr add 2001:db8:5::2/64 dev c0 nodad
ip -n h addr add 192.168.5.1/24 dev h0
ip -n c addr add 192.168.5.2/24 dev c0
ip -n h link set h0 up
ip -n c link set c0 up
ip -n h link set lo up
ip netns exec h nft add table inet fw
ip netns exec h nft 'add chain inet fw input { type filter hook input priority 0; policy drop; }'
ip netns exec h nft add rule inet fw input ct state established,related counter accept
ip netns exec h nft add rule inet fw input iif lo accept
ip netns exec h nft add rule inet fw input icmpv6 type '{ nd-neighbor-solicit, nd-neighbor-advert }' accept
ip netns exec h nft add rule inet fw input tcp dport 22 counter accept
ip netns exec h nft add rule inet fw input tcp dport 81 counter reject with tcp reset
ip netns exec h nft add rule inet fw input tcp dport 82 counter reject
ip netns exec h nft add rule inet fw input meta l4proto tcp drop
ip netns exec h nc -6 -l 22 &
sleep 1
ip netns exec c nc -zv 2001:db8:5::1 22
echo "status $?"
ip netns exec c nc -zv 2001:db8:5::1 81
echo "status $?"
ip netns exec c nc -zv 2001:db8:5::1 82
echo "status $?"
ip netns exec c nc -zv -w 2 2001:db8:5::1 83
echo "status $?"
ip netns exec c nc -zv 192.168.5.1 81
echo "status $?"
ip netns exec c nc -zv -w 2 192.168.5.1 22
echo "status $?"
ip netns exec h nft list chain inet fw input
ip netns exec h conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1 " " $4 " " $5 " " $6 " " $8; if (/UNREPLIED/) s = s " [UNREPLIED]"; if (/ASSURED/) s = s " [ASSURED]"; print s }' | sort
