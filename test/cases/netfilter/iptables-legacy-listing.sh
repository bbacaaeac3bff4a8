#!/bin/bash
# The same rules and listings through iptables-legacy (x_tables): all builtin chains exist
# from the first command on.
iptables-legacy -A INPUT -s 10.0.0.1 -j ACCEPT
iptables-legacy -A INPUT -s 10.0.0.0/8 ! -d 192.168.1.0/24 -i eth+ -p icmp --icmp-type echo-request -j DROP
iptables-legacy -A INPUT -p udp --dport 53 -m comment --comment "dns here" -j ACCEPT
iptables-legacy -A INPUT -p tcp -m multiport --dports 80,443 -j REJECT --reject-with tcp-reset
iptables-legacy -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables-legacy -A INPUT -m state --state NEW -j LOG --log-prefix "new: "
iptables-legacy -A INPUT -m addrtype --dst-type LOCAL -j RETURN
iptables-legacy -A INPUT -m mark --mark 0x1/0xff -j MARK --set-mark 2
iptables-legacy -A INPUT -m statistic --mode random --probability 0.33333 -j ACCEPT
iptables-legacy -A INPUT -m statistic --mode nth --every 3 --packet 0 -j ACCEPT
iptables-legacy -A INPUT -j REJECT
iptables-legacy -A INPUT -p tcp --syn -j ACCEPT
iptables-legacy -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
iptables-legacy -A INPUT -p tcp --sport 1000:2000 -j ACCEPT
iptables-legacy -N MYCHAIN
iptables-legacy -A INPUT -j MYCHAIN
iptables-legacy -A INPUT -g MYCHAIN
iptables-legacy -A MYCHAIN -j RETURN
iptables-legacy -P FORWARD DROP
iptables-legacy -A FORWARD -m physdev --physdev-in veth1 --physdev-is-bridged -j ACCEPT
iptables-legacy -A FORWARD -p icmp -j ACCEPT
iptables-legacy -A FORWARD -p 47 -j ACCEPT
iptables-legacy -A FORWARD -o br+ -j ACCEPT
iptables-legacy -A FORWARD -i lo -o eth0 -s 1.2.3.4/255.0.255.0 -j ACCEPT
iptables-legacy -A FORWARD -s 10.1.2.3/8 -j ACCEPT
iptables-legacy -A FORWARD -s 10.17.2.3/12 -j ACCEPT
iptables-legacy -A FORWARD -s 10.0.0.1,10.0.0.2 -d 1.1.1.1 -j ACCEPT
iptables-legacy -A FORWARD -d localhost -j ACCEPT
iptables-legacy -A FORWARD -p tcp ! --dport 22 -j ACCEPT
iptables-legacy -A FORWARD -p udp -m udp --sport 68 --dport 67 -j ACCEPT
iptables-legacy -A FORWARD -m conntrack --ctstate INVALID -j DROP
iptables-legacy -A FORWARD -m conntrack ! --ctstate NEW --ctstatus ASSURED --ctorigdst 10.0.0.0/8 --ctdir REPLY -j ACCEPT
iptables-legacy -A FORWARD -p icmp --icmp-type 3/4 -j ACCEPT
iptables-legacy -A FORWARD -p icmp ! --icmp-type any -j ACCEPT
iptables-legacy -A FORWARD -m comment --comment simple -j ACCEPT
iptables-legacy -A FORWARD -m comment --comment 'has "quotes"' -j ACCEPT
iptables-legacy -A FORWARD -j LOG --log-level info --log-uid
iptables-legacy -A FORWARD -j MARK --or-mark 4
iptables-legacy -A FORWARD -j MARK --and-mark 0xff
iptables-legacy -A FORWARD -j MARK --xor-mark 1
iptables-legacy -A FORWARD -j MARK --set-xmark 1/3
iptables-legacy -A FORWARD -j CONNMARK --restore-mark
iptables-legacy -A FORWARD -j CONNMARK --set-mark 5
iptables-legacy -A FORWARD -m connmark --mark 5 -j ACCEPT
iptables-legacy -A FORWARD -m addrtype --src-type LOCAL,UNICAST --limit-iface-out -j ACCEPT
iptables-legacy -A FORWARD -f -j DROP
iptables-legacy -A FORWARD ! -i eth0 ! -o eth1 -j ACCEPT
iptables-legacy -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.2:8080
iptables-legacy -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables-legacy -t nat -A POSTROUTING -o eth1 -j SNAT --to-source 1.2.3.4-1.2.3.10 --persistent
iptables-legacy -t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 8080
iptables-legacy -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1000-2000 --random
iptables-legacy -t nat -A POSTROUTING -s 172.16.0.0/24 ! -o br0 -j MASQUERADE
iptables-legacy -t nat -A OUTPUT -d 10.96.0.1 -j DNAT --to-destination 10.0.0.5
iptables-legacy -t nat -A PREROUTING -p udp -j DNAT --to-destination 10.0.0.5:53-54
iptables-legacy -t mangle -A PREROUTING -j CONNMARK --save-mark
iptables-legacy -t raw -A PREROUTING -j ACCEPT
iptables-legacy -S
iptables-legacy -t nat -S
iptables-legacy -t mangle -S
iptables-legacy -t raw -S
iptables-legacy -L -n -v --line-numbers
iptables-legacy -L -n -v -x
iptables-legacy -L -n
iptables-legacy -L -v -n
iptables-legacy -t nat -L -n
iptables-legacy -t nat -L -n
iptables-legacy -t nat -L -n -v
iptables-legacy -t mangle -L -n
iptables-legacy -L FORWARD 3
iptables-legacy -S FORWARD 3
iptables-legacy -S FORWARD
iptables-legacy -L MYCHAIN -n
iptables-legacy -S -v
iptables-legacy -t nat -S POSTROUTING -v
iptables-legacy -C FORWARD -p icmp -j ACCEPT
iptables-legacy -C FORWARD -p icmp -j DROP
iptables-legacy -D FORWARD -p icmp -j ACCEPT
iptables-legacy -D FORWARD 1
iptables-legacy -R FORWARD 1 -j DROP
iptables-legacy -R FORWARD 100 -j DROP
iptables-legacy -D FORWARD 100
iptables-legacy -I FORWARD 2 -j ACCEPT
iptables-legacy -Z FORWARD 2
iptables-legacy -L FORWARD -n --line-numbers
iptables-legacy -F FORWARD
iptables-legacy -S FORWARD
iptables-legacy -Z
iptables-legacy -F
iptables-legacy -X
iptables-legacy -S
