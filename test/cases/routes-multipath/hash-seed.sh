#!/bin/bash
# With net.ipv4.fib_multipath_hash_seed set (Linux 6.11+) the hop a flow takes is known:
# fib_multipath_hash (policy 0: SipHash of the flow's L3 addresses, keyed by the seed) against
# the hops' upper bounds (fib_rebalance, by weight, dead hops left out). `ip route get` without a
# source answers with that hop, for a route's own hops and for a nexthop group's; with a source
# the kernel prefers, on a route's own hops, the hashed hop if the source is its own, else the
# first hop whose source it is (a group's path stays the hash's). Seed 0 makes it random again.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link add v3 type veth peer name p3
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip link set p1 up
ip link set p2 up
ip link set p3 up
ip addr add 10.0.1.1/24 dev v1
ip addr add 10.0.2.1/24 dev v2
ip addr add 10.0.3.1/24 dev v3
sysctl net.ipv4.fib_multipath_hash_seed
sysctl net.ipv4.fib_multipath_hash_policy
sysctl -w net.ipv4.fib_multipath_hash_seed=-1
sysctl -w net.ipv4.fib_multipath_hash_seed=4294967295
sysctl -w net.ipv4.fib_multipath_hash_policy=4
sysctl -w net.ipv4.fib_multipath_hash_seed=12345
sysctl net.ipv4.fib_multipath_hash_seed
ip route add 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2 weight 2 nexthop via 10.0.3.2
ip nexthop add id 1 via 10.0.1.2 dev v1
ip nexthop add id 2 via 10.0.2.2 dev v2
ip nexthop add id 3 via 10.0.3.2 dev v3
ip nexthop add id 10 group 1,5/2/3,2
ip route add 10.8.0.0/16 nhid 10
ip route get 10.9.7.13
ip route get 10.9.14.26
ip route get 10.9.21.39
ip route get 10.9.28.52
ip route get 10.9.35.65
ip route get 10.9.42.78
ip route get 10.9.49.91
ip route get 10.9.56.104
ip route get 10.9.63.117
ip route get 10.9.70.130
ip route get 10.9.77.143
ip route get 10.9.84.156
ip route get 10.9.91.169
ip route get 10.9.98.182
ip route get 10.9.105.195
ip route get 10.9.112.208
ip route get 10.8.11.3
ip route get 10.8.22.6
ip route get 10.8.33.9
ip route get 10.8.44.12
ip route get 10.8.55.15
ip route get 10.8.66.18
ip route get 10.8.77.21
ip route get 10.8.88.24
ip route get 10.8.99.27
ip route get 10.8.110.30
ip route get 10.8.121.33
ip route get 10.8.132.36
sysctl -w net.ipv4.fib_multipath_hash_seed=7
ip route get 10.9.5.3
ip route get 10.9.10.6
ip route get 10.9.15.9
ip route get 10.9.20.12
ip route get 10.9.25.15
ip route get 10.9.30.18
ip route get 10.9.35.21
ip route get 10.9.40.24
ip link set v2 down
ip route get 10.9.5.3
ip route get 10.9.10.6
ip route get 10.9.15.9
ip route get 10.9.20.12
ip route get 10.9.25.15
ip route get 10.9.30.18
ip route get 10.9.35.21
ip route get 10.9.40.24
ip route get 10.9.1.1 from 10.0.3.1
ip link set v2 up
ip route get 10.9.19.7 from 10.0.1.1
ip route get 10.9.19.7 from 10.0.2.1
ip route get 10.9.19.7 from 10.0.3.1
ip route get 10.9.38.14 from 10.0.1.1
ip route get 10.9.38.14 from 10.0.2.1
ip route get 10.9.38.14 from 10.0.3.1
ip route get 10.9.57.21 from 10.0.1.1
ip route get 10.9.57.21 from 10.0.2.1
ip route get 10.9.57.21 from 10.0.3.1
ip route get 10.9.76.28 from 10.0.1.1
ip route get 10.9.76.28 from 10.0.2.1
ip route get 10.9.76.28 from 10.0.3.1
ip route get 10.9.95.35 from 10.0.1.1
ip route get 10.9.95.35 from 10.0.2.1
ip route get 10.9.95.35 from 10.0.3.1
ip route get 10.9.114.42 from 10.0.1.1
ip route get 10.9.114.42 from 10.0.2.1
ip route get 10.9.114.42 from 10.0.3.1
ip route get 10.8.19.7 from 10.0.2.1
ip route get 10.8.38.14 from 10.0.2.1
ip route get 10.8.57.21 from 10.0.2.1
ip route get 10.8.76.28 from 10.0.2.1
sysctl -w net.ipv4.fib_multipath_hash_seed=0
ip route get 10.9.1.1
