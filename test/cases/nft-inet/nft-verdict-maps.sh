#!/bin/bash
# nftables verdict maps, as the nftables wiki's "Simple ruleset for a workstation/server" opens
# its input chain (`ct state vmap { established : accept, related : accept, invalid : drop }`,
# https://wiki.nftables.org/wiki-nftables/index.php/Simple_ruleset_for_a_workstation) and its
# "Verdict maps" page dispatches ports and addresses: the packet's key picks the verdict, a key
# without an entry passes the rule by; a jump to a chain that does not exist is refused at the
# entry that names it.
ip netns add fw
ip netns add cl
ip link add c0 netns cl type veth peer name f0 netns fw
ip -n cl addr add 10.6.0.2/24 dev c0
ip -n cl addr add 10.6.0.3/24 dev c0
ip -n fw addr add 10.6.0.1/24 dev f0
ip -n cl link set c0 up
ip -n fw link set f0 up
ip -n fw link set lo up
ip netns exec fw nft add table inet filter
ip netns exec fw nft add chain inet filter input '{ type filter hook input priority 0; policy drop; }'
ip netns exec fw nft add rule inet filter input ct state vmap { established : accept, related : accept, invalid : drop }
ip netns exec fw nft add rule inet filter input iif lo accept
ip netns exec fw nft add rule inet filter input tcp dport vmap { 22 : accept, 23 : drop, 8000-8080 : jump web }
ip netns exec fw nft add chain inet filter web
ip netns exec fw nft add rule inet filter web counter accept
ip netns exec fw nft add rule inet filter input tcp dport vmap { 22 : accept, 23 : drop, 8000-8080 : jump web }
ip netns exec fw nft add rule inet filter input ip saddr vmap { 10.6.0.2 : accept, 10.6.0.4 : continue, 192.168.0.0/16 : drop }
ip netns exec fw nft -a list ruleset
ip netns exec cl ping -c1 -W1 -I 10.6.0.2 10.6.0.1
ip netns exec cl ping -c1 -W1 -I 10.6.0.3 10.6.0.1
ip netns exec fw python3 -m http.server 8000 --bind 10.6.0.1 >/dev/null 2>&1 &
sleep 1
ip netns exec fw nft delete rule inet filter input handle 8
ip netns exec cl curl -s -m 2 -o /dev/null -w '%{http_code}\n' http://10.6.0.1:8000/
ip netns exec cl nc -z -w 2 10.6.0.1 23; echo "nc exit $?"
ip netns exec cl nc -z -w 2 10.6.0.1 22; echo "nc exit $?"
ip netns exec fw nft list chain inet filter web
ip -all netns delete
