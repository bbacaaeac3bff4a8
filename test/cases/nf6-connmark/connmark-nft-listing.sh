#!/bin/bash
# How nft lists the connection-mark rules iptables-nft and ip6tables-nft write (CONNMARK
# --set-mark, --restore-mark and --save-mark, -m connmark) beside its own (ct mark set, ct
# mark, meta mark set ct mark), and how iptables -S gives them back.
ip netns add r
ip netns exec r iptables -t mangle -A PREROUTING -p tcp --dport 80 -j CONNMARK --set-mark 0x1
ip netns exec r iptables -t mangle -A PREROUTING -m connmark --mark 0x1 -j MARK --set-mark 0x2
ip netns exec r iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark
ip netns exec r iptables -t mangle -A POSTROUTING -j CONNMARK --save-mark
ip netns exec r ip6tables -t mangle -A PREROUTING -m connmark ! --mark 0x3 -j CONNMARK --set-mark 0x3
ip netns exec r ip6tables -t mangle -A PREROUTING -j CONNMARK --restore-mark
ip netns exec r iptables -t mangle -S
ip netns exec r ip6tables -t mangle -S
ip netns exec r nft add table inet t
ip netns exec r nft 'add chain inet t c { type filter hook prerouting priority -150; }'
ip netns exec r nft add rule inet t c tcp dport 80 ct mark set 0x1
ip netns exec r nft add rule inet t c ct mark 0x1 meta mark set ct mark
ip netns exec r nft add rule inet t c ct mark != 0x2 counter
ip netns exec r nft list ruleset
