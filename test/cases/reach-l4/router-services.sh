#!/bin/bash
# Service ports across a router, for `reach --proto tcp|udp --port N`: a client c, a router r
# that forwards and port-forwards (DNAT 192.168.5.1:80 → s:8000), a server s with TCP
# listeners on 8000 and 9000 and a UDP one on 5353, and rules on both ways: s drops TCP 22 and
# UDP 53, refuses TCP 23 with an ICMP host-prohibited and TCP 24 with a RST; r's FORWARD drops
# TCP to s:9000 from c only, and accepts only replies back to c (ctstate ESTABLISHED,RELATED).
# The reach-l4 kernel test asks every namespace → every address × port with `nc -z -w 1`.
ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 192.168.5.2/24 dev c0
ip -n r addr add 192.168.5.1/24 dev r0
ip -n r addr add 10.5.0.1/24 dev r1
ip -n s addr add 10.5.0.2/24 dev s0
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n c route add default via 192.168.5.1
ip -n s route add default via 10.5.0.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -t nat -A PREROUTING -d 192.168.5.1 -p tcp --dport 80 -j DNAT --to-destination 10.5.0.2:8000
ip netns exec r iptables -A FORWARD -s 192.168.5.0/24 -d 10.5.0.2 -p tcp --dport 9000 -j DROP
ip netns exec r iptables -A FORWARD -o r0 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec r iptables -A FORWARD -o r0 -j DROP
ip netns exec s iptables -A INPUT -p tcp --dport 22 -j DROP
ip netns exec s iptables -A INPUT -p udp --dport 53 -j DROP
ip netns exec s iptables -A INPUT -p tcp --dport 23 -j REJECT --reject-with icmp-host-prohibited
ip netns exec s iptables -A INPUT -p tcp --dport 24 -j REJECT --reject-with tcp-reset
ip netns exec s nc -lk 8000 &
ip netns exec s nc -lk 9000 &
ip netns exec s nc -ulk 5353 > /dev/null &
