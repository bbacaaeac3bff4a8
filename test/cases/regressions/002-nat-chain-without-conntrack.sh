#!/bin/bash
# A nat chain does not turn conntrack on: with only ACCEPT rules in the nat table (no NAT
# target, no conntrack match), packets are not tracked, so the NAT core never walks the nat
# chains and their rules count nothing; a MASQUERADE rule (nf_ct_netns_get) turns it on.
# Found by the random-lab property (nettwin gen --seed 20260603 --rules 6, lab 6).
ip netns add green
ip link add br2-green type veth peer name v2-green
ip link set v2-green netns green
ip addr add 172.18.5.237/24 dev br2-green
ip link set br2-green up
ip netns exec green ip addr add 172.18.5.240/24 dev v2-green
ip netns exec green ip link set v2-green up
ip netns exec green ip route add default via 172.18.5.237
ip netns exec green iptables -t nat -I OUTPUT 1 -j ACCEPT
ip netns exec green iptables -t nat -I POSTROUTING 1 -j ACCEPT
ip netns exec green ping -c 1 -W 1 172.18.5.237
ip netns exec green ping -c 1 -W 1 10.1.252.7
ip netns exec green iptables -t nat -L -n -v -x
ip netns exec green conntrack -L
ip netns exec green iptables -t nat -A POSTROUTING -o eth9 -j MASQUERADE
ip netns exec green ping -c 1 -W 1 172.18.5.237
ip netns exec green iptables -t nat -L -n -v -x
ip netns exec green conntrack -L
