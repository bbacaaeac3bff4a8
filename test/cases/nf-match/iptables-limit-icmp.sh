#!/bin/bash
# The classic ping-flood guard of iptables firewall tutorials ("allow ICMP echo-request but
# limit it": `-p icmp --icmp-type echo-request -m limit --limit 1/s --limit-burst 1 -j ACCEPT`,
# then DROP; e.g. https://www.cyberciti.biz/tips/linux-iptables-10-how-to-block-common-attack.html
# and the iptables man page's limit example). iptables-nft hands the kernel nf_tables' limit
# (a nanosecond token bucket), iptables-legacy xt_limit (credits per jiffy): with pings 0.3 s
# apart and a bucket of one, one in four gets through on both, none within 100 ms of a bucket's
# edge (a late ping only moves away from it).
ip netns add fw
ip netns add cl
ip link add c0 netns cl type veth peer name f0 netns fw
ip -n cl addr add 10.7.0.2/24 dev c0
ip -n fw addr add 10.7.0.1/24 dev f0
ip -n cl link set c0 up
ip -n fw link set f0 up
ip netns exec fw iptables -A INPUT -p icmp --icmp-type echo-request -m limit --limit 1/s --limit-burst 1 -j ACCEPT
ip netns exec fw iptables -A INPUT -p icmp --icmp-type echo-request -j DROP
ip netns exec fw iptables -L INPUT -n -v
ip netns exec cl ping -c 9 -i 0.3 -W 1 10.7.0.1
ip netns exec fw iptables -L INPUT -n -v -x
ip netns exec fw iptables -S INPUT
ip netns exec fw nft list ruleset
# the same guard on the legacy backend, in a namespace of its own
ip netns add lg
ip link add c1 netns cl type veth peer name g0 netns lg
ip -n cl addr add 10.8.0.2/24 dev c1
ip -n lg addr add 10.8.0.1/24 dev g0
ip -n cl link set c1 up
ip -n lg link set g0 up
ip netns exec lg iptables-legacy -A INPUT -p icmp --icmp-type echo-request -m limit --limit 1/second --limit-burst 1 -j ACCEPT
ip netns exec lg iptables-legacy -A INPUT -p icmp --icmp-type echo-request -j DROP
ip netns exec cl ping -c 9 -i 0.3 -W 1 10.8.0.1
ip netns exec lg iptables-legacy -L INPUT -n -v -x
# xt_limit refuses a bucket of no packets and one that overflows 32 bits; nf_tables takes 0 as 5
ip netns exec lg iptables-legacy -A INPUT -m limit --limit 2/s --limit-burst 0
ip netns exec lg iptables-legacy -A INPUT -m limit --limit 1/day --limit-burst 10000
ip netns exec lg iptables-legacy -A OUTPUT -m mac --mac-source 02:00:00:00:00:01
ip netns exec fw iptables -A INPUT -m limit --limit 2/s --limit-burst 0
ip netns exec fw iptables -S INPUT
