#!/bin/bash
# Adapted from "Docker, iptables and nftables: when two firewall engines both think they are in
# charge", cr0x.net, https://cr0x.net/en/docker-iptables-nftables-conflict
# Its point: iptables-legacy and iptables-nft write to different kernel tables; inspect with the
# other one and you "see nothing", yet both act on packets. Changes: a host and a namespace on a
# veth instead of Docker; a DROP written with iptables-legacy is invisible to iptables (nft) and
# to nft, but the ping fails; an ACCEPT written with iptables-nft shows in `nft list ruleset` and
# does not override the legacy DROP; removing the legacy rule lets the ping through.
ip netns add c1
ip link add veth0 type veth peer name eth0 netns c1
ip addr add 10.99.0.1/24 dev veth0
ip link set veth0 up
ip -n c1 addr add 10.99.0.2/24 dev eth0
ip -n c1 link set eth0 up
ip netns exec c1 ping -c 1 -W 1 10.99.0.1
iptables-legacy -A INPUT -s 10.99.0.2 -j DROP
iptables -L INPUT -n
nft list ruleset
ip netns exec c1 ping -c 1 -W 1 10.99.0.1
iptables-nft -A INPUT -s 10.99.0.2 -j ACCEPT
nft list ruleset
ip netns exec c1 ping -c 1 -W 1 10.99.0.1
iptables-legacy -L INPUT -n -v -x
iptables-nft -L INPUT -n -v -x
iptables-legacy -D INPUT -s 10.99.0.2 -j DROP
ip netns exec c1 ping -c 1 -W 1 10.99.0.1
iptables-legacy-save | grep -v '^#'
iptables-nft-save | grep -v '^#'
