#!/bin/bash
# Adapted from "Uso práctico" (iptables and connection tracking), sio2sio2's doc-linux,
# https://sio2sio2.github.io/doc-linux/08.redes/07.cortafuegos/01.iptables/02.conn.html
# A firewall between an internal network and the outside that masquerades on eth0, with the
# page's conntrack examples: `-m conntrack --ctdir REPLY -j RETURN` and
# `-i eth0 -m conntrack ! --ctorigdst 172.22.0.2 -j DROP` (only connections first addressed to
# 172.22.0.2 may come in from eth0). Changes: namespaces for the firewall, the internal server
# 172.22.0.2, a second internal host 172.22.1.3 on its own veth (a bridge would send IGMP
# reports, which the simulator does not model) and an outside host; the rules go in a user
# chain FW jumped to from FORWARD so RETURN has somewhere to return to; the outside reaches the
# server by a DNAT of the firewall's address; pings instead of services.
ip netns add fw
ip netns add srv
ip netns add pc
ip netns add out
ip link add eth0 netns fw type veth peer name eth0 netns out
ip link add p-srv netns fw type veth peer name eth0 netns srv
ip link add p-pc netns fw type veth peer name eth0 netns pc
ip -n fw addr add 172.22.0.1/24 dev p-srv
ip -n fw addr add 172.22.1.1/24 dev p-pc
ip -n fw addr add 198.51.100.1/24 dev eth0
ip -n srv addr add 172.22.0.2/24 dev eth0
ip -n pc addr add 172.22.1.3/24 dev eth0
ip -n out addr add 198.51.100.9/24 dev eth0
for l in eth0 p-srv p-pc; do ip -n fw link set $l up; done
ip -n srv link set eth0 up
ip -n pc link set eth0 up
ip -n out link set eth0 up
ip -n srv route add default via 172.22.0.1
ip -n pc route add default via 172.22.1.1
ip -n out route add 172.22.0.0/16 via 198.51.100.1
ip netns exec fw sysctl -qw net.ipv4.ip_forward=1
ip netns exec fw iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
ip netns exec fw iptables -t nat -A PREROUTING -i eth0 -d 198.51.100.1 -j DNAT --to-destination 172.22.0.2
ip netns exec fw iptables -N FW
ip netns exec fw iptables -A FORWARD -j FW
ip netns exec fw iptables -A FW -m conntrack --ctdir REPLY -j RETURN
ip netns exec fw iptables -A FW -i eth0 -m conntrack ! --ctorigdst 172.22.0.2 -j DROP
ip netns exec out ping -c 1 -W 1 198.51.100.1
ip netns exec out ping -c 1 -W 1 172.22.1.3
ip netns exec out ping -c 1 -W 1 172.22.0.2
ip netns exec pc ping -c 1 -W 1 198.51.100.9
ip netns exec fw iptables -L FW -n -v -x
ip netns exec fw iptables -S FW
ip netns exec fw conntrack -L | sort
