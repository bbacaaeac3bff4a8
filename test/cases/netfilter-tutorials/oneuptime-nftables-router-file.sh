#!/bin/bash
# Adapted from "NAT masquerade with nftables", OneUptime blog (2026-03-20), its full
# configuration file, https://oneuptime.com/blog/post/2026-03-20-nat-masquerade-nftables/view
# `flush ruleset`; table ip nat with a postrouting nat chain masquerading out of eth0 (WAN);
# table inet filter whose input chain drops by policy, accepting lo and established traffic,
# and whose forward chain lets the LAN (eth1) out and established traffic back. Changes: loaded
# with `nft -f -` from a here-document in the router namespace; LAN and WAN hosts are
# namespaces; the input chain accepts ICMP echo requests from the LAN so the router can be
# pinged (the stored page cuts off there); pings and the listing.
ip netns add lan
ip netns add gw
ip netns add wan
ip link add eth1 netns gw type veth peer name eth0 netns lan
ip link add eth0 netns gw type veth peer name eth0 netns wan
ip -n lan addr add 192.168.1.10/24 dev eth0
ip -n gw addr add 192.168.1.1/24 dev eth1
ip -n gw addr add 100.64.0.2/24 dev eth0
ip -n wan addr add 100.64.0.1/24 dev eth0
ip -n lan link set eth0 up
ip -n gw link set eth1 up
ip -n gw link set eth0 up
ip -n gw link set lo up
ip -n wan link set eth0 up
ip -n lan route add default via 192.168.1.1
ip netns exec gw sysctl -w net.ipv4.ip_forward=1
ip netns exec gw nft -f - <<'NFT'
flush ruleset
table ip nat {
	chain postrouting {
		type nat hook postrouting priority 100; policy accept;
		oif "eth0" masquerade
	}
}
table inet filter {
	chain input {
		type filter hook input priority 0; policy drop;
		iif lo accept
		ct state established,related accept
		iif "eth1" icmp type echo-request accept
	}
	chain forward {
		type filter hook forward priority 0; policy drop;
		iif "eth1" oif "eth0" ct state new,established,related accept
		iif "eth0" oif "eth1" ct state established,related accept
	}
}
NFT
ip netns exec lan ping -c 1 -W 1 192.168.1.1
ip netns exec lan ping -c 1 -W 1 100.64.0.1
ip netns exec wan ping -c 1 -W 1 100.64.0.2
ip netns exec wan ping -c 1 -W 1 192.168.1.10
ip netns exec gw nft list ruleset
