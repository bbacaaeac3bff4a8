#!/bin/bash
# The classic IPv6 firewall mistake: INPUT policy DROP with only echo requests let in breaks
# neighbour discovery, so nothing answers until neighbour solicitations and advertisements
# are accepted too. Counted on the way: the ND messages each rule and policy sees (-L -v -x,
# ip6tables-save -c), legacy tables beside nf_tables ones on the same hooks, raw and mangle
# chains before filter, interface wildcards, UDP to a closed port rejected and not.
ip netns add h1
ip netns add h2
ip link add e1 netns h1 type veth peer name e2 netns h2
ip -n h1 link set lo up
ip -n h2 link set lo up
ip -n h1 addr add 2001:db8:1::1/64 dev e1 nodad
ip -n h2 addr add 2001:db8:1::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h2 ip6tables -A INPUT -i lo -j ACCEPT
ip netns exec h2 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip netns exec h2 ip6tables -P INPUT DROP
ip netns exec h1 ping -c 1 -W 1 2001:db8:1::2
sleep 4
ip -n h1 -6 neigh show dev e1
ip netns exec h2 ip6tables -A INPUT -i e+ -p icmpv6 --icmpv6-type neighbour-solicitation -j ACCEPT
ip netns exec h2 ip6tables -A INPUT -i e+ -p icmpv6 --icmpv6-type neighbor-advertisement -j ACCEPT
ip netns exec h1 ping -c 2 -i 0.2 -W 1 2001:db8:1::2
ip netns exec h2 ip6tables -L INPUT -v -x -n --line-numbers
ip netns exec h2 ip6tables -t raw -A PREROUTING -s 2001:db8:1::1 -p icmpv6 --icmpv6-type 128 -j ACCEPT
ip netns exec h2 ip6tables -t mangle -A INPUT ! -i lo -p ipv6-icmp -j MARK --set-mark 7
ip netns exec h2 ip6tables -A INPUT -m mark --mark 7 -p icmpv6 --icmpv6-type 128 -j LOG
ip netns exec h2 ip6tables-legacy -A INPUT -p icmpv6 --icmpv6-type echo-request -j DROP
ip netns exec h1 ping -c 1 -W 1 2001:db8:1::2
ip netns exec h2 ip6tables-legacy -F INPUT
ip netns exec h1 ping -c 1 -W 1 2001:db8:1::2
ip netns exec h2 ip6tables-legacy -L INPUT -v -x -n
ip netns exec h2 ip6tables -t raw -L PREROUTING -v -x -n
ip netns exec h2 ip6tables -t mangle -S INPUT
ip netns exec h2 ip6tables -Z
ip netns exec h2 ip6tables -P INPUT ACCEPT
ip netns exec h2 ip6tables -A OUTPUT -o e2 -p udp -m multiport --sports 1:2 -j ACCEPT
ip netns exec h2 ip6tables -A OUTPUT -o e2 -p icmpv6 --icmpv6-type echo-reply -j DROP
ip netns exec h1 ping -c 1 -W 1 2001:db8:1::2
ip netns exec h2 ip6tables -D OUTPUT 2
ip netns exec h2 ip6tables -I INPUT -p udp --dport 9 -j REJECT
ip netns exec h2 ip6tables -I INPUT -p udp -m multiport --dports 10,11 -j DROP
ip netns exec h2 ip6tables -S
ip netns exec h2 ip6tables-save -c | grep -v '^#'
