#!/bin/bash
# nftables rules on sets of interface names and with comments after the verdict, as the
# nftables wiki's "Quick reference" and "Sets" pages write them
# (https://wiki.nftables.org/wiki-nftables/index.php/Sets: `iifname { "eth0", "eth1" }`; a
# `comment` closes the rule): the order nft lists the names in (shorter first, then from the
# last byte), a set of one name, `!=`, the handles anonymous sets take, and pings in by each
# interface.
ip netns add fw
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name lan0 netns fw
ip link add b0 netns b type veth peer name wan netns fw
ip -n a addr add 10.13.1.2/24 dev a0
ip -n b addr add 10.13.2.2/24 dev b0
ip -n fw addr add 10.13.1.1/24 dev lan0
ip -n fw addr add 10.13.2.1/24 dev wan
ip -n a link set a0 up
ip -n b link set b0 up
ip -n fw link set lan0 up
ip -n fw link set wan up
ip -n fw link set lo up
ip netns exec fw nft add table inet f
ip netns exec fw nft add chain inet f input '{ type filter hook input priority filter; policy drop; }'
ip netns exec fw nft add rule inet f input iifname '{ "lo" }' accept comment '"loopback"'
ip netns exec fw nft add rule inet f input iifname '{ "lan0", "eth9", "x", "veth10" }' icmp type echo-request counter accept comment '"from the lan"'
ip netns exec fw nft add rule inet f input iifname != '{ wan, lan0 }' counter drop
ip netns exec fw nft add rule inet f input meta iifname '{ "wan" }' counter
ip netns exec fw nft -a list ruleset
ip netns exec a ping -c 1 -W 1 10.13.1.1
ip netns exec b ping -c 1 -W 1 10.13.2.1
ip netns exec fw ping -c 1 -W 1 10.13.1.1
ip netns exec fw nft list ruleset
