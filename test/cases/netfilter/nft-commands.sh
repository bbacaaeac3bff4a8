#!/bin/bash
# nft from the command line: tables, base chains with priorities by name and number, rules of
# every modelled statement (printed as nft normalises them), handles (a refused jump still
# spends one), insert/replace/delete by handle, and nft's errors with their carets.
nft list ruleset
nft add table inet fw
nft add chain inet fw input '{ type filter hook input priority 0; policy drop; }'
nft add rule inet fw input ct state established,related accept
nft add rule inet fw input iif lo accept
nft add rule inet fw input ip saddr 10.0.0.0/8 tcp dport '{ 22, 80 }' counter accept
nft add rule inet fw input icmp type echo-request accept
nft list ruleset
nft -a list ruleset
nft add table ip nat
nft add chain ip nat postrouting '{ type nat hook postrouting priority 100 ; }'
nft add rule ip nat postrouting oifname "eth0" masquerade
nft add rule ip nat postrouting ip saddr 10.0.0.0/24 snat to 1.2.3.4
nft add chain ip nat prerouting '{ type nat hook prerouting priority dstnat; }'
nft add rule ip nat prerouting ip daddr 1.2.3.4 dnat to 10.0.0.5
nft list table ip nat
nft list chain inet fw input
nft list tables
nft add rule inet fw nosuch accept
nft add rule inet nope input accept
nft delete table inet nope
nft add chain inet fw input
nft list ruleset
nft flush ruleset
nft list ruleset
nft add table ip t
nft add chain ip t c1 '{ type filter hook forward priority 10; }'
nft add chain ip t c2 '{ type filter hook forward priority -5; policy accept; }'
nft add chain ip t c3 '{ type filter hook output priority mangle; }'
nft add chain ip t c4 '{ type nat hook output priority -100; }'
nft add chain ip t c5 '{ type filter hook prerouting priority raw; }'
nft add chain ip t user
nft add rule ip t user meta l4proto tcp tcp dport 80 accept
nft add rule ip t user ip protocol icmp accept
nft add rule ip t user ip protocol tcp tcp dport 22 drop
nft add rule ip t user tcp dport 1000-2000 drop
nft add rule ip t user udp sport '{ 53, 67-68 }' drop
nft add rule ip t user ip daddr != '{ 10.0.0.1, 10.0.0.2 }' drop
nft add rule ip t user ip daddr 10.1.2.3/8 drop
nft add rule ip t user iifname "eth*" oifname != "lo" drop
nft add rule ip t user meta mark 0x1 meta mark set 0x2
nft add rule ip t user ct mark 1 ct mark set 2
nft add rule ip t user log prefix '"hi "' drop
nft add rule ip t user reject with icmp type host-prohibited
nft add rule ip t user reject
nft add rule ip t user jump c1
nft add rule ip t user goto user
nft add rule ip t user icmp type '{ echo-request, echo-reply }' accept
nft add rule ip t user ct state new,invalid drop
nft insert rule ip t user position 5 drop
nft add rule ip t user handle 5 accept
nft list table ip t
nft -a list chain ip t user
nft delete rule ip t user handle 5
nft replace rule ip t user handle 6 accept
nft delete rule ip t user handle 9
nft insert rule ip t user handle 10 counter accept
nft add rule ip t user handle 10 counter drop
nft -a list chain ip t user
nft delete chain ip t user
nft delete chain ip t c1
nft list tables
nft list table ip nope
nft add chain ip nope c
nft add chain ip t c2
nft create chain ip t c2
nft create table ip t
nft delete chain ip t nosuch
nft list chain ip t nosuch
nft flush chain ip t nosuch
nft flush table ip t
nft list ruleset
nft delete table ip t
nft delete table ip t
nft add table t2
nft list table t2
nft add chain t2 base '{ type filter hook input priority 0; policy drop; }'
nft add chain t2 base '{ policy accept; }'
nft -n list ruleset
nft
nft -x
# a keyword is no chain name: not modelled, skipped in both modes
nft add chain ip t2 fwd
# nft's guesses at a misspelt table or chain
nft add table ip abcdef
nft add rule ip xyz c accept
nft add chain ip xyz c
nft list table ip xyz
nft add table inet fw
nft add chain inet fw input
nft add rule ip xyz c accept
nft add rule inet xyz input accept
nft add rule inet fw inptu accept
nft add chain inet xyz c
nft list table ip zz
nft list table inet xyzw
nft delete table ip abcdeg
nft delete chain inet fw inpt
nft flush chain inet fx input
