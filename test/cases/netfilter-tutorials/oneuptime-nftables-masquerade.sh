#!/bin/bash
# Adapted from "NAT masquerade with nftables", OneUptime blog (2026-03-20),
# https://oneuptime.com/blog/post/2026-03-20-nat-masquerade-nftables/view
# A router with eth0 (WAN) and eth1 (LAN): ip_forward on, `nft add table ip nat`, a postrouting
# chain of type nat at priority 100, `oif "eth0" masquerade`, and forward rules that let the
# LAN out and only established traffic back. Changes: the router, a LAN host and a WAN host are
# namespaces (the WAN host has no route to the LAN); the inet filter table and its forward
# chain (policy drop) are created first, which the article's commands assume; no sysctl.d file.
ip netns add lan
ip netns add gw
ip netns add wan
ip link add eth1 netns gw type veth peer name eth0 netns lan
ip link add eth0 netns gw type veth peer name eth0 netns wan
ip -n lan addr add 192.168.1.10/24 dev eth0
ip -n gw addr add 192.168.1.1/24 dev eth1
ip -n gw addr add 1.2.3.4/24 dev eth0
ip -n wan addr add 1.2.3.5/24 dev eth0
ip -n lan link set eth0 up
ip -n gw link set eth1 up
ip -n gw link set eth0 up
ip -n wan link set eth0 up
ip -n lan route add default via 192.168.1.1
ip netns exec gw sysctl -w net.ipv4.ip_forward=1
ip netns exec gw nft add table ip nat
ip netns exec gw nft add chain ip nat postrouting '{ type nat hook postrouting priority 100 ; }'
ip netns exec gw nft add rule ip nat postrouting oif "eth0" masquerade
ip netns exec gw nft add table inet filter
ip netns exec gw nft add chain inet filter forward '{ type filter hook forward priority 0 ; policy drop ; }'
ip netns exec lan ping -c 1 -W 1 1.2.3.5
ip netns exec gw nft add rule inet filter forward iif "eth1" oif "eth0" ct state new,established,related accept
ip netns exec lan ping -c 1 -W 1 1.2.3.5
ip netns exec gw nft add rule inet filter forward iif "eth0" oif "eth1" ct state established,related accept
ip netns exec lan ping -c 2 -i 0.2 -W 1 1.2.3.5
ip netns exec wan ping -c 1 -W 1 192.168.1.10
ip netns exec gw nft list ruleset
ip netns exec gw conntrack -L
