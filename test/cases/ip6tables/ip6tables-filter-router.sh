#!/bin/bash
# ip6tables on an IPv6 router and its hosts: FORWARD policy DROP with one ICMPv6 type let
# through, a source prefix rejected with each --reject-with answer ping prints, INPUT rules
# that reject pings to the router itself, an OUTPUT rule on a host (its own ping refused
# before it leaves), and the packet and byte counters each rule and policy count on the way
# (neighbour discovery included: it crosses INPUT, OUTPUT and POSTROUTING too).
ip netns add A
ip netns add B
ip netns add R
ip link add va netns A type veth peer name ra netns R
ip link add vb netns B type veth peer name rb netns R
ip -n A link set lo up
ip -n B link set lo up
ip -n R link set lo up
ip -n A link set va up
ip -n B link set vb up
ip -n R link set ra up
ip -n R link set rb up
ip -n A addr add 2001:db8:a::2/64 dev va
ip -n B addr add 2001:db8:b::2/64 dev vb
ip -n R addr add 2001:db8:a::1/64 dev ra
ip -n R addr add 2001:db8:b::1/64 dev rb
ip -n A route add default via 2001:db8:a::1
ip -n B route add default via 2001:db8:b::1
ip netns exec R sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R ip6tables -P FORWARD DROP
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R ip6tables -A FORWARD -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R ip6tables -A FORWARD -p icmpv6 --icmpv6-type echo-reply -j ACCEPT
ip netns exec A ping -c 2 -i 0.2 -W 1 2001:db8:b::2
ip netns exec R ip6tables -I FORWARD -s 2001:db8:a::/64 -d 2001:db8:b::2 -j REJECT
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R ip6tables -R FORWARD 1 -s 2001:db8:a::/64 -d 2001:db8:b::2 -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R ip6tables -R FORWARD 1 -s 2001:db8:a::/64 -d 2001:db8:b::2 -j REJECT --reject-with no-route
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R ip6tables -R FORWARD 1 -s 2001:db8:a::/64 ! -d 2001:db8:b::2 -j REJECT --reject-with addr-unreach
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R ip6tables -L FORWARD -n -v -x --line-numbers
ip netns exec R ip6tables -A INPUT -i ra -p ipv6-icmp --icmpv6-type 128 -j REJECT
ip netns exec A ping -c 1 -W 1 2001:db8:a::1
ip netns exec B ping -c 1 -W 1 2001:db8:b::1
ip netns exec R ip6tables -S
ip netns exec R ip6tables -Z
ip netns exec R ip6tables -L INPUT -v -x
ip netns exec A ip6tables -A OUTPUT -d 2001:db8:b::/48 -j DROP
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec A ip6tables -D OUTPUT -d 2001:db8:b::/48 -j DROP
ip netns exec A ip6tables -A OUTPUT -d 2001:db8:b::/48 -j REJECT --reject-with icmp6-port-unreachable
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec A ip6tables -F OUTPUT
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec A ip6tables-save -c | grep -v '^#'
