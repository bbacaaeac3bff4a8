#!/bin/bash
# open: nft 1.0 still takes the nftables wiki's older `snat 1.2.3.4` (without `to`) and lists it
# as `snat to 1.2.3.4`, and the kernel refuses a NAT statement in a filter chain ("Operation not
# supported", exit 1); the simulator adds no rule for the first and accepts the second.
# From test/cases/netfilter-tutorials/nftables-wiki-snat.sh.
ip link add eth0 type veth peer name eth1
nft add table nat
nft add chain nat postrouting '{ type nat hook postrouting priority 100 ; }'
nft add rule nat postrouting ip saddr 192.168.1.0/24 oif eth0 snat 1.2.3.4
nft add table filter
nft add chain filter output '{ type filter hook output priority 0 ; }'
nft add rule filter output masquerade
nft list ruleset
