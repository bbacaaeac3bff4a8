#!/bin/bash
# Every modelled match and target, listed every way: -S, -S -v, -L -n with -v, -x and
# --line-numbers, per chain and per rule, then -C/-D/-R/-I/-Z/-F/-X. (-L without -n resolves
# names through the resolver and so sends DNS queries: counters would count them.)
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/8 ! -d 192.168.1.0/24 -i eth+ -p icmp --icmp-type echo-request -j DROP
iptables -A INPUT -p udp --dport 53 -m comment --comment "dns here" -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 80,443 -j REJECT --reject-with tcp-reset
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m state --state NEW -j LOG --log-prefix "new: "
iptables -A INPUT -m addrtype --dst-type LOCAL -j RETURN
iptables -A INPUT -m mark --mark 0x1/0xff -j MARK --set-mark 2
iptables -A INPUT -m statistic --mode random --probability 0.33333 -j ACCEPT
iptables -A INPUT -m statistic --mode nth --every 3 --packet 0 -j ACCEPT
iptables -A INPUT -j REJECT
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
iptables -A INPUT -p tcp --sport 1000:2000 -j ACCEPT
iptables -N MYCHAIN
iptables -A INPUT -j MYCHAIN
iptables -A INPUT -g MYCHAIN
iptables -A MYCHAIN -j RETURN
iptables -P FORWARD DROP
iptables -A FORWARD -m physdev --physdev-in veth1 --physdev-is-bridged -j ACCEPT
iptables -A FORWARD -p icmp -j ACCEPT
iptables -A FORWARD -p 47 -j ACCEPT
iptables -A FORWARD -o br+ -j ACCEPT
iptables -A FORWARD -i lo -o eth0 -s 1.2.3.4/255.0.255.0 -j ACCEPT
iptables -A FORWARD -s 10.1.2.3/8 -j ACCEPT
iptables -A FORWARD -s 10.17.2.3/12 -j ACCEPT
iptables -A FORWARD -s 10.0.0.1,10.0.0.2 -d 1.1.1.1 -j ACCEPT
iptables -A FORWARD -d localhost -j ACCEPT
iptables -A FORWARD -p tcp ! --dport 22 -j ACCEPT
iptables -A FORWARD -p udp -m udp --sport 68 --dport 67 -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP
iptables -A FORWARD -m conntrack ! --ctstate NEW --ctstatus ASSURED --ctorigdst 10.0.0.0/8 --ctdir REPLY -j ACCEPT
iptables -A FORWARD -p icmp --icmp-type 3/4 -j ACCEPT
iptables -A FORWARD -p icmp ! --icmp-type any -j ACCEPT
iptables -A FORWARD -m comment --comment simple -j ACCEPT
iptables -A FORWARD -m comment --comment 'has "quotes"' -j ACCEPT
iptables -A FORWARD -j LOG --log-level info --log-uid
iptables -A FORWARD -j MARK --or-mark 4
iptables -A FORWARD -j MARK --and-mark 0xff
iptables -A FORWARD -j MARK --xor-mark 1
iptables -A FORWARD -j MARK --set-xmark 1/3
iptables -A FORWARD -j CONNMARK --restore-mark
iptables -A FORWARD -j CONNMARK --set-mark 5
iptables -A FORWARD -m connmark --mark 5 -j ACCEPT
iptables -A FORWARD -m addrtype --src-type LOCAL,UNICAST --limit-iface-out -j ACCEPT
iptables -A FORWARD -f -j DROP
iptables -A FORWARD ! -i eth0 ! -o eth1 -j ACCEPT
iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.2:8080
iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -A POSTROUTING -o eth1 -j SNAT --to-source 1.2.3.4-1.2.3.10 --persistent
iptables -t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 8080
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1000-2000 --random
iptables -t nat -A POSTROUTING -s 172.16.0.0/24 ! -o br0 -j MASQUERADE
iptables -t nat -A OUTPUT -d 10.96.0.1 -j DNAT --to-destination 10.0.0.5
iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 10.0.0.5:53-54
iptables -t mangle -A PREROUTING -j CONNMARK --save-mark
iptables -t raw -A PREROUTING -j ACCEPT
iptables -S
iptables -t nat -S
iptables -t mangle -S
iptables -t raw -S
iptables -L -n -v --line-numbers
iptables -L -n -v -x
iptables -L -n
iptables -L -v -n
iptables -t nat -L -n
iptables -t nat -L -n
iptables -t nat -L -n -v
iptables -t mangle -L -n
iptables -L FORWARD 3
iptables -S FORWARD 3
iptables -S FORWARD
iptables -L MYCHAIN -n
iptables -S -v
iptables -t nat -S POSTROUTING -v
iptables -C FORWARD -p icmp -j ACCEPT
iptables -C FORWARD -p icmp -j DROP
iptables -D FORWARD -p icmp -j ACCEPT
iptables -D FORWARD 1
iptables -R FORWARD 1 -j DROP
iptables -R FORWARD 100 -j DROP
iptables -D FORWARD 100
iptables -I FORWARD 2 -j ACCEPT
iptables -Z FORWARD 2
iptables -L FORWARD -n --line-numbers
iptables -F FORWARD
iptables -S FORWARD
iptables -Z
iptables -F
iptables -X
iptables -S
