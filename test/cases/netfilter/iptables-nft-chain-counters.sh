#!/bin/bash
# iptables-nft makes a builtin chain without counters when a rule command (-A, -I, -F) creates
# it, so its policy counts nothing; -P and -Z give it counters (nft_chain_set,
# nft_chain_zero_counters), a chain restored from `:CHAIN POLICY [p:b]` has them, and the
# legacy tables always count their policies.
ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 192.168.1.2/24 dev c0
ip -n r addr add 192.168.1.1/24 dev r0
ip -n r addr add 203.0.113.1/24 dev r1
ip -n s addr add 203.0.113.2/24 dev s0
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n c route add default via 192.168.1.1
ip -n s route add default via 203.0.113.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -A FORWARD -s 1.2.3.4 -j ACCEPT
ip netns exec r iptables -A INPUT -s 1.2.3.4 -j ACCEPT
ip netns exec r iptables -t nat -A POSTROUTING -o eth9 -j MASQUERADE
ip netns exec r iptables -t mangle -F POSTROUTING
ip netns exec c ping -c 1 -W 1 203.0.113.2
ip netns exec r iptables -L -n -v -x
ip netns exec r iptables -t nat -L POSTROUTING -n -v -x
ip netns exec r iptables -Z FORWARD
ip netns exec r iptables -t mangle -Z
ip netns exec r iptables -Z INPUT 1
ip netns exec c ping -c 1 -W 1 203.0.113.2
ip netns exec c ping -c 1 -W 1 192.168.1.1
ip netns exec r iptables -L -n -v -x
ip netns exec r iptables -t mangle -L POSTROUTING -n -v -x
ip netns exec r iptables -t nat -P POSTROUTING ACCEPT
ip netns exec c ping -c 1 -W 1 203.0.113.2
ip netns exec r iptables -t nat -L POSTROUTING -n -v -x
ip netns exec r iptables-save -c -t nat
ip netns exec s iptables -A INPUT -s 1.2.3.4 -j ACCEPT
ip netns exec s iptables-legacy -A OUTPUT -s 1.2.3.4 -j ACCEPT
ip netns exec s ping -c 1 -W 1 203.0.113.1
ip netns exec s iptables -L INPUT -n -v -x
ip netns exec s iptables-legacy -L OUTPUT -n -v -x
