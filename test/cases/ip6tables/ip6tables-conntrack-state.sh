#!/bin/bash
# ip6tables with connection tracking's state: a host's INPUT policy DROP that lets back the
# replies to its own pings (-m conntrack --ctstate ESTABLISHED,RELATED), lets neighbour
# discovery in (untracked: --ctstate UNTRACKED), counts NEW pings by -m state, an ICMPv6 error
# RELATED to a ping, listings and saves of both spellings with their counters, and conntrack's
# other options refused as not modelled (skipped in both modes) — kept to the last line.
ip netns add H
ip netns add P
ip link add h0 netns H type veth peer name p0 netns P
ip -n H link set lo up
ip -n P link set lo up
ip -n H link set h0 up
ip -n P link set p0 up
ip -n H addr add 2001:db8::1/64 dev h0 nodad
ip -n P addr add 2001:db8::2/64 dev p0 nodad
ip netns exec H ip6tables -A INPUT -m conntrack --ctstate UNTRACKED -j ACCEPT
ip netns exec H ip6tables -P INPUT DROP
ip netns exec H ping -c 1 -W 1 2001:db8::2
ip netns exec H ip6tables -I INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec H ping -c 2 -i 0.2 -W 1 2001:db8::2
ip netns exec P ping -c 1 -W 1 2001:db8::1
ip netns exec H ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -m state --state NEW -j ACCEPT
ip netns exec P ping -c 1 -W 1 2001:db8::1
ip netns exec P ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec H ping -c 1 -W 1 2001:db8::2
ip netns exec H ip6tables -L INPUT -n -v -x
ip netns exec H ip6tables -S
ip netns exec H ip6tables-save -c | grep -v '^#'
ip netns exec H ip6tables -A INPUT -m conntrack --ctorigsrc 2001:db8::2 -j ACCEPT
