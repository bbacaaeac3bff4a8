#!/bin/bash
# UDP over IPv6 with netcat-openbsd: listeners on `::` (-6: dual-stack, ss shows `*`), on one
# IPv6 address (IPV6_V6ONLY: ss shows the peer as [::]) and on 0.0.0.0 (no IPv6 datagram
# reaches it: ICMPv6 port unreachable), -zuv probes that meet a closed port (the port
# unreachable makes the next write fail: nc ends silently, status 1), a DROP (succeeded after
# -w) and a REJECT with adm-prohibited (the write that returns EACCES sends nothing: the rule
# counts two of three), no route and an on-link address nobody answers; an IPv4 probe to the
# dual-stack socket, which then connects to that first sender (ss: IPv4-mapped addresses) and
# so refuses the next IPv6 one; ip6tables' counters, the ICMPv6 errors the client received,
# and conntrack's UDP entries on both sides, listed and deleted without -f too when only IPv6
# ones answer (their source ports are the kernel's random pick: awk leaves them out).
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 2001:db8::1/64 dev a0 nodad
ip -n b addr add 2001:db8::2/64 dev b0 nodad
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip netns exec b ip6tables -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT
ip netns exec b ip6tables -A INPUT -p udp --dport 5002 -j DROP
ip netns exec a ip6tables -A INPUT -p ipv6-icmp --icmpv6-type port-unreachable
ip netns exec a ip6tables -A INPUT -p ipv6-icmp --icmpv6-type communication-prohibited
ip netns exec a ip6tables -A OUTPUT -m conntrack --ctstate NEW
ip netns exec b ip6tables -A INPUT -p udp --dport 5003 -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec b nc -6 -u -l 5000 > /dev/null &
ip netns exec b nc -u -l -p 5004 > /dev/null &
ip netns exec b nc -u -l 2001:db8::2 5005 > /dev/null &
ip netns exec b nc -6 -ulk 5353 > /dev/null &
sleep 0.2
ip netns exec b ss -uln | sort
ip netns exec a nc -zu 2001:db8::2 5001
echo "status $?"
ip netns exec a nc -zuv -w 1 2001:db8::2 5001
echo "status $?"
ip netns exec a nc -zuv -w 1 2001:db8::2 5353
echo "status $?"
ip netns exec a nc -zuv -w 2 2001:db8::2 5002
echo "status $?"
ip netns exec a nc -zuv -w 1 2001:db8::2 5003
echo "status $?"
ip netns exec a nc -zuv -w 1 2001:db8:9::9 5000
echo "status $?"
ip netns exec a nc -zuv -w 1 2001:db8::9 5000
echo "status $?"
ip netns exec a nc -6 -zuv -w 1 2001:db8::2 5004
echo "status $?"
ip netns exec a nc -zuv -w 1 10.0.0.2 5000
echo "status $?"
ip netns exec a nc -zuv -w 1 10.0.0.2 5005
echo "status $?"
echo hi | ip netns exec a nc -u -w 1 2001:db8::2 5000
echo "status $?"
ip netns exec a nc -zuv -w 1 2001:db8::2 5000
echo "status $?"
echo hi | ip netns exec a nc -uv -w 1 2001:db8::2 5001
echo "status $?"
ip netns exec b ss -uan | awk '{ print $1, $4 }' | sort
ip netns exec b ss -uan | grep ESTAB | awk '{ print $5 }' | cut -d] -f1
ip netns exec b ip6tables -L INPUT -v -n -x
ip netns exec a ip6tables -L -v -n -x
ip netns exec b conntrack -L -p udp -f ipv6 2>/dev/null | awk '{ s = $1 " " $4 " " $5 " " $7; if (/UNREPLIED/) s = s " [UNREPLIED]"; if (/ASSURED/) s = s " [ASSURED]"; print s }' | sort
ip netns exec a conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1 " " $4 " " $5 " " $7; if (/UNREPLIED/) s = s " [UNREPLIED]"; if (/ASSURED/) s = s " [ASSURED]"; print s }' | sort
ip netns exec b conntrack -L -p udp 2>/dev/null | awk '{ s = $1 " " $4 " " $5 " " $7; if (/UNREPLIED/) s = s " [UNREPLIED]"; print s }' | sort
ip netns exec b conntrack -D -p udp --dport 5353 2>&1 >/dev/null
ip netns exec b conntrack -L -p udp 2>&1 >/dev/null
