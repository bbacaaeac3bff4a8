#!/bin/bash
# An /etc/nftables.conf-style file written by the script and loaded with `nft -f FILE`, as the
# nftables wiki's "Simple ruleset for a workstation" and its "Scripting" page write them
# (https://wiki.nftables.org/wiki-nftables/index.php/Scripting: `define`, `$NAME`, sets of
# ports, a named set declared in the table block): the variables, the handles nft gives chains,
# sets and rules, an error that names the file and its line, and an iptables-restore of a file.
ip netns add fw
ip netns add cl
ip link add c0 netns cl type veth peer name f0 netns fw
ip -n cl addr add 10.7.0.2/24 dev c0
ip -n fw addr add 10.7.0.1/24 dev f0
ip -n cl link set c0 up
ip -n fw link set f0 up
ip -n fw link set lo up
cat > /tmp/fw.nft <<'NFT'
#!/usr/sbin/nft -f
flush ruleset

define lan = 10.7.0.0/24
define web = { 80, 443 }
define admin = { 22, $web }

table inet filter {
	set blocked {
		type ipv4_addr
		flags interval
		elements = { 192.0.2.0/24 }
	}
	chain input {
		type filter hook input priority filter; policy drop;
		ct state established,related accept
		iif lo accept
		ip saddr @blocked drop
		ip saddr $lan tcp dport $admin accept
		ip saddr $lan icmp type echo-request limit rate 2/second accept
		ip saddr != $lan log prefix "not lan: " counter
	}
}
NFT
ip netns exec fw nft -f /tmp/fw.nft
ip netns exec fw nft -a list ruleset
ip netns exec cl ping -c 3 -i 0.2 -W 1 10.7.0.1
ip netns exec fw nc -l 443 >/dev/null &
sleep 0.3
ip netns exec cl nc -z -v -w 1 10.7.0.1 443
ip netns exec cl nc -z -v -w 1 10.7.0.1 8080
cat > /tmp/bad.nft <<'NFT'
table inet t {
	chain c {
		type filter hook input priority 0;
		ip saddr $nowhere drop
		tcp dport 22 accept
	}
}
NFT
ip netns exec fw nft -f /tmp/bad.nft
ip netns exec fw nft list tables
printf '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.7.0.2 -p icmp -j DROP\nCOMMIT\n' > /tmp/rules.v4
ip netns exec cl iptables-restore /tmp/rules.v4
ip netns exec cl iptables -S
