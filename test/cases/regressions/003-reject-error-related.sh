#!/bin/bash
# The ICMP error REJECT sends carries the rejected packet's connection (nf_ct_attach in
# icmp_glue_bits): it meets the OUTPUT rules as RELATED even though the rejected packet's entry
# never joined the table, so a rule matching RELATED counts it (and drops it) too.
# Found by the random-lab property (nettwin gen --seed 20260603 --rules 6, lab 36).
ip netns add client
ip netns exec client ip link add br1 type bridge
ip netns exec client ip addr add 10.2.83.0/24 dev br1
ip netns exec client iptables -A OUTPUT -m conntrack --ctstate NEW,ESTABLISHED,RELATED -m comment --comment 'lab rule' -j REJECT --reject-with icmp-host-unreachable
ip netns exec client ping -c 1 -W 1 10.2.83.0
ip netns exec client iptables -L -n -v -x
ip netns exec client iptables -F OUTPUT
ip netns exec client iptables -A OUTPUT -p icmp --icmp-type echo-request -j REJECT
ip netns exec client iptables -A OUTPUT -m conntrack --ctstate RELATED -j ACCEPT
ip netns exec client iptables -A INPUT -m conntrack --ctstate RELATED -j ACCEPT
ip netns exec client ping -c 1 -W 1 10.2.83.0
ip netns exec client iptables -L -n -v -x
