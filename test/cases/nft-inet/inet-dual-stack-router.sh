#!/bin/bash
# nft's ip6 and inet tables on a dual-stack router: an inet forward chain that both families
# walk (an `ip saddr` rule counts IPv4 pings only, an `ip6 saddr` rule IPv6 ones, `meta
# nfproto` splits them, `tcp dport` would take both), an ip6 table's chains on every hook
# beside it in priority order, `icmpv6 type` with neighbour discovery let through, rejects
# of both families, and every counter as `nft list ruleset` prints it.
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
ip netns exec A ping -c 1 -W 1 10.0.2.2
ip netns exec A ping -c 1 -W 1 2001:db8:b::2
ip netns exec R nft add table inet fw
ip netns exec R nft add chain inet fw fw4 '{ type filter hook forward priority 0; policy drop; }'
ip netns exec A ping -4 -c 1 -W 1 10.0.2.2
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec R nft add rule inet fw fw4 ip saddr 10.0.1.0/24 counter accept
ip netns exec R nft add rule inet fw fw4 ip daddr 10.0.1.0/24 counter accept
ip netns exec A ping -4 -c 2 -i 0.2 -W 1 10.0.2.2
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec R nft add rule inet fw fw4 ip6 saddr 2001:db8:a::/64 counter accept
ip netns exec R nft add rule inet fw fw4 meta nfproto ipv6 icmpv6 type echo-reply counter accept
ip netns exec A ping -6 -c 2 -i 0.2 -W 1 2001:db8:b::2
ip netns exec R nft add rule inet fw fw4 tcp dport 80 counter accept
ip netns exec R nft add rule inet fw fw4 meta nfproto ipv4 counter
ip netns exec R nft list ruleset
ip netns exec R nft insert rule inet fw fw4 ip6 daddr 2001:db8:b::2 icmpv6 type echo-request counter reject
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec R nft insert rule inet fw fw4 ip daddr 10.0.2.2 icmp type echo-request counter reject
ip netns exec A ping -4 -c 1 -W 1 10.0.2.2
ip netns exec R nft -a list chain inet fw fw4
ip netns exec R nft flush chain inet fw fw4
ip netns exec R nft add rule inet fw fw4 counter accept
ip netns exec R nft add table ip6 f6
ip netns exec R nft add chain ip6 f6 pre6 '{ type filter hook prerouting priority -10; }'
ip netns exec R nft add chain ip6 f6 inp6 '{ type filter hook input priority 0; policy drop; }'
ip netns exec R nft add chain ip6 f6 fwd6 '{ type filter hook forward priority -5; }'
ip netns exec R nft add chain ip6 f6 out6 '{ type filter hook output priority 0; }'
ip netns exec R nft add chain ip6 f6 post6 '{ type filter hook postrouting priority 0; }'
ip netns exec R nft add rule ip6 f6 pre6 ip6 saddr 2001:db8:a::2 counter
ip netns exec R nft add rule ip6 f6 inp6 icmpv6 type '{ nd-neighbor-solicit, nd-neighbor-advert }' counter accept
ip netns exec R nft add rule ip6 f6 inp6 ip6 saddr 2001:db8:b::/64 counter accept
ip netns exec R nft add rule ip6 f6 fwd6 ip6 daddr 2001:db8:b::2 icmpv6 type echo-request counter drop
ip netns exec R nft add rule ip6 f6 out6 counter
ip netns exec R nft add rule ip6 f6 out6 ip6 nexthdr ipv6-icmp icmpv6 type echo-request counter
ip netns exec R nft add rule inet fw fw4 ip6 nexthdr ipv6-icmp icmpv6 type echo-request counter accept
ip netns exec R nft add rule ip6 f6 post6 oifname "rb" counter
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec A ping -4 -c 1 -W 1 10.0.2.2
ip netns exec A ping -6 -c 1 -W 1 2001:db8:a::1
ip netns exec B ping -6 -c 1 -W 1 2001:db8:b::1
# R's replies used entries its neighbours' solicitations left STALE: each goes DELAY, then
# probes 5 s later; wait past that so the probes are counted in both modes, not raced
sleep 6
ip netns exec R nft list ruleset
ip netns exec R nft delete rule ip6 f6 fwd6 handle 4
ip netns exec R nft add chain inet fw early '{ type filter hook forward priority -20; }'
ip netns exec R nft add rule inet fw early ip6 saddr 2001:db8:a::2 counter drop
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec R nft list table ip6 f6
ip netns exec R nft list table inet fw
ip netns exec R nft add table ip fw
ip netns exec R nft list tables
ip netns exec R nft flush chain inet fw early
ip netns exec R nft add rule inet fw early counter reject with icmpx admin-prohibited
ip netns exec A ping -4 -c 1 -W 1 10.0.2.2
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec R nft replace rule inet fw early handle 14 counter reject
ip netns exec A ping -4 -c 1 -W 1 10.0.2.2
ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2
ip netns exec R nft -a list chain inet fw early
