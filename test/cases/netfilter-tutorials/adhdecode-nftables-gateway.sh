#!/bin/bash
# Adapted from "nftables NAT masquerade setup", adhdecode articles,
# https://adhdecode-articles-2.pages.dev/articles/nftables/nftables-nat-masquerade-setup/
# A gateway with eth0 (public) and eth1 (private): a nat table with prerouting (priority -100)
# and postrouting (priority 100) chains, `oifname "eth0" masquerade` for the private network
# going out, and DNAT of the public address to a private server. Changes: namespaces for the
# gateway, a private server and a public client; the article's public address 192.0.2.1 and
# private server 10.0.0.100; the DNAT forwards every packet to 192.0.2.1 (not TCP 80/443: TCP is
# not modelled here) so a ping shows it; `nft flush ruleset` on the fresh namespace.
ip netns add srv
ip netns add gw
ip netns add client
ip link add eth1 netns gw type veth peer name eth0 netns srv
ip link add eth0 netns gw type veth peer name eth0 netns client
ip -n srv addr add 10.0.0.100/24 dev eth0
ip -n gw addr add 10.0.0.1/24 dev eth1
ip -n gw addr add 192.0.2.1/24 dev eth0
ip -n client addr add 192.0.2.77/24 dev eth0
ip -n srv link set eth0 up
ip -n gw link set eth1 up
ip -n gw link set eth0 up
ip -n client link set eth0 up
ip -n srv route add default via 10.0.0.1
ip netns exec gw nft flush ruleset
ip netns exec gw nft add table ip nat
ip netns exec gw nft add chain ip nat prerouting '{ type nat hook prerouting priority -100 ; }'
ip netns exec gw nft add chain ip nat postrouting '{ type nat hook postrouting priority 100 ; }'
ip netns exec gw nft add rule ip nat postrouting oifname "eth0" masquerade
ip netns exec gw nft add rule ip nat prerouting ip daddr 192.0.2.1 dnat to 10.0.0.100
ip netns exec client ping -c 1 -W 1 192.0.2.1
echo 1 > /proc/sys/net/ipv4/ip_forward
ip netns exec gw sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
ip netns exec client ping -c 1 -W 1 192.0.2.1
ip netns exec srv ping -c 1 -W 1 192.0.2.77
ip netns exec gw nft list table ip nat
ip netns exec gw conntrack -L
