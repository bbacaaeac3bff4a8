#!/bin/bash
# Pods on a node's bridge, for `reach --proto tcp|udp --port N` with twin sources: pods a, b, c
# on veths in br0 (the node n's 10.6.0.1/24, bridged traffic crossing n's FORWARD through
# br_netfilter), a client x routed through n, TCP listeners on 8000 and 9000 and a UDP one on
# 5353 in every pod, and n's FORWARD dropping TCP 22 and UDP 53, refusing TCP 23 with an ICMP
# host-prohibited, and dropping TCP 9000 from c alone (the rule that tells c from its twins).
ip netns add n
ip netns add a
ip netns add b
ip netns add c
ip netns add x
ip -n n link add br0 type bridge
ip -n n addr add 10.6.0.1/24 dev br0
ip -n n link set br0 up
ip -n n link add va type veth peer name eth0 netns a
ip -n n link add vb type veth peer name eth0 netns b
ip -n n link add vc type veth peer name eth0 netns c
ip -n n link set va master br0 up
ip -n n link set vb master br0 up
ip -n n link set vc master br0 up
ip -n a addr add 10.6.0.2/24 dev eth0
ip -n b addr add 10.6.0.3/24 dev eth0
ip -n c addr add 10.6.0.4/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n c link set eth0 up
ip -n a route add default via 10.6.0.1
ip -n b route add default via 10.6.0.1
ip -n c route add default via 10.6.0.1
ip link add x0 netns x type veth peer name vx netns n
ip -n x addr add 10.7.0.2/24 dev x0
ip -n n addr add 10.7.0.1/24 dev vx
ip -n x link set x0 up
ip -n n link set vx up
ip -n x route add default via 10.7.0.1
ip netns exec n sysctl -qw net.ipv4.ip_forward=1
ip netns exec n iptables -A FORWARD -p tcp --dport 22 -j DROP
ip netns exec n iptables -A FORWARD -p udp --dport 53 -j DROP
ip netns exec n iptables -A FORWARD -p tcp --dport 23 -j REJECT --reject-with icmp-host-prohibited
ip netns exec n iptables -A FORWARD -s 10.6.0.4 -p tcp --dport 9000 -j DROP
ip netns exec a nc -lk 8000 &
ip netns exec b nc -lk 8000 &
ip netns exec c nc -lk 8000 &
ip netns exec a nc -lk 9000 &
ip netns exec b nc -lk 9000 &
ip netns exec c nc -lk 9000 &
ip netns exec a nc -ulk 5353 > /dev/null &
ip netns exec b nc -ulk 5353 > /dev/null &
ip netns exec c nc -ulk 5353 > /dev/null &
