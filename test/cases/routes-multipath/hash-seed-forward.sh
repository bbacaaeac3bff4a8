#!/bin/bash
# The seeded hash on a router: a forwarded packet is hashed by its own addresses
# (ip_mkroute_input, ip_multipath_l3_keys), so with net.ipv4.fib_multipath_hash_seed set the
# path each ping from a takes is known. Here only the path through b answers (c forwards
# nothing), so which pings are answered shows which hop the router took for each destination;
# the router's own pings too (ping's probe connect looks up with the source it chose).
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv4.fib_multipath_hash_seed=4242
ip netns add a
ip netns add b
ip netns add c
ip link add ra type veth peer name ea netns a
ip link add rb type veth peer name eb netns b
ip link add rc type veth peer name ec netns c
ip link set ra up
ip link set rb up
ip link set rc up
ip addr add 10.0.5.1/24 dev ra
ip addr add 10.0.1.1/24 dev rb
ip addr add 10.0.2.1/24 dev rc
ip -n a link set lo up
ip -n a link set ea up
ip -n a addr add 10.0.5.2/24 dev ea
ip -n a route add default via 10.0.5.1
ip -n b link set lo up
ip -n b link set eb up
ip -n b addr add 10.0.1.2/24 dev eb
ip -n b route add default via 10.0.1.1
ip -n c link set lo up
ip -n c link set ec up
ip -n c addr add 10.0.2.2/24 dev ec
ip route add 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip -n b addr add 10.9.9.17/32 dev lo
ip -n b addr add 10.9.18.34/32 dev lo
ip -n b addr add 10.9.27.51/32 dev lo
ip -n b addr add 10.9.36.68/32 dev lo
ip -n b addr add 10.9.45.85/32 dev lo
ip -n b addr add 10.9.54.102/32 dev lo
ip -n b addr add 10.9.63.119/32 dev lo
ip -n b addr add 10.9.72.136/32 dev lo
ip netns exec a ping -c 1 -W 1 10.9.9.17
ip netns exec a ping -c 1 -W 1 10.9.18.34
ip netns exec a ping -c 1 -W 1 10.9.27.51
ip netns exec a ping -c 1 -W 1 10.9.36.68
ip netns exec a ping -c 1 -W 1 10.9.45.85
ip netns exec a ping -c 1 -W 1 10.9.54.102
ip netns exec a ping -c 1 -W 1 10.9.63.119
ip netns exec a ping -c 1 -W 1 10.9.72.136
ip route get 10.9.9.17 from 10.0.5.2 iif ra
ip route get 10.9.18.34 from 10.0.5.2 iif ra
ping -c 1 -W 1 10.9.9.17
ping -c 1 -W 1 10.9.18.34
ping -c 1 -W 1 10.9.27.51
ping -c 1 -W 1 10.9.36.68
ping -c 1 -W 1 10.9.45.85
ping -c 1 -W 1 10.9.54.102
ping -c 1 -W 1 10.9.63.119
ping -c 1 -W 1 10.9.72.136
