#!/bin/bash
# A router whose server-side link was never set up: its address there is in place, but the
# connected route comes only with the link, so the router has no route to the server's subnet.
# The client's ping gets "Destination Net Unreachable" from the router; the server's ping to
# the router's near address gets silence (the router has no route back). Once the link is up,
# both answer.
ip netns add c
ip netns add r
ip netns add s
ip link add c-r netns c type veth peer name r-c netns r
ip link add r-s netns r type veth peer name s-r netns s
ip -n c addr add 10.1.0.2/24 dev c-r
ip -n r addr add 10.1.0.1/24 dev r-c
ip -n r addr add 10.2.0.1/24 dev r-s
ip -n s addr add 10.2.0.2/24 dev s-r
ip -n c link set c-r up
ip -n r link set r-c up
ip -n s link set s-r up
ip -n c route add default via 10.1.0.1
ip -n s route add default via 10.2.0.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec c ping -c 1 -W 1 10.2.0.2
ip netns exec s ping -c 1 -W 1 10.1.0.1
ip -n r route get 10.2.0.2
ip -n r link set r-s up
ip netns exec c ping -c 1 -W 1 10.2.0.2
ip netns exec s ping -c 1 -W 1 10.1.0.1
