#!/bin/bash
# nftables named sets, as the nftables wiki's "Sets" page and its allow/block-list examples use
# them (https://wiki.nftables.org/wiki-nftables/index.php/Sets): a set declared with its type
# (and `flags interval` for prefixes and ranges), elements added and deleted while rules refer to
# it by name — a packet is tested against what the set holds when it passes — listings (elements
# sorted — an interface name as the kernel's key bytes compare — and wrapped as nft wraps
# them per type), and nft's refusals: a duplicate with `create`, a missing
# element or set, a prefix without `flags interval`, a set still in use.
ip netns add fw
ip netns add cl
ip link add c0 netns cl type veth peer name f0 netns fw
ip -n cl addr add 10.5.0.2/24 dev c0
ip -n cl addr add 10.5.0.3/24 dev c0
ip -n fw addr add 10.5.0.1/24 dev f0
ip -n cl link set c0 up
ip -n fw link set f0 up
ip -n fw link set lo up
ip netns exec fw nft add table inet filter
ip netns exec fw nft add chain inet filter input '{ type filter hook input priority 0; policy drop; }'
ip netns exec fw nft add rule inet filter input ct state established,related accept
ip netns exec fw nft add rule inet filter input iif lo accept
ip netns exec fw nft add set inet filter allowed '{ type ipv4_addr; }'
ip netns exec fw nft add set inet filter ports '{ type inet_service; }'
ip netns exec fw nft add set inet filter nets '{ type ipv4_addr; flags interval; }'
ip netns exec fw nft add set inet filter protos '{ type inet_proto; elements = { icmp, udp }; }'
ip netns exec fw nft add element inet filter allowed '{ 10.5.0.9, 10.5.0.2, 192.168.1.1 }'
ip netns exec fw nft add element inet filter ports '{ 443, 22, 80, 8080, 53, 25, 110 }'
ip netns exec fw nft add element inet filter nets '{ 10.0.0.0/8, 192.168.0.0/16, 172.16.1.0/24, 100.64.0.1-100.64.0.9 }'
ip netns exec fw nft add rule inet filter input ip saddr @allowed meta l4proto @protos counter accept
ip netns exec fw nft add rule inet filter input tcp dport @ports accept
ip netns exec fw nft add rule inet filter input ip daddr != @nets drop
ip netns exec fw nft list ruleset
ip netns exec fw nft -a list sets
ip netns exec fw nft list set inet filter nets
ip netns exec cl ping -c1 -W1 -I 10.5.0.2 10.5.0.1
ip netns exec cl ping -c1 -W1 -I 10.5.0.3 10.5.0.1
ip netns exec fw nft add element inet filter allowed '{ 10.5.0.3 }'
ip netns exec cl ping -c1 -W1 -I 10.5.0.3 10.5.0.1
ip netns exec fw nft delete element inet filter allowed '{ 10.5.0.2 }'
ip netns exec cl ping -c1 -W1 -I 10.5.0.2 10.5.0.1
ip netns exec fw nft list set inet filter allowed
ip netns exec fw nft add element inet filter allowed '{ 10.5.0.3 }'
ip netns exec fw nft create element inet filter allowed '{ 10.5.0.3 }'
ip netns exec fw nft delete element inet filter allowed '{ 10.5.0.7 }'
ip netns exec fw nft add element inet filter nope '{ 1.2.3.4 }'
ip netns exec fw nft add element inet filter ports '{ 10.0.0.1 }'
ip netns exec fw nft add element inet filter allowed '{ 10.0.0.0/8 }'
ip netns exec fw nft add set inet filter allowed '{ type ipv4_addr; }'
ip netns exec fw nft create set inet filter allowed '{ type ipv4_addr; }'
ip netns exec fw nft add rule inet filter input ip saddr @nope accept
ip netns exec fw nft delete set inet filter allowed
ip netns exec fw nft flush set inet filter ports
ip netns exec fw nft list set inet filter ports
ip netns exec fw nft list set inet filter nope
ip netns exec fw nft add set inet filter s2 '{ type ipv4_addr; elements = { 1.1.1.1, 2.2.2.2 }; }'
ip netns exec fw nft delete set inet filter s2
ip netns exec fw nft add set inet filter ifs '{ type ifname; elements = { "lo", "eth0", "f0" }; }'
ip netns exec fw nft add set inet filter marks '{ type mark; elements = { 0x2, 1 }; }'
ip netns exec fw nft add element inet filter ports '{ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }'
ip netns exec fw nft list ruleset
ip netns exec fw nft flush ruleset
ip netns exec fw nft list ruleset
ip -all netns delete
