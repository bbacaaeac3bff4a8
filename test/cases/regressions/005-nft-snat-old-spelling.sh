#!/bin/bash
# nft 1.0 still takes the nftables wiki's older `snat 1.2.3.4` (without `to`) and lists it as
# `snat to 1.2.3.4`, and the kernel refuses a NAT statement in a filter chain or at a hook of the
# other direction ("Operation not supported", exit 1), pointing at the whole command (or, inside
# a table block, at the rule). Fixed: the simulator once added no rule for the first and
# accepted the others.
# From test/cases/netfilter-tutorials/nftables-wiki-snat.sh.
ip link add eth0 type veth peer name eth1
nft add table nat
nft add chain nat postrouting '{ type nat hook postrouting priority 100 ; }'
nft add rule nat postrouting ip saddr 192.168.1.0/24 oif eth0 snat 1.2.3.4
nft add table filter
nft add chain filter output '{ type filter hook output priority 0 ; }'
nft add rule filter output masquerade
nft list ruleset
printf 'add rule filter output masquerade\n' | nft -f -
printf 'table ip filter {\n  chain output {\n    masquerade\n  }\n}\n' | nft -f -
printf 'table ip t2 {\n  chain pre {\n    type nat hook prerouting priority -100;\n    masquerade\n  }\n}\n' | nft -f -
nft add chain nat pre '{ type nat hook prerouting priority -100 ; }'
nft add rule nat pre snat to 1.1.1.1
nft add rule nat pre dnat 1.1.1.1
nft list ruleset
