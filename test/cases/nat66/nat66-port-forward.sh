#!/bin/bash
# NAT66 on a router between an outside prefix (2001:db8:1::/64) and an inside ULA one
# (fd00:2::/64): a port forward (DNAT --to-destination [ADDR]:PORT) of the router's address to
# an inside server, pings to the router's address forwarded too (DNAT of ICMPv6 echo), the
# server's own traffic leaving with the router's address (SNAT --to-source), an ICMPv6 port
# unreachable about a translated datagram translated back on its way in (the server's nc -u
# sees the refusal), a connection the router itself opens redirected in OUTPUT (routed again
# after the translation), ip6tables' errors for malformed --to-destination values, and the
# rules' text, counters and conntrack's reply tuples (random ports and echo ids left out).
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
ip -n r link set lo up
ip -n s route add default via fd00:2::1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r ip6tables -t nat -A PREROUTING -i r0 -d 2001:db8:1::1 -p tcp --dport 80 -j DNAT --to-destination [fd00:2::2]:8080
ip netns exec r ip6tables -t nat -A PREROUTING -i r0 -d 2001:db8:1::1 -p ipv6-icmp --icmpv6-type echo-request -j DNAT --to-destination fd00:2::2
ip netns exec r ip6tables -t nat -A POSTROUTING -o r0 -s fd00:2::/64 -j SNAT --to-source 2001:db8:1::1
ip netns exec r ip6tables -t nat -A OUTPUT -d 2001:db8:1::99 -p tcp -j DNAT --to-destination [fd00:2::2]:8080
ip netns exec r ip6tables -t nat -A PREROUTING -d 2001:db8:1::1 -p tcp --dport 81 -j DNAT --to-destination [fd00:2::2
ip netns exec r ip6tables -t nat -A PREROUTING -d 2001:db8:1::1 -j DNAT --to-destination fd00:2::zz
ip netns exec r ip6tables -t nat -A PREROUTING -d 2001:db8:1::1 -j DNAT --to-destination [fd00:2::2]:80
ip netns exec r ip6tables -t nat -A PREROUTING -d 2001:db8:1::1 -p tcp -j DNAT
ip netns exec r ip6tables -t nat -S
ip netns exec r ip6tables -t nat -L -n
ip netns exec s nc -6 -lk 8080 &
sleep 1
ip netns exec c nc -zv 2001:db8:1::1 80
echo "status $?"
ip netns exec c nc -zv 2001:db8:1::1 81
echo "status $?"
ip netns exec c ping -6 -c 2 -i 0.2 2001:db8:1::1
ip netns exec s ping -6 -c 1 2001:db8:1::5
ip netns exec s nc -u -zv -w 1 2001:db8:1::5 5000
echo "status $?"
ip netns exec r nc -zv 2001:db8:1::99 80
echo "status $?"
ip netns exec r ip6tables -t nat -L -v -n -x
ip netns exec r conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1; d = 0; for (i = 2; i <= NF; i++) if ($i ~ /^(src|dst|type)=/ || ($i ~ /^dport=/ && d++ == 0)) s = s " " $i; if (/UNREPLIED/) s = s " [UNREPLIED]"; print s }' | sort
