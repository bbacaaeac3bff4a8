#!/bin/bash
# NAT66: a namespace with a ULA shares the host's IPv6 connectivity through MASQUERADE.
# source: https://blogs.igalia.com/dpino/2016/05/02/network-namespaces-ipv6/
# author: Diego Pino García (Igalia)
# changes: the host is a namespace `h`; the Hurricane Electric tunnel (he-ipv6) is replaced by a
#   veth to an upstream namespace `up` holding 2001:db8:1::/64 (the host's global address
#   2001:db8:1::10); addresses without DAD (nodad); then what the tutorial checks by hand — a ping
#   -6 out of the namespace — with TCP through the NAT (nc), the NAT table's text and counters
#   (-S, -L -v, ip6tables-save), the connections conntrack keeps with their reply tuples (the
#   ping's echo id and nc's source port are the kernel's random picks: awk leaves them out),
#   and a second connection after conntrack -F.
ip netns add h
ip netns add up
ip netns add ns-ipv6
ip link add name veth1 netns h type veth peer name vpeer1 netns ns-ipv6
ip link add name wan0 netns h type veth peer name isp0 netns up
ip -n h -6 addr add fd00::1/64 dev veth1 nodad
ip -n h link set dev veth1 up
ip -n h -6 addr add 2001:db8:1::10/64 dev wan0 nodad
ip -n h link set dev wan0 up
ip -n up -6 addr add 2001:db8:1::1/64 dev isp0 nodad
ip -n up link set dev isp0 up
ip -n up link set dev lo up
ip -n h -6 route add default via 2001:db8:1::1
ip netns exec ns-ipv6 ip li set dev lo up
ip netns exec ns-ipv6 ip -6 addr add fd00::2/64 dev vpeer1 nodad
ip netns exec ns-ipv6 ip li set vpeer1 up
ip netns exec ns-ipv6 ip -6 route add default dev vpeer1 via fd00::1
ip netns exec h sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec h ip6tables -t nat --flush
ip netns exec h ip6tables -t nat -A POSTROUTING -o wan0 -j MASQUERADE
ip netns exec h ip6tables -t nat -S
ip netns exec ns-ipv6 ping -6 -c 1 2001:db8:1::1
ip netns exec up ping -6 -c 1 -W 1 fd00::2
echo "status $?"
ip netns exec up nc -6 -l 8080 &
sleep 1
ip netns exec ns-ipv6 nc -zv 2001:db8:1::1 8080
ip netns exec ns-ipv6 nc -zv 2001:db8:1::1 8081
echo "status $?"
ip netns exec h ip6tables -t nat -L -v -n -x
ip netns exec h ip6tables-save -t nat | grep -v '^#'
ip netns exec h conntrack -L -f ipv6 2>/dev/null | awk '{ s = $1; d = 0; for (i = 2; i <= NF; i++) if ($i ~ /^(src|dst|type)=/ || ($i ~ /^dport=/ && d++ == 0)) s = s " " $i; if (/UNREPLIED/) s = s " [UNREPLIED]"; print s }' | sort
ip netns exec h conntrack -F -f ipv6
ip netns exec ns-ipv6 ping -6 -c 2 -i 0.2 2001:db8:1::1
ip netns exec h conntrack -L -f ipv6 2>/dev/null | awk '{ print $1, $4, $5, $9, $10 }'
ip netns exec h ip6tables -t nat -L POSTROUTING -v -n -x
