#!/bin/bash
# HTTP over IPv6 through a router: python3 -m http.server --bind :: behind it, curl to a
# bracketed address (200, a HEAD answered 404), ip6tables FORWARD rules on the TCP ports with
# their packet and byte counters (the HTTP connections' segments are accepted but not listed:
# how many segments, even SYNs, the kernel sends for them varied from run to run; REJECT --reject-with tcp-reset: refused at once; REJECT's
# ICMPv6 port unreachable: the error about the first SYN comes back while connect() owns the
# socket, so the kernel refuses only after the retransmitted SYN's error, a second later; DROP:
# nc -w 2 and curl -m 2 give up; its counter is left out: on a loaded machine nc may wake
# after the second retransmission), a closed port (the server's RST crosses the router's conntrack
# as part of the connection it ends), and the router's conntrack entries for IPv6 (the
# client's port is the kernel's random pick, the seconds left depend on the programs: awk
# leaves both out).
ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 2001:db8:1::2/64 dev c0 nodad
ip -n r addr add 2001:db8:1::1/64 dev r0 nodad
ip -n r addr add 2001:db8:2::1/64 dev r1 nodad
ip -n s addr add 2001:db8:2::2/64 dev s0 nodad
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n s link set lo up
ip -n c route add default via 2001:db8:1::1
ip -n s route add default via 2001:db8:2::1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
# the path's neighbours first: the first TCP connection through a fresh IPv6 router loses a
# segment in the kernel (a SYN-ACK) and in the simulator (a SYN), each on its own way
ip netns exec c ping -6 -c 1 2001:db8:2::2 > /dev/null
ip netns exec s python3 -m http.server 8000 --bind :: &
sleep 1
ip netns exec r ip6tables -A FORWARD -m conntrack --ctstate INVALID -j DROP
ip netns exec r ip6tables -A FORWARD -p tcp -m multiport --ports 8000 -j ACCEPT
ip netns exec r ip6tables -A FORWARD -p tcp --dport 81 -j REJECT --reject-with tcp-reset
ip netns exec r ip6tables -A FORWARD -p tcp --dport 82 -j REJECT
ip netns exec r ip6tables -A FORWARD -p tcp --dport 83 -j DROP
ip netns exec c curl -s -o /dev/null -w '%{http_code}\n' http://[2001:db8:2::2]:8000/
echo "status $?"
ip netns exec c curl -s -I http://[2001:db8:2::2]:8000/missing | head -n 1
ip netns exec c nc -zv 2001:db8:2::2 81
echo "status $?"
ip netns exec c nc -zv 2001:db8:2::2 82
echo "status $?"
ip netns exec c nc -zv -w 2 2001:db8:2::2 83
echo "status $?"
ip netns exec c curl -s -m 2 http://[2001:db8:2::2]:83/
echo "status $?"
ip netns exec c curl -s -S http://[2001:db8:2::2]:84/
echo "status $?"
ip netns exec r ip6tables -vnxL FORWARD | grep -v 'multiport\|dpt:83'
ip netns exec r conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1 " " $4 " " $5 " " $6 " " $8; if (/UNREPLIED/) s = s " [UNREPLIED]"; if (/ASSURED/) s = s " [ASSURED]"; print s }' | sort
ip netns exec s ss -tln
