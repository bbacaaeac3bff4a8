#!/bin/bash
# Adapted from "Packet filtering and firewalls", Docker documentation (Docker Inc.),
# https://docs.docker.com/network/iptables — "Docker on a router": when Docker turns on IP
# forwarding it also sets the forward policy to drop, which stops the host from routing for
# others; rules for that traffic go in the DOCKER-USER chain, which FORWARD jumps to first.
# Changes: Docker's part is written out (the DOCKER-USER chain, FORWARD's jump to it, the DROP
# policy); the two networks the host routes between are namespaces lan1 and lan2; the accept is
# added one direction first (the replies are still dropped), then for replies by conntrack.
ip netns add lan1
ip netns add lan2
ip link add eth-lan1 type veth peer name eth0 netns lan1
ip link add eth-lan2 type veth peer name eth0 netns lan2
ip addr add 192.168.10.1/24 dev eth-lan1
ip addr add 192.168.20.1/24 dev eth-lan2
ip link set eth-lan1 up
ip link set eth-lan2 up
ip -n lan1 addr add 192.168.10.2/24 dev eth0
ip -n lan2 addr add 192.168.20.2/24 dev eth0
ip -n lan1 link set eth0 up
ip -n lan2 link set eth0 up
ip -n lan1 route add default via 192.168.10.1
ip -n lan2 route add default via 192.168.20.1
sysctl -w net.ipv4.ip_forward=1
ip netns exec lan1 ping -c 1 -W 1 192.168.20.2
iptables -N DOCKER-USER
iptables -A FORWARD -j DOCKER-USER
iptables -P FORWARD DROP
ip netns exec lan1 ping -c 1 -W 1 192.168.20.2
iptables -I DOCKER-USER -i eth-lan1 -o eth-lan2 -j ACCEPT
ip netns exec lan1 ping -c 1 -W 1 192.168.20.2
iptables -I DOCKER-USER -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec lan1 ping -c 1 -W 1 192.168.20.2
ip netns exec lan2 ping -c 1 -W 1 192.168.10.2
iptables -L FORWARD -n -v -x
iptables -L DOCKER-USER -n -v -x --line-numbers
iptables -S
