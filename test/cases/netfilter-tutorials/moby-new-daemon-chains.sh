#!/bin/bash
# Adapted from Moby's iptables documentation of a new daemon's rules
# (integration/network/bridge/iptablesdoc, "new-daemon"), Docker authors,
# https://contextqmd.com/libraries/moby/versions/28.5.2/pages/integration/network/bridge/iptablesdoc/templates/new-daemon
# FORWARD jumps to DOCKER-USER, then DOCKER-FORWARD; DOCKER-FORWARD sends traffic to a bridge
# through DOCKER-CT (accept RELATED,ESTABLISHED) and DOCKER-BRIDGE (jump to DOCKER, whose last
# rule drops what was routed to the network from elsewhere), and accepts what the bridge sends
# out; the nat table masquerades the bridge's network. Changes: the rules are written by hand as
# the page describes them for docker0 (172.17.0.0/16); a container namespace and an outside
# namespace; no published port (TCP); pings out, and in from outside (dropped by DOCKER).
ip netns add c1
ip netns add ext
ip link add docker0 type bridge mcast_snooping 0
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip link add veth0 type veth peer name eth0 netns c1
ip link set veth0 master docker0
ip link set veth0 up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 172.17.0.1
ip link add eth0 type veth peer name eth0 netns ext
ip addr add 198.51.100.1/24 dev eth0
ip link set eth0 up
ip -n ext addr add 198.51.100.2/24 dev eth0
ip -n ext link set eth0 up
ip -n ext route add 172.17.0.0/16 via 198.51.100.1
sysctl -w net.ipv4.ip_forward=1
iptables -N DOCKER
iptables -N DOCKER-BRIDGE
iptables -N DOCKER-CT
iptables -N DOCKER-FORWARD
iptables -N DOCKER-USER
iptables -P FORWARD DROP
iptables -A FORWARD -j DOCKER-USER
iptables -A FORWARD -j DOCKER-FORWARD
iptables -A DOCKER-FORWARD -j DOCKER-CT
iptables -A DOCKER-FORWARD -j DOCKER-BRIDGE
iptables -A DOCKER-FORWARD -i docker0 -j ACCEPT
iptables -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A DOCKER-BRIDGE -o docker0 -j DOCKER
iptables -A DOCKER ! -i docker0 -o docker0 -j DROP
iptables -t nat -N DOCKER
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
ip netns exec c1 ping -c 2 -i 0.2 -W 1 198.51.100.2
ip netns exec ext ping -c 1 -W 1 172.17.0.2
ip netns exec c1 ping -c 1 -W 1 172.17.0.1
iptables -S
iptables -t nat -S
iptables -L DOCKER-FORWARD -n -v -x
iptables -L DOCKER -n -v -x
iptables -L FORWARD -n -v -x
