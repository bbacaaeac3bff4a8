#!/bin/bash
# nc -u as a client (netcat-openbsd): -z without -v sends nothing; -v probes with "X" datagrams
# and fails silently on a closed port (the ICMP port unreachable makes the next write fail),
# succeeds on an open or a filtered one after -w; without -z, stdin goes out as a datagram and
# an ICMP error ends the wait early with status 0. A REJECT with host-prohibited does not fail
# the probe (only a refusal does).
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip netns exec b iptables -A INPUT -p udp --dport 5002 -j DROP
ip netns exec b iptables -A INPUT -p udp --dport 5003 -j REJECT --reject-with icmp-host-prohibited
ip netns exec b nc -u -l 5000 > /dev/null &
ip netns exec b nc -ulk 5353 > /dev/null &
sleep 0.2
ip netns exec a nc -zu 10.0.0.2 5001
ip netns exec a nc -zuv -w 1 10.0.0.2 5001
ip netns exec a nc -zuv -w 1 10.0.0.2 5353
ip netns exec a nc -zuv -w 2 10.0.0.2 5002
ip netns exec a nc -zuv -w 1 10.0.0.2 5003
ip netns exec a nc -zuv -w 1 10.9.9.9 5000
ip netns exec a nc -zuv -w 1 10.0.0.9 5000
echo hi | ip netns exec a nc -u -w 1 10.0.0.2 5000
ip netns exec a nc -zuv -w 1 10.0.0.2 5000
echo hi | ip netns exec a nc -uv -w 1 10.0.0.2 5001
echo hi | ip netns exec a nc -u -w 1 10.0.0.2 5002
ip netns exec a nc -zuv -w 1 10.0.0.2 5001 5353
