#!/bin/bash
# With net.ipv4.fib_multipath_hash_seed set (Linux 6.11+; IPv6 shares it) the sibling a flow
# takes is known: rt6_multipath_hash (policy 0: SipHash of the flow's addresses, flow label
# and protocol, keyed by the seed) against the siblings' upper bounds (rt6_multipath_rebalance,
# by weight, dead siblings left out), from the first sibling (fib6_select_path). `ip -6 route
# get` answers with that sibling, with or without `from`, and `fibmatch` lists the siblings
# from it. Seed 0 makes it random again.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link add v3 type veth peer name p3
for d in v1 v2 v3 p1 p2 p3; do ip link set $d up; done
ip -6 addr add 2001:db8:1::1/64 dev v1 nodad
ip -6 addr add 2001:db8:2::1/64 dev v2 nodad
ip -6 addr add 2001:db8:3::1/64 dev v3 nodad
sysctl -w net.ipv4.fib_multipath_hash_seed=12345
ip -6 route add 2001:db8:9::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 weight 2 nexthop via 2001:db8:3::2
for i in 1 2 3 4 5 6 7 8 9 a b c d e f 10; do ip -6 route get 2001:db8:9::$i; done
for i in 1 2 3 4 5 6; do ip -6 route get 2001:db8:9::$i fibmatch; done
for i in 1 2 3 4 5 6; do ip -6 route get 2001:db8:9::$i from 2001:db8:2::1; done
ip link set v2 down
for i in 1 2 3 4 5 6 7 8; do ip -6 route get 2001:db8:9::$i; done
sysctl -w net.ipv4.fib_multipath_hash_seed=0
ip -6 route get 2001:db8:9::1
