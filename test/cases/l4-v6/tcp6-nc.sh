#!/bin/bash
# TCP over IPv6 between two namespaces, with netcat-openbsd: a connect refused (the kernel's RST
# to a SYN nobody listens for), listeners on :: (-6: dual-stack, ss shows `*`), on one IPv6
# address (IPV6_V6ONLY: ss shows the peer as [::]) and on 0.0.0.0 (no IPv6 connection reaches
# it), -4/-6 against an address of the other family, a connect with no route and one to an
# on-link address nobody answers (ICMPv6 address unreachable ends the connect), and the
# client's connection ss lists after (its port is the kernel's random pick: awk leaves it out).
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 2001:db8::1/64 dev va nodad
ip -n b addr add 2001:db8::2/64 dev vb nodad
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip -n a link set lo up
ip -n b link set lo up
ip netns exec a nc -6 -zv 2001:db8::2 80
echo "status $?"
ip netns exec a nc -zv 2001:db8::2 80
echo "status $?"
ip netns exec a nc -4 -zv 2001:db8::2 80
echo "status $?"
ip netns exec a nc -6 -zv 10.0.0.2 80
echo "status $?"
ip netns exec b nc -4 -l 2001:db8::2 80
echo "status $?"
ip netns exec b nc -l 2001:db8::9 80
echo "status $?"
ip netns exec b nc -6 -l 8081 &
sleep 1
ip netns exec b ss -tln
ip netns exec a nc -zv 2001:db8::2 8081
echo "status $?"
sleep 1
ip netns exec a ss -tan | awk '{ print $1, $5 }'
ip netns exec b nc -l 2001:db8::2 8082 &
sleep 1
ip netns exec b ss -tln
ip netns exec a nc -zv 2001:db8::2 8082
echo "status $?"
ip netns exec b nc -l 8083 &
sleep 1
ip netns exec b ss -ltn
ip netns exec a nc -zv 2001:db8::2 8083
echo "status $?"
ip netns exec a nc -zv 10.0.0.2 8083
echo "status $?"
ip netns exec a nc -zv 2001:db9::9 80
echo "status $?"
ip netns exec a nc -zv 2001:db8::9 80
echo "status $?"
ip netns exec b nc -6 -lk 9000 &
sleep 1
ip netns exec a nc -zv 10.0.0.2 9000
ip netns exec a nc -zv ::1 9000
echo "status $?"
ip netns exec b nc -zv ::1 9000
ip netns exec b ss -tan | awk '{ print $1, $4, $5 }' | grep -v :9000$
