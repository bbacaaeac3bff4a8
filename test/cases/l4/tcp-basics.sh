#!/bin/bash
# TCP between two namespaces on a veth: a connect refused (the kernel's RST to a SYN nobody
# listens for), an nc listener that takes one connection and ends, one that keeps listening
# (-k), nc's messages and statuses, a connect to an address with no route, and a SYN dropped by
# iptables (nc -w gives up; curl -m and --connect-timeout exit 28). The waits are 2 s, half-way
# between the SYN's retransmissions (1 s, 3 s): with 1 s the DROP counter raced the second SYN.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a nc -zv 10.0.0.2 80
echo "status $?"
ip netns exec a nc -z 10.0.0.2 80
echo "status $?"
ip netns exec b nc -l 8080 &
ip netns exec a nc -zv 10.0.0.2 8080
echo "status $?"
sleep 1
ip netns exec a nc -zv 10.0.0.2 8080
echo "status $?"
ip netns exec b nc -lk 9000 &
ip netns exec a nc -zv 10.0.0.2 9000
ip netns exec a nc -zv 10.0.0.2 9000 9001
echo "status $?"
ip netns exec a nc -zv 192.0.2.1 80
echo "status $?"
ip netns exec b iptables -A INPUT -p tcp --dport 81 -j DROP
ip netns exec a nc -zv -w 2 10.0.0.2 81
echo "status $?"
ip netns exec a curl -s -m 2 http://10.0.0.2:81/
echo "status $?"
ip netns exec a curl -s --connect-timeout 2 -w '%{http_code}\n' http://10.0.0.2:81/
echo "status $?"
ip netns exec a curl -s -w '%{http_code}\n' http://10.0.0.2:80/
echo "status $?"
ip netns exec b iptables -vnL INPUT | tail -n 1
ip netns exec a nc -zv 10.0.0.2 abc
ip netns exec a nc -zv 10.0.0.2 70000
ip netns exec a nc -zv 10.0.0.2
echo "status $?"
