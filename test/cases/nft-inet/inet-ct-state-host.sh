#!/bin/bash
# The classic nft host firewall in an inet table, both families through it: input policy drop
# with `ct state established,related accept` (replies to the host's own pings and TCP
# connections come back), `ct state invalid drop`, neighbour discovery (untracked) let in by
# `icmpv6 type`, pings in by family, a service port by `tcp dport` (TCP over IPv6 is not
# modelled: IPv4 only here). Counters as `nft list ruleset` prints them. Then conntrack counting
# connections of both families, listing and flushing them (IPv6 entries are counted, not listed).
ip netns add H
ip netns add P
ip link add h0 netns H type veth peer name p0 netns P
ip -n H link set lo up
ip -n P link set lo up
ip -n H link set h0 up
ip -n P link set p0 up
ip -n H addr add 10.0.0.1/24 dev h0
ip -n P addr add 10.0.0.2/24 dev p0
ip -n H addr add 2001:db8::1/64 dev h0 nodad
ip -n P addr add 2001:db8::2/64 dev p0 nodad
ip netns exec H nft add table inet filter
ip netns exec H nft add chain inet filter input '{ type filter hook input priority 0; policy drop; }'
ip netns exec H ping -4 -c 1 -W 1 10.0.0.2
ip netns exec H ping -6 -c 1 -W 1 2001:db8::2
ip netns exec H nft add rule inet filter input ct state established,related counter accept
ip netns exec H nft add rule inet filter input ct state invalid counter drop
ip netns exec H nft add rule inet filter input iif lo accept
ip netns exec H ping -4 -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec H ping -6 -c 1 -W 1 2001:db8::2
ip netns exec H nft add rule inet filter input icmpv6 type '{ nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert }' counter accept
# the resolution the last ping started (its advertisements dropped) still probes for 3 s: whether
# its next probe goes out before or after the rule above is the machine's speed; once it has
# failed, the next ping resolves afresh
sleep 3
ip netns exec H ping -6 -c 2 -i 0.2 -W 1 2001:db8::2
ip netns exec P ping -4 -c 1 -W 1 10.0.0.1
ip netns exec P ping -6 -c 1 -W 1 2001:db8::1
ip netns exec H nft add rule inet filter input meta nfproto ipv6 icmpv6 type echo-request counter accept
ip netns exec H nft add rule inet filter input ip protocol icmp icmp type echo-request counter accept
ip netns exec P ping -4 -c 1 -W 1 10.0.0.1
ip netns exec P ping -6 -c 1 -W 1 2001:db8::1
ip netns exec H nft add rule inet filter input tcp dport 8080 counter accept
ip netns exec H nc -l -k 8080 &
ip netns exec P nc -z -w 1 10.0.0.1 8080
ip netns exec P nc -z -w 1 10.0.0.1 8081
ip netns exec H nc -z -w 1 10.0.0.2 22
ip netns exec H nft list ruleset
ip netns exec H nft flush ruleset
ip netns exec H conntrack -F
ip netns exec H nft add table inet filter
ip netns exec H nft add chain inet filter input '{ type filter hook input priority 0; }'
ip netns exec H nft add rule inet filter input ct state established counter accept
ip netns exec H ping -c 1 -W 1 2001:db8::2
ip netns exec H ping -c 1 -W 1 10.0.0.2
ip netns exec H conntrack -C
ip netns exec H conntrack -L -f ipv4
ip netns exec H conntrack -L -s 10.0.0.1
ip netns exec H conntrack -F
ip netns exec H conntrack -C
ip netns exec H ping -c 1 -W 1 2001:db8::2
ip netns exec H nft list ruleset
