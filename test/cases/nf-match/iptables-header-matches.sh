#!/bin/bash
# iptables' matches of one packet field, as firewall tutorials use them (iptables-extensions(8);
# e.g. https://www.frozentux.net/iptables-tutorial/iptables-tutorial.html#MATCHES): an address
# range (-m iprange), the sender's MAC (-m mac), the packet's length (-m length, the classic
# "drop big pings"), its TTL (-m ttl) and its link-layer type (-m pkttype). Listed by both
# backends' tools and by nft, refused as iptables refuses them, and each one tested by pings.
ip netns add fw
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name fa netns fw
ip link add b0 netns b type veth peer name fb netns fw
ip -n a link set a0 address 02:00:00:00:0a:01
ip -n a addr add 10.9.1.2/24 dev a0
ip -n a addr add 10.9.1.20/24 dev a0
ip -n b addr add 10.9.2.2/24 dev b0
ip -n fw addr add 10.9.1.1/24 dev fa
ip -n fw addr add 10.9.2.1/24 dev fb
ip -n a link set a0 up
ip -n b link set b0 up
ip -n fw link set fa up
ip -n fw link set fb up
ip -n a route add default via 10.9.1.1
ip -n b route add default via 10.9.2.1
ip netns exec fw sysctl -qw net.ipv4.ip_forward=1
ip netns exec fw iptables -A FORWARD -m iprange --src-range 10.9.1.10-10.9.1.30 -j DROP
ip netns exec fw iptables -A INPUT -m mac --mac-source 02:00:00:00:0A:01 -p icmp -j REJECT
ip netns exec fw iptables -A FORWARD -p icmp -m length --length 1000:65535 -j DROP
ip netns exec fw iptables -A FORWARD -m ttl --ttl-lt 5 -j DROP
ip netns exec fw iptables -A INPUT -m pkttype --pkt-type broadcast -j DROP
ip netns exec fw iptables -A INPUT -m pkttype ! --pkt-type unicast -m length ! --length 64 -m ttl ! --ttl-eq 1
ip netns exec fw iptables -L -n -v
ip netns exec fw iptables -S
ip netns exec a ping -c 1 -W 1 -I 10.9.1.2 10.9.2.2
ip netns exec a ping -c 1 -W 1 -I 10.9.1.20 10.9.2.2
ip netns exec a ping -c 1 -W 1 10.9.1.1
ip netns exec b ping -c 1 -W 1 10.9.2.1
ip netns exec a ping -c 1 -W 1 -s 1200 10.9.2.2
ip netns exec a ping -c 1 -W 1 -s 900 10.9.2.2
ip netns exec a ping -c 1 -W 1 -t 4 10.9.2.2
ip netns exec a ping -c 1 -W 1 -t 6 10.9.2.2
ip netns exec b ping -c 1 -W 1 -b 10.9.2.255
ip netns exec fw iptables -L -n -v -x
ip netns exec fw nft list ruleset
# refusals: iptables' words, and the kernel's for a MAC test where no frame is
ip netns exec fw iptables -A INPUT -m iprange --src-range 10.9.1.300-10.9.1.1
ip netns exec fw iptables -A INPUT -m iprange
ip netns exec fw iptables -A INPUT -m mac --mac-source 02:00:00:00:00
ip netns exec fw iptables -A OUTPUT -m mac --mac-source 02:00:00:00:00:01
ip netns exec fw iptables -A INPUT -m length --length 70000
ip netns exec fw iptables -A INPUT -m length
ip netns exec fw iptables -A INPUT -m ttl --ttl-eq 3 --ttl-gt 4
ip netns exec fw iptables -A INPUT -m ttl
ip netns exec fw iptables -A INPUT -m ttl ! --ttl-gt 4
ip netns exec fw iptables -A INPUT -m ttl --ttl-eq 300
ip netns exec fw iptables -A INPUT -m pkttype --pkt-type foo
ip netns exec fw iptables -A INPUT -m limit --limit 0/s
ip netns exec fw iptables -A INPUT -m limit --limit 10001/s
ip netns exec fw iptables -A INPUT -m limit --limit 2/x
ip netns exec fw iptables -A INPUT -m limit ! --limit 2/s
ip netns exec fw iptables -A INPUT -m limit --limit 7/hour
ip netns exec fw iptables -A INPUT -m limit --limit 3/m --limit-burst 9
ip netns exec fw iptables -A INPUT -m limit --limit 10000/s
ip netns exec fw iptables -L INPUT
ip netns exec fw iptables -S INPUT
ip netns exec fw ip6tables -A INPUT -m length --length 100 -m pkttype --pkt-type multicast -m limit --limit 3/min -m mac --mac-source 02:00:00:00:00:01
ip netns exec fw ip6tables -A INPUT -m ttl --ttl-eq 3
ip netns exec fw ip6tables -S INPUT
