#!/bin/bash
# Adapted from "Docker and iptables" (https://docs.docker.com/engine/network/packet-filtering-firewalls/)
# and the questions about it: Docker sets the FORWARD policy to DROP, and then a web server
# in one bridge's "container" is no longer reachable from another bridge's; an ACCEPT for the
# established replies and the new connections to port 80 fixes it (DOCKER-USER style).
sysctl -qw net.ipv4.ip_forward=1
ip link add br-a type bridge
ip link add br-b type bridge
ip addr add 172.20.0.1/16 dev br-a
ip addr add 172.21.0.1/16 dev br-b
ip link set br-a up
ip link set br-b up
ip netns add web
ip netns add app
ip link add vweb type veth peer name eth0 netns web
ip link add vapp type veth peer name eth0 netns app
ip link set vweb master br-a
ip link set vapp master br-b
ip link set vweb up
ip link set vapp up
ip -n web addr add 172.20.0.2/16 dev eth0
ip -n app addr add 172.21.0.2/16 dev eth0
ip -n web link set eth0 up
ip -n app link set eth0 up
ip -n web link set lo up
ip -n web route add default via 172.20.0.1
ip -n app route add default via 172.21.0.1
ip netns exec web python3 -m http.server 80 &
ip netns exec app curl -s -o /dev/null -w '%{http_code}\n' http://172.20.0.2/
iptables -P FORWARD DROP
ip netns exec app curl -s -m 1 -o /dev/null -w '%{http_code}\n' http://172.20.0.2/
echo "status $?"
iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec app curl -s -m 1 -o /dev/null -w '%{http_code}\n' http://172.20.0.2/
echo "status $?"
iptables -A FORWARD -o br-a -p tcp --dport 80 -m conntrack --ctstate NEW -j ACCEPT
ip netns exec app curl -s -m 1 -o /dev/null -w '%{http_code}\n' http://172.20.0.2/
echo "status $?"
ip netns exec app nc -zv -w 1 172.20.0.2 443
echo "status $?"
