#!/bin/bash
# A TCP firewall lab as beginners' iptables labs build it: REJECT with a reset, DROP (nc waits
# its -w 1), REJECT's ICMP port unreachable, then a stateful INPUT (ESTABLISHED,RELATED; NEW SYNs
# to 8080; policy DROP) with counters, and the connection left in conntrack (its ephemeral port is
# the kernel's draw: masked).
ip netns add srv
ip netns add cli
ip link add veth-s type veth peer name veth-c
ip link set veth-s netns srv
ip link set veth-c netns cli
ip -n srv addr add 192.168.50.1/24 dev veth-s
ip -n cli addr add 192.168.50.2/24 dev veth-c
ip -n srv link set veth-s up
ip -n cli link set veth-c up
ip -n srv link set lo up
ip netns exec srv nc -l -k -p 8080 &
ip netns exec srv nc -u -l -p 5353 &
sleep 1
ip netns exec srv ss -tln
ip netns exec srv ss -uln
ip netns exec cli nc -z -v -w 1 192.168.50.1 8080
ip netns exec cli nc -z -v -w 1 192.168.50.1 8081
ip netns exec srv iptables -A INPUT -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
ip netns exec cli nc -z -v -w 1 192.168.50.1 8080
ip netns exec srv iptables -R INPUT 1 -p tcp --dport 8080 -j DROP
ip netns exec cli nc -z -v -w 1 192.168.50.1 8080
ip netns exec srv iptables -R INPUT 1 -p tcp --dport 8080 -j REJECT
ip netns exec cli nc -z -v -w 1 192.168.50.1 8080
ip netns exec srv iptables -L INPUT -n -v --line-numbers
ip netns exec srv iptables -F
ip netns exec srv iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec srv iptables -A INPUT -p tcp --syn --dport 8080 -m conntrack --ctstate NEW -j ACCEPT
ip netns exec srv iptables -A INPUT -i lo -j ACCEPT
ip netns exec srv iptables -P INPUT DROP
ip netns exec cli nc -z -v -w 1 192.168.50.1 8080
ip netns exec cli ping -c 1 -W 1 192.168.50.1
ip netns exec srv iptables -S
ip netns exec srv iptables -L INPUT -n -v -x
ip netns exec srv conntrack -L -p tcp
