#!/bin/bash
# conntrack's TCP states on a router: a connection refused (SYN, then the RST: CLOSE), one
# that waits for an answer that never comes (SYN_SENT, [UNREPLIED]), and a whole HTTP exchange
# through a DNAT (ESTABLISHED on the way, TIME_WAIT after both FINs, [ASSURED]). The client's
# ephemeral port is the kernel's random pick, and the seconds left depend on how long the
# programs took: awk leaves both out of the listing.
ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 192.168.5.2/24 dev c0
ip -n r addr add 192.168.5.1/24 dev r0
ip -n r addr add 10.5.0.1/24 dev r1
ip -n s addr add 10.5.0.2/24 dev s0
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n c route add default via 192.168.5.1
ip -n s route add default via 10.5.0.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -t nat -A PREROUTING -d 192.168.5.1 -p tcp --dport 80 -j DNAT --to-destination 10.5.0.2:8000
ip netns exec c nc -z 10.5.0.2 81
ip netns exec r conntrack -L | awk '{ s = $1 " " $4 " " $5 " " $6 " " $8; if (/UNREPLIED/) s = s " [UNREPLIED]"; if (/ASSURED/) s = s " [ASSURED]"; print s }'
ip netns exec r conntrack -F
ip netns exec s iptables -A INPUT -p tcp --dport 82 -j DROP
ip netns exec c nc -z -w 1 10.5.0.2 82
ip netns exec r conntrack -L | awk '{ s = $1 " " $4 " " $5 " " $6 " " $8; if (/UNREPLIED/) s = s " [UNREPLIED]"; if (/ASSURED/) s = s " [ASSURED]"; print s }'
ip netns exec r conntrack -F
ip netns exec s python3 -m http.server 8000 &
ip netns exec c curl -s -o /dev/null -w '%{http_code}\n' http://192.168.5.1/
ip netns exec r conntrack -L | awk '{ s = $1 " " $4 " " $5 " " $6 " " $8; if (/UNREPLIED/) s = s " [UNREPLIED]"; if (/ASSURED/) s = s " [ASSURED]"; print s }'
