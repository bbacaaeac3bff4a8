#!/bin/bash
# lint shadowed-rule, not triggered: the DROP comes before the wider ACCEPT, so it matches
# and the ping gets no answer; a narrower rule after a wider one of another address is not
# shadowed either.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -s 10.0.0.1/32 -i vb -p icmp -j DROP
ip netns exec b iptables -A INPUT -s 10.0.1.0/24 -j ACCEPT
ip netns exec b iptables -A INPUT -s 10.0.0.0/24 -p udp -j ACCEPT
ip netns exec b iptables -A INPUT -s 10.0.0.0/16 -j ACCEPT
ip netns exec a ping -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec b iptables -L INPUT -n -v -x --line-numbers
