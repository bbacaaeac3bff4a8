#!/bin/bash
# lint port-no-listener: a port forward on the router r (192.168.5.1:80 → s:8080) while the
# server listens on 8000: the DNAT works, and s refuses every connection it sends (a RST), so
# the client's nc fails with "Connection refused".
ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 192.168.5.2/24 dev c0
ip -n r addr add 192.168.5.1/24 dev r0
ip -n r addr add 10.5.0.1/24 dev r1
ip -n s addr add 10.5.0.2/24 dev s0
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n c route add default via 192.168.5.1
ip -n s route add default via 10.5.0.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec s nc -lk 8000 &
ip netns exec r iptables -t nat -A PREROUTING -d 192.168.5.1 -p tcp --dport 80 -j DNAT --to-destination 10.5.0.2:8080
ip netns exec c nc -z -v -w 1 192.168.5.1 80
