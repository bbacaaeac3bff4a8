#!/bin/bash
# The IPv4 "route cache" since Linux 3.6: the nexthop exceptions. A path MTU learned from the
# router's "Frag needed" is an exception of h1's route; `ip route show cache` lists it only once
# a route lookup has bound it (fnhe_dump_bucket skips an exception with no cached route): not
# after the one ping that taught it, but after `ip route get` or the next packet. `ip route
# flush cache` makes every exception stale (fnhe_genid_bump), so the next lookup sees the link's
# MTU again and tracepath learns 1400 afresh. The router itself learns nothing.
ip netns add h1
ip netns add r
ip netns add h2
ip link add e1 type veth peer name ra
ip link add e2 type veth peer name rb
ip link set e1 netns h1
ip link set ra netns r
ip link set e2 netns h2
ip link set rb netns r
ip -n h1 addr add 10.1.0.2/24 dev e1
ip -n r addr add 10.1.0.1/24 dev ra
ip -n r addr add 10.2.0.1/24 dev rb
ip -n h2 addr add 10.2.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n r link set ra up
ip -n r link set rb up
ip -n r link set rb mtu 1400
ip -n h2 link set e2 mtu 1400
ip -n h1 route add default via 10.1.0.1
ip -n h2 route add default via 10.2.0.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec h1 ping -c 1 -W 1 10.2.0.2
ip -n h1 route show cache
ip netns exec h1 ping -c 1 -W 1 -M do -s 1472 10.2.0.2
ip -n h1 route show cache
ip -n h1 route get 10.2.0.2
ip -n h1 route show cache
ip -n h1 -j route show cache
ip -n h1 route show table cache
ip -n h1 route list cached
ip -n r route show cache
ip -n h1 route flush cache
ip -n h1 route show cache
ip netns exec h1 ip route get 10.2.0.2
ip netns exec h1 tracepath -n 10.2.0.2
ip -n h1 route show cache
ip netns exec h1 ping -c 1 -W 1 -M do -s 1472 10.2.0.2
ip netns exec h1 ping -c 1 -W 1 -M do -s 1300 10.2.0.2
ip -n h1 route show cache
