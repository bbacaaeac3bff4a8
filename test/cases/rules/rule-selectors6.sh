#!/bin/bash
# The rule actions and selectors IPv6 rules share with IPv4 (net/core/fib_rules.c, fib6_rules.c):
# `not` inverts a rule, `goto` jumps to the first rule of a later priority (a backward one is
# refused; one whose target is missing is listed `[unresolved]` and passed over), `nop` does
# nothing, `suppress_prefixlength` passes over a route found with too short a prefix
# (fib6_rule_suppress); deletes by action; `ip -6 rule flush`.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
for d in v1 v2 p1 p2; do ip link set $d up; done
ip -6 addr add 2001:db8:1::1/64 dev v1 nodad
ip -6 addr add 2001:db8:2::1/64 dev v2 nodad
ip -6 route add default via 2001:db8:1::2 table 100
ip -6 route add 2001:db8:77::/64 via 2001:db8:2::2 table 200
ip -6 route add default via 2001:db8:2::2
ip -6 rule add not from 2001:db8:1::/64 table 100 pref 100
ip -6 rule add from 2001:db8:9::/64 goto 300 pref 90
ip -6 rule add from 2001:db8:9::/64 goto 80 pref 250
ip -6 rule add to 2001:db8:99::/64 goto 999 pref 260
ip -6 rule add nop pref 270
ip -6 rule add table 200 pref 300
ip -6 rule add table main suppress_prefixlength 0 pref 50
ip -6 rule
ip -6 -j rule show
ip -6 route get 2001:db8:55::1
ip -6 route get 2001:db8:55::1 from 2001:db8:1::1
ip -6 route get 2001:db8:77::1 from 2001:db8:1::1
ip -6 route get 2001:db8:77::1
ip -6 route get 2001:db8:77::1 from 2001:db8:9::1
ip -6 route get 2001:db8:55::1 from 2001:db8:9::1
ip -6 route get 2001:db8:2::5
ip -6 rule del pref 50
ip -6 route get 2001:db8:55::1
ip -6 route get 2001:db8:2::5
ip -6 rule del nop pref 100
ip -6 rule del nop pref 270
ip -6 rule del unreachable pref 300
ip -6 rule
ip -6 rule flush
ip -6 rule
