#!/bin/bash
# lint shadowed-rule: b accepts its whole subnet before the rule meant to drop pings from
# 10.0.0.1, so the DROP never matches — the ping passes and rule 3 counts nothing.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -s 10.0.0.0/24 -j ACCEPT
ip netns exec b iptables -A INPUT -i v+ -m comment --comment "anything else on a veth" -j ACCEPT
ip netns exec b iptables -A INPUT -s 10.0.0.1/32 -i vb -p icmp -j DROP
ip netns exec a ping -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec b iptables -L INPUT -n -v -x --line-numbers
