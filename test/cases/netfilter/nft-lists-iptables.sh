#!/bin/bash
# iptables rules as nft lists them (iptables-nft's expressions and the xtables translations,
# with nft's warning on stderr), an nft rule in an iptables chain, and nft flush ruleset
# removing iptables-nft's tables.
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/8 ! -d 192.168.1.0/24 -i eth+ -p icmp --icmp-type echo-request -j DROP
iptables -A INPUT -p udp --dport 53 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 80,443 -j REJECT --reject-with tcp-reset
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m state --state NEW -j LOG --log-prefix "new: "
iptables -A INPUT -m addrtype --dst-type LOCAL -j RETURN
iptables -A INPUT -m mark --mark 0x1/0xff -j MARK --set-mark 2
iptables -A INPUT -m statistic --mode random --probability 0.33333 -j ACCEPT
iptables -A INPUT -m statistic --mode nth --every 3 --packet 0 -j ACCEPT
iptables -A INPUT -j REJECT
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p tcp --sport 1000:2000 -j ACCEPT
iptables -N MYCHAIN
iptables -A INPUT -j MYCHAIN
iptables -A INPUT -g MYCHAIN
iptables -A MYCHAIN -j RETURN
iptables -P FORWARD DROP
iptables -A FORWARD -p icmp -j ACCEPT
iptables -A FORWARD -p 47 -j ACCEPT
iptables -A FORWARD -o br+ -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -j ACCEPT
iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.2:8080
iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 8080
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1000-2000 --random
iptables -t nat -A POSTROUTING -s 172.16.0.0/24 ! -o br0 -j MASQUERADE
iptables -t nat -A OUTPUT -d 10.96.0.1 -j DNAT --to-destination 10.0.0.5
iptables -t mangle -A PREROUTING -j CONNMARK --save-mark
iptables -t raw -A PREROUTING -j ACCEPT
nft list ruleset
nft -a list ruleset
nft list table ip raw
nft -s list table ip filter
nft list chain ip nat POSTROUTING
nft add rule ip filter MYCHAIN counter accept
iptables -S MYCHAIN
nft flush ruleset
iptables -S
nft list ruleset
