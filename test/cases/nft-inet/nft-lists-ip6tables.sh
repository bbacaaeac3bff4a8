#!/bin/bash
# nft listing what ip6tables (nf_tables backend) wrote: IPv6 addresses and prefixes, ports,
# ICMPv6 types, REJECT's ICMPv6 answers, interfaces, counters, in nft's translation.
ip netns add N
ip netns exec N ip6tables -A INPUT -s 2001:db8::/64 -p tcp --dport 22 -j ACCEPT
ip netns exec N ip6tables -A INPUT ! -s 2001:db8:0:1::/64 -p udp --dport 53 -j ACCEPT
ip netns exec N ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec N ip6tables -A INPUT -p ipv6-icmp -j REJECT
ip netns exec N ip6tables -A FORWARD -d 2001:db8:1::1 -j DROP
ip netns exec N ip6tables -A OUTPUT -o lo -j ACCEPT
ip netns exec N nft list ruleset
