#!/bin/bash
# `ip rule` beyond from/to: `not`, `fwmark MARK[/MASK]`, `tos`, `goto` (forward only, an
# unresolved target passed over), `nop`, delete by selector or action, and `flush` (which keeps
# what has priority 0), with the lookups they steer (`ip route get … mark`), as the kernel does
# them (fib_rule_match, fib_rules_lookup). Policy routing tutorials mark flows with iptables and
# route them by mark; the mark here comes from `ip route get … mark`.
ip link add v0 type veth peer name v1
ip link add w0 type veth peer name w1
ip link set v0 up
ip link set w0 up
ip link set v1 up
ip link set w1 up
ip addr add 10.0.1.1/24 dev v0
ip addr add 10.0.2.1/24 dev w0
ip route add default via 10.0.1.2 table 101
ip route add default via 10.0.2.2 table 102
ip rule add fwmark 0x1 lookup 101 pref 100
ip rule add fwmark 0x2/0x3 table 102 pref 110
ip rule add fwmark 0 lookup 102 pref 120
ip rule add not from 10.0.0.0/8 lookup 101 pref 130
ip rule add tos 0x10 lookup 102 pref 140
ip rule add tos lowdelay lookup 102 pref 141
ip rule add from 10.9.0.0/16 goto 200 pref 150
ip rule add from 10.9.0.0/16 goto 300 pref 160
ip rule add from 10.9.0.0/16 goto 100 pref 170
ip rule add from 10.9.1.0/24 nop pref 200
ip rule add from 10.9.0.0/16 lookup 102 pref 210
ip rule add fwmark 0x1 lookup 101 pref 100
ip rule add fwmark 0x1/0xff lookup 101 pref 100
ip rule add fwmark nope lookup 101
ip rule add fwmark 1/nope lookup 101
ip rule add tos nope lookup 101
ip rule add goto nope
ip rule
ip -j rule show
ip -d rule show pref 100
ip route get 8.8.8.8
ip route get 8.8.8.8 mark 1
ip route get 8.8.8.8 mark 0x102
ip route get 8.8.8.8 mark 6
ip route get 8.8.8.8 mark 3
ip route get 8.8.8.8 from 10.0.1.1
ip route get 8.8.8.8 tos 0x10
ip route get 8.8.8.8 from 10.9.1.1 iif v1
ip route get 8.8.8.8 from 10.9.2.1 iif v1
ip rule add from 10.9.0.0/16 lookup 101 pref 300
ip rule
ip route get 8.8.8.8 from 10.9.1.1 iif v1
ip rule del pref 300
ip rule | grep unresolved
ip rule del fwmark 0x2/0x3
ip rule del fwmark 0x2/0x3
ip rule del from 10.0.0.0/8
ip rule del nop
ip rule del tos 0x10
ip rule del unreachable
ip rule
ip rule flush table 102
ip rule
ip rule add pref 0 from 10.7.0.0/16 lookup 101
ip rule flush
ip rule
ip route get 8.8.8.8 mark 1
ip -6 rule add from 2001:db8::/32 table 7 pref 50
ip -6 rule add to 2001:db8:1::/48 unreachable pref 60
ip -6 rule
ip -6 rule flush
ip -6 rule
