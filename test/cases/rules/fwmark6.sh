#!/bin/bash
# IPv6 policy routing by firewall mark (net/ipv6/fib6_rules.c over fib_rule_match): `ip -6 rule
# add fwmark M[/MASK] table T` listed with its mark and mask, refused twice, deleted by mark;
# `ip -6 route get … mark M` and iputils' `ping -6 -m M` (SO_MARK: the probe's and every
# packet's lookup) take table T, and ip6tables' OUTPUT `-m mark` sees the mark.
ip netns add h
ip netns add up1
ip netns add up2
ip link add a1 netns h type veth peer name b1 netns up1
ip link add a2 netns h type veth peer name b2 netns up2
for n in h up1 up2; do ip -n $n link set lo up; done
ip -n h link set a1 up
ip -n h link set a2 up
ip -n up1 link set b1 up
ip -n up2 link set b2 up
ip -n h -6 addr add 2001:db8:21:1::2/64 dev a1 nodad
ip -n h -6 addr add 2001:db8:21:2::2/64 dev a2 nodad
ip -n up1 -6 addr add 2001:db8:21:1::1/64 dev b1 nodad
ip -n up2 -6 addr add 2001:db8:21:2::1/64 dev b2 nodad
ip -n up1 -6 addr add 2001:db8:51::1/128 dev lo
ip -n up2 -6 addr add 2001:db8:51::1/128 dev lo
ip -n up1 -6 route add default via 2001:db8:21:1::2
ip -n up2 -6 route add default via 2001:db8:21:2::2
ip -n h -6 route add default via 2001:db8:21:1::1
ip -n h -6 route add default via 2001:db8:21:2::1 table 100
ip -n h -6 route add 2001:db8:52::/64 via 2001:db8:21:2::1 table 200
ip -n h -6 rule add fwmark 1 table 100
ip -n h -6 rule add fwmark 1 table 100
ip -n h -6 rule add fwmark 0x10/0xf0 table 200 pref 50
ip -n h -6 rule add fwmark 0x20/0xf0 lookup main pref 40
ip -n h -6 rule add fwmark 0 table 300 pref 60
ip -n h -6 rule
ip -n h -6 -j rule show
ip -n h -6 rule del fwmark 0 table 300
ip -n h -6 rule del fwmark 7
ip -n h -6 rule del pref 40 fwmark 0x20/0xf0
ip -n h -6 rule
ip -n h -6 route get 2001:db8:51::1
ip -n h -6 route get 2001:db8:51::1 mark 1
ip -n h -6 route get 2001:db8:51::1 mark 2
ip -n h -6 route get 2001:db8:52::1 mark 0x13
ip -n h -6 route get 2001:db8:51::1 mark 0x13
ip netns exec h ip6tables -A OUTPUT -m mark --mark 1 -p icmpv6 --icmpv6-type echo-request
ip netns exec up2 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request
ip netns exec up1 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request
ip netns exec h ping -6 -c 2 -W 1 2001:db8:51::1
ip netns exec h ping -6 -c 2 -W 1 -m 1 2001:db8:51::1
ip netns exec h ping -6 -c 1 -W 1 -m 2 2001:db8:51::1
ip netns exec h ping -6 -c 1 -W 1 -m 0x11 2001:db8:51::1
ip netns exec h ip6tables -L OUTPUT -n -v -x
ip netns exec up1 ip6tables -L INPUT -n -v -x
ip netns exec up2 ip6tables -L INPUT -n -v -x
ip netns exec h ping -6 -c 1 -m x 2001:db8:51::1
