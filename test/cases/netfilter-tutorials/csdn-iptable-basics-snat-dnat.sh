#!/bin/bash
# Adapted from "IPTABLE" (2017-08-19), a CSDN blog post listed at
# https://www.csdn.net/tags/MtjaQg2sMDU5NzgtYmxvZwO0O0OO0O0O.html
# The post walks through iptables' commands (-F, -nL, -t, -P to DROP, -A with -s, -I at a
# position, -R, -D, -N, -E, -X), then SNAT — everything leaving by eth0 (172.25.254.107; eth1
# is 172.25.7.100) disguised as 172.25.254.107, so 172.25.254.7 sees the server's address and
# not the client's — and DNAT back in. Changes: the server (router), the client 172.25.7.200
# and the host 172.25.254.7 are namespaces; chain name westos kept; the NEW-state TCP port 80
# rule left out (TCP is not modelled here); pings instead of logins; the DNAT maps the server's
# address to the client.
ip netns add server
ip netns add client
ip netns add far
ip link add eth1 netns server type veth peer name eth0 netns client
ip link add eth0 netns server type veth peer name eth0 netns far
ip -n server addr add 172.25.7.100/24 dev eth1
ip -n server addr add 172.25.254.107/24 dev eth0
ip -n client addr add 172.25.7.200/24 dev eth0
ip -n far addr add 172.25.254.7/24 dev eth0
ip -n server link set eth1 up
ip -n server link set eth0 up
ip -n client link set eth0 up
ip -n far link set eth0 up
ip -n client route add default via 172.25.7.100
ip netns exec server iptables -F
ip netns exec server iptables -nL
ip netns exec server iptables -t nat -nL
ip netns exec server iptables -P INPUT DROP
ip netns exec client ping -c 1 -W 1 172.25.7.100
ip netns exec server iptables -A INPUT -s 172.25.7.200 -j ACCEPT
ip netns exec client ping -c 1 -W 1 172.25.7.100
ip netns exec server iptables -I INPUT 1 -s 172.25.7.0/24 -j DROP
ip netns exec client ping -c 1 -W 1 172.25.7.100
ip netns exec server iptables -R INPUT 1 -s 172.25.7.0/24 -j ACCEPT
ip netns exec server iptables -D INPUT 2
ip netns exec server iptables -N westos
ip netns exec server iptables -E westos WESTOS
ip netns exec server iptables -X WESTOS
ip netns exec server iptables -X westos
ip netns exec server iptables -nL --line-numbers
ip netns exec server iptables -P INPUT ACCEPT
ip netns exec server sysctl -w net.ipv4.ip_forward=1
ip netns exec client ping -c 1 -W 1 172.25.254.7
ip netns exec server iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 172.25.254.107
ip netns exec client ping -c 1 -W 1 172.25.254.7
ip netns exec server conntrack -L
ip netns exec server iptables -t nat -A PREROUTING -i eth0 -d 172.25.254.107 -j DNAT --to-dest 172.25.7.200
ip netns exec far ping -c 1 -W 1 172.25.254.107
ip netns exec server iptables -t nat -nL -v -x
