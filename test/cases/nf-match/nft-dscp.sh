# nft's `ip dscp` test and `ip dscp set`: symbols (cs0…cs7, df and be for 0, lephb, afXY, va,
# ef) listed by their first name, other values as 0x%02x, sets in value order, ranges in
# numbers; an echo reply carries the request's TOS; in an inet table only IPv4 packets.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip -n a link set lo up
ip -n b link set lo up
ip netns exec a nft add table inet q
ip netns exec a nft add chain inet q out '{ type filter hook output priority -150; }'
ip netns exec a nft add chain inet q in '{ type filter hook input priority 0; }'
ip netns exec a nft add rule inet q out ip daddr 10.0.0.2 icmp type echo-request ip dscp set af21 counter
ip netns exec a nft add rule inet q out ip dscp af21 counter
ip netns exec a nft add rule inet q in ip dscp af21 counter
ip netns exec a nft add rule inet q in ip dscp != af21 counter
ip netns exec a nft add rule inet q in ip dscp '{ ef, 18, cs0 }' counter
ip netns exec a nft add rule inet q in ip dscp 16-20 counter
ip netns exec b nft add table ip q
ip netns exec b nft add chain ip q in '{ type filter hook input priority 0; }'
ip netns exec b nft add rule ip q in ip dscp 0x12 counter
ip netns exec b nft add rule ip q in ip dscp '>' 0x12 counter
ip netns exec b nft add rule ip q in ip dscp df counter
ip netns exec b nft add rule ip q in ip dscp be counter
ip netns exec b nft add rule ip q in ip dscp 4 counter
ip netns exec b nft add rule ip q in ip dscp lephb counter
ip netns exec b nft add rule ip q in ip dscp va counter
ip netns exec a ping -c 3 -i 0.2 10.0.0.2
ip netns exec b ping -c 1 10.0.0.1
ip netns exec a nft list ruleset
ip netns exec b nft list ruleset
