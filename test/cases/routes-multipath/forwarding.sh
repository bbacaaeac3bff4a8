#!/bin/bash
# Which hop a packet takes. With no output device the kernel hashes the flow with a seed that is
# random per boot (net.ipv4.fib_multipath_hash_seed unset), so a ping or `ip route get` through
# hops that differ is not modelled (the kernel answers it; `fibmatch` shows the FIB entry and is
# modelled); an output device picks its hop; dead hops are never taken, so one live hop left
# decides; hops that are all the same decide too.
sysctl -w net.ipv4.ip_forward=1
ip netns add b
ip link add r1 type veth peer name e1 netns b
ip link add r2 type veth peer name e2 netns b
ip link set r1 up
ip link set r2 up
ip -n b link set lo up
ip -n b link set e1 up
ip -n b link set e2 up
ip addr add 10.0.1.1/24 dev r1
ip addr add 10.0.2.1/24 dev r2
ip -n b addr add 10.0.1.2/24 dev e1
ip -n b addr add 10.0.2.2/24 dev e2
ip -n b addr add 10.9.0.1/32 dev lo
ip -n b route add default via 10.0.1.1
ip route add 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route get 10.9.0.1 fibmatch
ip route get 10.9.0.1 oif r2
ping -c 1 -W 1 -I r2 10.9.0.1
ip neigh show dev r2
ip route get 10.9.0.1
ping -c 1 -W 1 10.9.0.1
ip link set r1 down
ip route
ip route get 10.9.0.1
ping -c 1 -W 1 10.9.0.1
ip link set r1 up
ip route
ping -c 1 -W 1 -I r1 10.9.0.1
ip route replace 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.1.2 weight 2
ip route
ip route get 10.9.0.1
ping -c 1 -W 1 10.9.0.1
ip -j route get 10.9.0.1 fibmatch
ip netns add a
ip link add ra type veth peer name ea netns a
ip link set ra up
ip addr add 10.0.5.1/24 dev ra
ip -n a link set lo up
ip -n a link set ea up
ip -n a addr add 10.0.5.2/24 dev ea
ip -n a route add default via 10.0.5.1
ip route replace 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2
ip route get 10.9.0.1 from 10.0.5.2 iif ra
ip netns exec a ping -c 1 -W 1 10.9.0.1
ip link set r2 down
ip route get 10.9.0.1 from 10.0.5.2 iif ra
ip netns exec a ping -c 1 -W 1 10.9.0.1
ip neigh show dev r1
