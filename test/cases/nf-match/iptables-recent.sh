#!/bin/bash
# The SSH brute-force guard of countless firewall tutorials (e.g.
# https://www.debian-administration.org/article/187/Using_iptables_to_rate-limit_incoming_connections
# and iptables-extensions(8), "recent"): a new connection to port 22 is remembered in the list
# SSH, and the fourth within a minute is dropped; a ping guard that drops a sender's fourth echo
# request within a second; the listings, the kernel's and iptables' refusals, and a list that
# goes away with the last rule that names it.
ip netns add fw
ip netns add cl
ip link add c0 netns cl type veth peer name f0 netns fw
ip -n cl addr add 10.7.0.2/24 dev c0
ip -n fw addr add 10.7.0.1/24 dev f0
ip -n cl link set c0 up
ip -n fw link set f0 up
ip netns exec fw iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --set --name SSH
ip netns exec fw iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --update --seconds 60 --hitcount 4 --rttl --name SSH -j REJECT --reject-with tcp-reset
ip netns exec fw iptables -A INPUT -p icmp -m recent --set --name PING
ip netns exec fw iptables -A INPUT -p icmp -m recent --rcheck --seconds 1 --hitcount 4 --name PING -j DROP
ip netns exec fw nc -lk 22 >/dev/null &
sleep 0.5
ip netns exec cl nc -z -v -w 2 10.7.0.1 22
ip netns exec cl nc -z -v -w 2 10.7.0.1 22
ip netns exec cl nc -z -v -w 2 10.7.0.1 22
ip netns exec cl nc -z -v -w 2 10.7.0.1 22
ip netns exec cl ping -c 6 -i 0.3 -W 1 10.7.0.1
ip netns exec cl ping -c 4 -i 0.45 -W 1 10.7.0.1
ip netns exec fw iptables -L INPUT -n -v -x
ip netns exec fw iptables -S INPUT
ip netns exec fw nft list ruleset
# the list goes with its rules: a new rule finds it empty
ip netns exec fw iptables -D INPUT 4
ip netns exec fw iptables -D INPUT 3
ip netns exec fw iptables -A INPUT -p icmp -m recent --rcheck --name PING -j DROP
ip netns exec cl ping -c 1 -W 1 10.7.0.1
# a list of destinations, masked, inverted, reaped; then removal
ip netns exec fw iptables -A OUTPUT -m recent ! --rcheck --rdest --mask 255.255.255.0 --seconds 5 --reap
ip netns exec fw iptables -A OUTPUT -p icmp -m recent --remove --name SSH --rdest
ip netns exec fw iptables -L OUTPUT
ip netns exec fw iptables -S OUTPUT
# refusals: iptables' own, then the kernel's
ip netns exec fw iptables -A INPUT -m recent --set --seconds 3
ip netns exec fw iptables -A INPUT -m recent --rcheck --reap
ip netns exec fw iptables -A INPUT -m recent --set --update
ip netns exec fw iptables -A INPUT -m recent
ip netns exec fw iptables -A INPUT -m recent --rcheck --seconds 0
ip netns exec fw iptables -A INPUT -m recent --set --rttl
ip netns exec cl iptables-legacy -A INPUT -m recent --set --hitcount 3
