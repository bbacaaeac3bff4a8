#!/bin/bash
# A NAT router between a private and a public network: MASQUERADE, FORWARD DROP with
# conntrack's ESTABLISHED,RELATED, REJECT answering for the router, TTL exceeded, a port-less
# DNAT, REJECT at the server; the counters of every rule and policy.
ip netns add client
ip netns add router
ip netns add server
ip link add c0 netns client type veth peer name r0 netns router
ip link add s0 netns server type veth peer name r1 netns router
ip -n client addr add 192.168.1.2/24 dev c0
ip -n router addr add 192.168.1.1/24 dev r0
ip -n router addr add 203.0.113.1/24 dev r1
ip -n server addr add 203.0.113.2/24 dev s0
ip -n client link set c0 up
ip -n client link set lo up
ip -n router link set r0 up
ip -n router link set r1 up
ip -n server link set s0 up
ip -n client route add default via 192.168.1.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
# without NAT the server has no route back to 192.168.1.0/24
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router iptables -t nat -A POSTROUTING -s 192.168.1.0/24 -o r1 -j MASQUERADE
ip netns exec client ping -c 2 -i 0.2 -W 1 203.0.113.2
ip netns exec router iptables -t nat -L -n -v -x
ip netns exec router iptables -L -n -v -x
ip netns exec router iptables -P FORWARD DROP
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router iptables -L FORWARD -n -v -x
ip netns exec router iptables -A FORWARD -i r0 -o r1 -j ACCEPT
ip netns exec router iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router iptables -L FORWARD -n -v -x --line-numbers
ip netns exec router iptables -I FORWARD 1 -p icmp -j REJECT --reject-with icmp-host-prohibited
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec router iptables -D FORWARD 1
ip netns exec client ping -c 1 -W 1 -t 1 203.0.113.2
ip netns exec router iptables -t nat -A PREROUTING -d 192.168.1.1 -p icmp -j DNAT --to-destination 203.0.113.2
ip netns exec client ping -c 1 -W 1 192.168.1.1
ip netns exec router iptables -t nat -S -v
ip netns exec router iptables -S -v
ip netns exec server iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT
ip netns exec client ping -c 1 -W 1 203.0.113.2
ip netns exec server iptables -L INPUT -v -n -x
