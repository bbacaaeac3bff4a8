#!/bin/bash
# A connection to a host whose firewall silently drops it (the "DROP versus REJECT" lesson of
# firewall tutorials, e.g. https://www.chiark.greenend.org.uk/~peterb/network/drop-vs-reject):
# the client retransmits its SYN until its own timeout. Since Linux 6.12
# (net.ipv4.tcp_syn_linear_timeouts = 4) the first retransmissions come one second apart
# instead of doubling, which the firewall's counters show; REJECT answers at once.
ip netns add srv
ip netns add cl
ip link add c0 netns cl type veth peer name s0 netns srv
ip -n cl addr add 10.11.0.2/24 dev c0
ip -n srv addr add 10.11.0.1/24 dev s0
ip -n cl link set c0 up
ip -n srv link set s0 up
ip netns exec srv iptables -A INPUT -p tcp --dport 22 -j DROP
ip netns exec srv iptables -A INPUT -p tcp --dport 23 -j REJECT --reject-with tcp-reset
ip netns exec cl nc -z -v -w 5 10.11.0.1 22
ip netns exec cl nc -z -v -w 5 10.11.0.1 23
ip netns exec srv iptables -L INPUT -n -v -x
