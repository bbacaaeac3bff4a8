#!/bin/bash
# An nftables.conf-style ruleset read with `nft -f -`, as the Debian wiki's and the nftables
# wiki's "simple ruleset" examples write one (https://wiki.nftables.org/wiki-nftables/index.php/Simple_ruleset_for_a_server):
# named sets declared inside the table block, with their elements, and rules testing them.
ip netns add srv
ip netns add cl
ip link add c0 netns cl type veth peer name s0 netns srv
ip -n cl addr add 192.0.2.10/24 dev c0
ip -n cl addr add 192.0.2.11/24 dev c0
ip -n srv addr add 192.0.2.1/24 dev s0
ip -n cl link set c0 up
ip -n srv link set s0 up
ip -n srv link set lo up
ip netns exec srv nft -f - <<'NFT'
flush ruleset
table inet filter {
	set admins {
		type ipv4_addr
		elements = { 192.0.2.10, 198.51.100.7 }
	}
	set services {
		type inet_service
		flags interval
		elements = { 22, 80, 443, 8000-8100 }
	}
	chain input {
		type filter hook input priority 0; policy drop;
		ct state established,related accept
		iif "lo" accept
		ip saddr @admins icmp type echo-request accept
		tcp dport @services accept
	}
}
NFT
ip netns exec srv nft list ruleset
ip netns exec cl ping -c1 -W1 -I 192.0.2.10 192.0.2.1
ip netns exec cl ping -c1 -W1 -I 192.0.2.11 192.0.2.1
ip netns exec srv nft add element inet filter admins '{ 192.0.2.11 }'
ip netns exec cl ping -c1 -W1 -I 192.0.2.11 192.0.2.1
ip netns exec srv nft list set inet filter services
ip -all netns delete
