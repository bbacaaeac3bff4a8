#!/bin/bash
# Adapted from "Configuring NAT using nftables", Red Hat Enterprise Linux 7 Security Guide
# (Red Hat), https://docs.redhat.com/it/documentation/red_hat_enterprise_linux/7/html/security_guide/sec-configuring_nat_using_nftables
# Masquerading: a table nat with prerouting and postrouting nat chains, masquerade on the
# outgoing interface; source NAT: the same with a fixed address (SNAT is used when the outgoing
# interface has a fixed address). Changes: a router namespace with ens3 (outside, 192.0.2.1)
# and ens4 (inside); an inside host and an outside host; the masquerade rule replaced by the
# SNAT rule with `nft replace rule` by handle; conntrack shows each binding.
ip netns add in
ip netns add r
ip netns add out
ip link add ens4 netns r type veth peer name eth0 netns in
ip link add ens3 netns r type veth peer name eth0 netns out
ip -n r addr add 10.10.0.1/24 dev ens4
ip -n r addr add 192.0.2.1/24 dev ens3
ip -n in addr add 10.10.0.5/24 dev eth0
ip -n out addr add 192.0.2.200/24 dev eth0
ip -n r link set ens4 up
ip -n r link set ens3 up
ip -n in link set eth0 up
ip -n out link set eth0 up
ip -n in route add default via 10.10.0.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r nft add table nat
ip netns exec r nft -- add chain nat prerouting '{ type nat hook prerouting priority -100 ; }'
ip netns exec r nft add chain nat postrouting '{ type nat hook postrouting priority 100 ; }'
ip netns exec r nft add rule nat postrouting oifname "ens3" masquerade
ip netns exec in ping -c 1 -W 1 192.0.2.200
ip netns exec r conntrack -L
ip netns exec r nft -a list chain nat postrouting
ip netns exec r nft replace rule nat postrouting handle 3 oifname "ens3" snat to 192.0.2.1
ip netns exec r conntrack -F
ip netns exec in ping -c 1 -W 1 192.0.2.200
ip netns exec r conntrack -L
ip netns exec r nft list table nat
