#!/bin/bash
# iptables (nf_tables backend) refusals: missing chains and rules, indexes, policies, the nat
# table and DROP, unknown tables, targets, matches, ports, addresses, options in the wrong
# place, and what a failed command leaves behind.
iptables -A NOPE -j ACCEPT
iptables -D INPUT -s 1.2.3.4 -j ACCEPT
iptables -D INPUT 1
iptables -I INPUT 5 -j ACCEPT
iptables -R INPUT 1 -j ACCEPT
iptables -N INPUT
iptables -N foo
iptables -N foo
iptables -X bar
iptables -X INPUT
iptables -A INPUT -j foo
iptables -X foo
iptables -P foo DROP
iptables -P INPUT BLAH
iptables -P INPUT RETURN
iptables -t nat -P PREROUTING DROP
iptables -t nat -A PREROUTING -j DROP
iptables -t bogus -L
iptables -A INPUT -j NOSUCHTARGET
iptables -A INPUT -m nosuchmatch -j ACCEPT
iptables -A INPUT -p tcp --dport 99999 -j ACCEPT
iptables -A INPUT --dport 80 -j ACCEPT
iptables -A INPUT -s 10.0.0.300 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/33 -j ACCEPT
iptables -A INPUT -o eth0 -j ACCEPT
iptables -A OUTPUT -i eth0 -j ACCEPT
iptables -A INPUT -s 1.1.1.1 -s 2.2.2.2 -j ACCEPT
iptables -A INPUT -p foo -j ACCEPT
iptables -A INPUT -j ACCEPT extra
iptables
iptables -L FOO
iptables -S FOO
iptables -F FOO
iptables -C INPUT -j ACCEPT
iptables -E foo bar
iptables -E nonexist bar2
iptables -A INPUT -p icmp --icmp-type bogus -j ACCEPT
iptables -A INPUT -m conntrack --ctstate BOGUS -j ACCEPT
iptables -A INPUT -j REJECT --reject-with bogus
iptables -A FORWARD -j MASQUERADE
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4
iptables -t nat -A PREROUTING -j DNAT
iptables -A INPUT -s
iptables -A
iptables -Q
iptables --foo
iptables -A INPUT ! -j ACCEPT
iptables -A INPUT -m comment -j ACCEPT
iptables -L -n -v -x
iptables -X
iptables -F
iptables -Z
