#!/bin/bash
# ip6tables' own words (1.8.9, both backends): IPv6 addresses with a prefix or a mask that is
# not one, lists of them, the icmp6 match by name, number and code range, every
# --reject-with of IPv6, and how -S, -L (-n, -v, --line-numbers), ip6tables-save and
# ip6tables-restore print and refuse them — IPv4 addresses, IPv4's reject types and icmp
# options, -f, -4, masks over 128, a TCP reset for a rule that is not -p tcp.
ip netns add n
ip netns exec n ip6tables -A INPUT -s 2001:db8::1 -p icmpv6 --icmpv6-type echo-request -j DROP
ip netns exec n ip6tables -A INPUT -s 2001:db8::/64 ! -d fe80::/10 -i eth0 -p tcp --dport 22 -j REJECT
ip netns exec n ip6tables -A INPUT -p udp --sport 53 -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec n ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
ip netns exec n ip6tables -A FORWARD -p ipv6-icmp -j ACCEPT
ip netns exec n ip6tables -A FORWARD -p icmp -j ACCEPT
ip netns exec n ip6tables -N FOO
ip netns exec n ip6tables -A OUTPUT -d 2001:db8::5/128 -j FOO
ip netns exec n ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/3 -j ACCEPT
ip netns exec n ip6tables -A INPUT -p icmpv6 ! --icmpv6-type neighbour-solicitation -j ACCEPT
ip netns exec n ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/3:4 -j DROP
ip netns exec n ip6tables -A INPUT -p icmpv6 -m icmp6 --icmpv6-type 2 -j LOG --log-prefix "x "
ip netns exec n ip6tables -A INPUT -p 58 -m icmpv6 --icmpv6-type router-advertisement -j ACCEPT
ip netns exec n ip6tables -A INPUT -j REJECT --reject-with icmp6-
ip netns exec n ip6tables -A INPUT -j REJECT --reject-with POL
ip netns exec n ip6tables -A INPUT -p icmp -j REJECT --reject-with addr
ip netns exec n ip6tables -A INPUT -s 2001:db8::1/64 -j ACCEPT
ip netns exec n ip6tables -A INPUT -s 2001:db8::/ffff:0:ffff:: -j ACCEPT
ip netns exec n ip6tables -A INPUT -s ::ffff:10.0.0.1 -j ACCEPT
ip netns exec n ip6tables -A INPUT -s 2001:db8::7,2001:db8::8 -d 2001:db8:1::/56 -j RETURN
ip netns exec n ip6tables -S
ip netns exec n ip6tables -L -n -v
ip netns exec n ip6tables -L
ip netns exec n ip6tables -L -n --line-numbers
ip netns exec n ip6tables -L INPUT 3 -n
ip netns exec n ip6tables -S INPUT 2
ip netns exec n ip6tables -C INPUT -p tcp -j REJECT --reject-with tcp-reset
ip netns exec n ip6tables -C INPUT -p tcp -j REJECT
ip netns exec n ip6tables -D INPUT -s 2001:db8::8 -d 2001:db8:1::/56 -j RETURN
ip netns exec n ip6tables -D INPUT 5
ip netns exec n ip6tables-save | grep -v '^#'
ip netns exec n ip6tables -A INPUT -s 10.0.0.1 -j DROP
ip netns exec n ip6tables -A INPUT -j REJECT --reject-with icmp-port-unreachable
ip netns exec n ip6tables -A INPUT -p icmp --icmp-type 8 -j DROP
ip netns exec n ip6tables -A INPUT -p icmpv6 --icmpv6-type ech -j DROP
ip netns exec n ip6tables -A INPUT -p icmpv6 --icmpv6-type 300 -j DROP
ip netns exec n ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/foo -j DROP
ip netns exec n ip6tables -A INPUT -p icmpv6 --icmpv6-type 1:3 -j DROP
ip netns exec n ip6tables -A INPUT -p icmpv6 --icmpv6-type any -j DROP
ip netns exec n ip6tables -A INPUT -j REJECT --reject-with tcp-reset
ip netns exec n ip6tables -A INPUT -p udp --dport 53 -j REJECT --reject-with tcp-reset
ip netns exec n ip6tables -A INPUT -s ::1 -d localhost -j ACCEPT
ip netns exec n ip6tables -A INPUT -s 2001:zz::1 -j ACCEPT
ip netns exec n ip6tables -A INPUT -s 2001:db8::/129 -j DROP
ip netns exec n ip6tables -A INPUT -f -j DROP
ip netns exec n ip6tables -4 -A INPUT -j DROP
ip netns exec n ip6tables -6 -A INPUT -j DROP
ip netns exec n ip6tables -t nat -A POSTROUTING -j DROP
ip netns exec n ip6tables -t foo -A PREROUTING -j DROP
ip netns exec n ip6tables -P INPUT FOO
ip netns exec n ip6tables -V
ip netns exec n ip6tables -t raw -A PREROUTING -p udp -j DROP
ip netns exec n ip6tables -t mangle -A POSTROUTING -d ff02::/16 -j ACCEPT
ip netns exec n ip6tables -t raw -S
ip netns exec n ip6tables -t mangle -L -n
ip netns exec n ip6tables-legacy -t foo -A PREROUTING -j DROP
ip netns exec n ip6tables-legacy -A INPUT -s 2001:db8::1 -j DROP
ip netns exec n ip6tables-legacy -A INPUT -p udp --dport 53 -j REJECT --reject-with tcp-reset
ip netns exec n ip6tables-legacy -A INPUT -p tcp ! --syn -j REJECT --reject-with tcp-reset
ip netns exec n ip6tables-legacy -L FOO
ip netns exec n ip6tables-legacy -S
ip netns exec n ip6tables-legacy -L -n -v
ip netns exec n ip6tables -S INPUT
ip netns exec n ip6tables -L FOO
ip netns exec n ip6tables-legacy -V
ip netns exec n ip6tables-save -V
ip netns exec n ip6tables-restore -V
ip netns exec n ip6tables-legacy-restore -V
ip netns exec n ip6tables-legacy-save -V
printf '*filter\n-A INPUT -s 2001:db8::9 -j DROP\nCOMMIT\n' | ip netns exec n ip6tables-restore --noflush
printf '*filter\n-A INPUT -s 10.0.0.9 -j DROP\nCOMMIT\n' | ip netns exec n ip6tables-restore --noflush
printf '*filter\n:FOO - [0:0]\n-A OUTPUT -d 2001:db8::9 -j FOO\nCOMMIT\n' | ip netns exec n ip6tables-legacy-restore
ip netns exec n ip6tables-legacy-save | grep -v '^#'
ip netns exec n ip6tables-save -t filter | grep -v '^#'
ip netns exec n iptables -S
