#!/bin/bash
# Adapted from "Introducing Linux Network Namespaces" (Scott Lowe),
# https://blog.scottlowe.org/2013/09/04/introducing-linux-network-namespaces/ and the netcat
# checks of "How to test a TCP port with netcat" (https://www.cyberciti.biz/faq/unix-linux-check-if-port-is-in-use-command/):
# a namespace with a veth to the host, a listener inside, the port tested from outside
# before and after, and a firewall rule that rejects it.
ip netns add blue
ip link add veth0 type veth peer name veth1
ip link set veth1 netns blue
ip addr add 10.1.1.1/24 dev veth0
ip link set veth0 up
ip netns exec blue ip addr add 10.1.1.2/24 dev veth1
ip netns exec blue ip link set veth1 up
ip netns exec blue ip link set lo up
nc -zv 10.1.1.2 22
echo "status $?"
ip netns exec blue nc -lk 22 &
nc -zv 10.1.1.2 22
echo "status $?"
ip netns exec blue ss -ltn
ip netns exec blue nc -zv 127.0.0.1 22
ip netns exec blue iptables -A INPUT -i veth1 -p tcp --dport 22 -j REJECT --reject-with tcp-reset
nc -zv 10.1.1.2 22
echo "status $?"
ip netns exec blue nc -zv 127.0.0.1 22
ip netns exec blue iptables -R INPUT 1 -i veth1 -p tcp --dport 22 -j REJECT
nc -zv 10.1.1.2 22
echo "status $?"
