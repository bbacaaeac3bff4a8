#!/bin/bash
# A stateful router in one inet table: forward policy drop, new connections only from the
# inside, `ct state established,related` letting back the replies of both families and the
# ICMP and ICMPv6 errors RELATED to them (a host behind the router rejecting with an ip6
# table's and an ip table's reject), `ct state new` counted per family, an ip6 table's own
# `ct state` rule at its input, and `conntrack -F` forgetting every connection of both.
ip netns add A
ip netns add B
ip netns add R
ip link add va netns A type veth peer name ra netns R
ip link add vb netns B type veth peer name rb netns R
ip -n A link set lo up
ip -n B link set lo up
ip -n R link set lo up
ip -n A link set va up
ip -n B link set vb up
ip -n R link set ra up
ip -n R link set rb up
ip -n A addr add 10.0.1.2/24 dev va
ip -n B addr add 10.0.2.2/24 dev vb
ip -n R addr add 10.0.1.1/24 dev ra
ip -n R addr add 10.0.2.1/24 dev rb
ip -n A addr add 2001:db8:a::2/64 dev va nodad
ip -n B addr add 2001:db8:b::2/64 dev vb nodad
ip -n R addr add 2001:db8:a::1/64 dev ra nodad
ip -n R addr add 2001:db8:b::1/64 dev rb nodad
ip -n A route add default via 10.0.1.1
ip -n B route add default via 10.0.2.1
ip -n A route add default via 2001:db8:a::1
ip -n B route add default via 2001:db8:b::1
ip netns exec R sysctl -qw net.ipv4.ip_forward=1
ip netns exec R sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec R nft add table inet fw
ip netns exec R nft add chain inet fw forward '{ type filter hook forward priority 0; policy drop; }'
ip netns exec R nft add rule inet fw forward ct state established,related counter accept
ip netns exec R nft add rule inet fw forward meta nfproto ipv4 ct state new iifname ra counter accept
ip netns exec R nft add rule inet fw forward meta nfproto ipv6 ct state new iifname ra counter accept
ip netns exec A ping -4 -c 2 -i 0.2 -W 1 10.0.2.2
ip netns exec A ping -6 -c 2 -i 0.2 -W 1 2001:db8:b::2
ip netns exec B ping -4 -c 1 -W 1 10.0.1.2
ip netns exec B ping -6 -c 1 -W 1 2001:db8:a::2
ip netns exec B nft add table ip6 f6
ip netns exec B nft add chain ip6 f6 inp '{ type filter hook input priority 0; }'
ip netns exec B nft add rule ip6 f6 inp icmpv6 type echo-request counter reject with icmpv6 admin-prohibited
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec B nft add table ip f4
ip netns exec B nft add chain ip f4 inp '{ type filter hook input priority 0; }'
ip netns exec B nft add rule ip f4 inp icmp type echo-request counter reject with icmp type host-prohibited
ip netns exec A ping -4 -c 1 -W 1 10.0.2.2
ip netns exec R nft list ruleset
ip netns exec B nft flush ruleset
ip netns exec B nft add table ip6 s6
ip netns exec B nft add chain ip6 s6 inp '{ type filter hook input priority 0; policy drop; }'
ip netns exec B nft add rule ip6 s6 inp ct state established counter accept
ip netns exec B nft add rule ip6 s6 inp ct state untracked counter accept
ip netns exec B nft add rule ip6 s6 inp ct state new icmpv6 type echo-request counter accept
ip netns exec A ping -6 -c 2 -i 0.2 -W 1 2001:db8:b::2
ip netns exec B ping -6 -c 1 -W 1 2001:db8:a::2
ip netns exec B nft list ruleset
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec R conntrack -F
ip netns exec B ping -6 -c 1 -W 1 2001:db8:a::2
ip netns exec R nft list chain inet fw forward
