#!/bin/bash
# client -- r1 (MASQUERADE) -- r2 -- server: ICMP errors from beyond the NAT reach the client
ip netns add client
ip netns add r1
ip netns add r2
ip netns add server
ip link add c0 netns client type veth peer name a0 netns r1
ip link add a1 netns r1 type veth peer name b0 netns r2
ip link add b1 netns r2 type veth peer name s0 netns server
ip -n client addr add 10.1.0.2/24 dev c0
ip -n r1 addr add 10.1.0.1/24 dev a0
ip -n r1 addr add 172.20.0.1/24 dev a1
ip -n r2 addr add 172.20.0.2/24 dev b0
ip -n r2 addr add 198.51.100.1/24 dev b1
ip -n server addr add 198.51.100.2/24 dev s0
for ns in client r1 r2 server; do ip -n $ns link set lo up; done
ip -n client link set c0 up
ip -n r1 link set a0 up
ip -n r1 link set a1 up
ip -n r2 link set b0 up
ip -n r2 link set b1 up
ip -n server link set s0 up
ip -n client route add default via 10.1.0.1
ip -n r1 route add default via 172.20.0.2
ip -n server route add default via 198.51.100.1
ip netns exec r1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec r2 sysctl -qw net.ipv4.ip_forward=1
ip netns exec r1 iptables -t nat -A POSTROUTING -o a1 -j MASQUERADE
ip netns exec client ping -c 1 -W 1 198.51.100.2
# TTL 2 dies at r2: its error goes to r1's outside address, and is translated back
ip netns exec client ping -c 1 -W 1 -t 2 198.51.100.2
# r2 cannot route this one: net unreachable, also translated back
ip netns exec client ping -c 1 -W 1 203.0.113.9
ip netns exec r1 iptables -t nat -L POSTROUTING -n -v -x
# a port-less DNAT on r1: pinging r1's inside address reaches the server, the reply comes back from r1
ip netns exec r1 iptables -t nat -A PREROUTING -i a0 -d 10.1.0.1 -p icmp -j DNAT --to-destination 198.51.100.2
ip netns exec client ping -c 1 -W 1 10.1.0.1
ip netns exec server iptables -A INPUT -p icmp -j DROP
ip netns exec client ping -c 1 -W 1 10.1.0.1
ip netns exec server iptables -L INPUT -n -v -x
ip netns exec r1 iptables -t nat -S -v
# the policy counts what no rule took; -Z clears them all
ip netns exec r1 iptables -t nat -Z
ip netns exec r1 iptables -t nat -L -n -v -x
