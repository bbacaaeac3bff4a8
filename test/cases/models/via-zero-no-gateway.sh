#!/bin/bash
# `via 0.0.0.0` is no gateway (rtm_to_fib_config sets a gateway family only for a non-zero
# RTA_GATEWAY): the route goes straight out of the device, with iproute2's scope for a route that
# named a gateway (global, so no `scope link`). Without `dev` there is no device; with `onlink`
# the kernel refuses a nexthop that has no gateway; a delete `via 0.0.0.0` matches any gateway.
ip netns add a
ip netns add b
ip link add v0 type veth peer name v1 netns a
ip link set v0 up
ip addr add 10.0.0.1/24 dev v0
ip -n a link set v1 up
ip -n a addr add 10.0.0.2/24 dev v1
ip -n a addr add 10.9.0.7/32 dev v1
ip route add 10.9.0.0/24 via 10.0.0.2 dev v0
ip route change 10.9.0.0/24 via 0.0.0.0 dev v0
ip route show
ip route get 10.9.0.7
ping -c 1 -W 2 10.9.0.7
ip neigh show dev v0
ip route add 10.8.0.0/24 via 0.0.0.0 dev v0
ip route add 10.7.0.0/24 via 0.0.0.0
ip route replace 10.6.0.0/24 via 0.0.0.0 dev v0 onlink
ip route add default via 0.0.0.0 dev v0 metric 5
ip route add 10.5.0.0/24 via 0 dev v0
ip route add 10.4.0.0/24 via 0.0.0.0 dev lo
ip route add 10.3.0.0/24 via inet 0.0.0.0 dev v0 scope link
ip route show
ip -j route show 10.8.0.0/24
ip route get 10.8.0.5
ip route add 10.2.0.0/24 via 10.8.0.5
ip route add 10.1.0.0/24 via 10.0.0.2
ip route del 10.1.0.0/24 via 0.0.0.0
ip route del 10.8.0.0/24 via 0.0.0.0 dev v0
ip route del 10.5.0.0/24 via 0.0.0.0 dev lo
ip route append 10.5.0.0/24 via 0.0.0.0 dev v0
ip route show
ip link set v0 down
ip route add 10.0.5.0/24 via 0.0.0.0 dev v0
ip route show
