#!/bin/bash
# ip -6 rule: the IPv6 defaults (no `default` rule), a rule's priority, the lookup that follows
# the rules once one exists (a table without a route passes on; `unreachable` answers
# ENETUNREACH), deletion. ip -6 neigh: learnt entries (a router's NA sets `router`), added and
# proxy entries, refusals.
ip netns add A
ip netns add B
ip link add va netns A type veth peer name vb netns B
ip -n A link set va up
ip -n B link set vb up
ip netns exec B sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n A addr add 2001:db8::1/64 dev va
ip -n B addr add 2001:db8::2/64 dev vb
ip -n A -6 rule
ip -n A -6 rule add from 2001:db8::/64 table 100
ip -n A -6 rule add to 2001:db8:5::/64 prio 50 unreachable
ip -n A -6 rule
ip -n A -j -6 rule
ip -n A rule
ip -n A -6 route get 2001:db8:5::1
ip -n A -6 route add 2001:db8:7::/64 dev va table 100
ip -n A -6 route get 2001:db8:7::1
ip -n A -6 route get 2001:db8:7::1 from 2001:db8::1
ip -n A -6 route get 2001:db8::2
ip -n A -6 rule add from 2001:db8::/64 table 100
ip -n A -6 rule del prio 50
ip -n A -6 rule del from 2001:db8::/64 table 100
ip -n A -6 rule del from 2001:db8::/64 table 100
ip -n A -6 rule add from 10.0.0.0/8 table 5
ip -n A -6 rule
ip netns exec A ping -c 1 2001:db8::2
ip -n A -6 neigh
ip -n A -j -6 neigh
ip -n A -6 neigh add proxy 2001:db8::55 dev va
ip -n A -6 neigh add 2001:db8::66 lladdr 02:00:00:00:00:66 dev va
ip -n A -6 neigh add 2001:db8::67 dev va nud noarp
ip -n A -6 neigh show proxy
ip -n A -j -6 neigh show proxy
ip -n A -6 neigh show
ip -n A neigh show dev va
ip -n A -6 neigh show 2001:db8::/120
ip -n A -6 neigh add 2001:db8::66 lladdr 02:00:00:00:00:67 dev va
ip -n A -6 neigh replace 2001:db8::66 lladdr 02:00:00:00:00:67 dev va
ip -n A -6 neigh del 2001:db8::99 dev va
ip -n A -6 neigh del proxy 2001:db8::99 dev va
ip -n A -6 neigh add proxy 2001:db8::55 dev va
ip -n A -6 neigh add 2001:db8::68 dev va
ip -n A -6 neigh add 10.0.0.1 lladdr 02:00:00:00:00:67 dev va
ip -n A neigh add 2001:db8::69 lladdr 02:00:00:00:00:67 dev va
ip -n A -6 neigh del 2001:db8::66 dev va
ip -n A -6 neigh del proxy 2001:db8::55 dev va
ip -n A -6 neigh show
